import { ELEMENT_NODE, TEXT_NODE, type DomNode } from './dom-types';

/**
 * Elements that end the paragraph before them and start a new one. Everything else is inline
 * and contributes its text to the current paragraph. This is how HTML from Readability and from
 * mammoth (Word) become one paragraph per p, heading, list item or quote.
 */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Never text a reader sees. Readability removes most of these; mammoth emits none; both are cheap to skip. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'IFRAME', 'OBJECT', 'SELECT', 'HEAD', 'TITLE']);

/** Table cells sit side by side, so a space (not a paragraph break) separates them. */
const CELLS = new Set(['TD', 'TH']);

/** The text under `root`, one paragraph per line. */
export function blocksToParagraphs(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: DomNode, preformatted: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      // Inside <pre> a line break is a line break; elsewhere it is layout whitespace.
      if (preformatted) {
        const lines = value.split('\n');
        lines.forEach((line, index) => {
          if (index > 0) flush();
          current += line;
        });
      } else {
        // A no-break space in HTML is a typesetting device; as text it is a space.
        current += value.replace(/\u00a0/g, ' ');
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    if (CELLS.has(name)) current += ' ';
    const children = node.childNodes;
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      if (child) walk(child, preformatted || name === 'PRE');
    }
    if (block) flush();
    if (CELLS.has(name)) current += ' ';
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n');
}
