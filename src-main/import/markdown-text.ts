/**
 * Markdown to plain paragraphs: what a reader sees once the markup is rendered, not the markup.
 *
 * Only the block and inline syntax that news notes and saved articles use is handled. Headings,
 * list items, quotes and table rows each become a paragraph; lines of one Markdown paragraph are
 * joined (a single line break is a soft wrap in Markdown, unlike in a .txt file); emphasis, links,
 * images and code markers are dropped and their text kept.
 */
export interface MarkdownText {
  /** Paragraphs, one per line. */
  text: string;
  /** Text of the first level-1 heading, or ''. */
  firstHeading: string;
  /** Simple `key: value` pairs from a leading YAML front-matter block. */
  frontMatter: Record<string, string>;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_DIVIDER = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]+\S+/;

export function markdownToText(source: string): MarkdownText {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const frontMatter = readFrontMatter(lines);
  const blocks: string[] = [];
  let firstHeading = '';
  let paragraph: string[] = [];
  let fence: string | null = null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push(stripInline(paragraph.join(' ')));
    paragraph = [];
  };
  const heading = (level: number, text: string) => {
    const plain = stripInline(text);
    if (level === 1 && !firstHeading) firstHeading = plain;
    blocks.push(plain);
  };

  for (const rawLine of lines.slice(frontMatter.consumed)) {
    if (fence !== null) {
      // Code is kept verbatim, one paragraph per line, so no character of it is lost.
      if (rawLine.trim().startsWith(fence)) fence = null;
      else blocks.push(rawLine);
      continue;
    }
    const fenceMatch = FENCE.exec(rawLine);
    if (fenceMatch?.[1]) {
      flush();
      fence = fenceMatch[1];
      continue;
    }
    const line = rawLine.replace(/^(?:[ \t]*>[ \t]?)+/, '');
    if (line.trim() === '' || LINK_DEFINITION.test(line)) {
      flush();
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext?.[1] && paragraph.length > 0) {
      const text = paragraph.join(' ');
      paragraph = [];
      heading(setext[1].startsWith('=') ? 1 : 2, text);
      continue;
    }
    if (THEMATIC_BREAK.test(line) || TABLE_DIVIDER.test(line)) {
      flush();
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx?.[1]) {
      flush();
      heading(atx[1].length, atx[2] ?? '');
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      paragraph.push(item[1] ?? '');
      continue;
    }
    if (/^[ \t]*\|.*\|[ \t]*$/.test(line)) {
      flush();
      blocks.push(stripInline(line.trim().slice(1, -1).split('|').map((cell) => cell.trim()).join(' ')));
      continue;
    }
    // Two trailing spaces or a backslash mark a hard break, which a plain-text paragraph can only show as a new paragraph.
    const hardBreak = / {2,}$|\\$/.test(line);
    paragraph.push(line.replace(/\\$/, '').trim());
    if (hardBreak) flush();
  }
  flush();
  return { text: blocks.join('\n'), firstHeading, frontMatter: frontMatter.values };
}

function readFrontMatter(lines: string[]): { consumed: number; values: Record<string, string> } {
  const values: Record<string, string> = {};
  if (lines[0]?.trim() !== '---') return { consumed: 0, values };
  const end = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  // Without a closing marker the dashes are a thematic break, not front matter.
  if (end === -1 || end > 100) return { consumed: 0, values };
  for (const line of lines.slice(1, end)) {
    const pair = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (pair?.[1] && pair[2] !== undefined) values[pair[1].toLowerCase()] = pair[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { consumed: end + 1, values };
}

/** Escaped characters are parked in the private-use area so no later rule treats them as markup. */
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!>~|<])/g;
const PARK_BASE = 0xe000;

const park = (ch: string) => String.fromCharCode(PARK_BASE + ch.charCodeAt(0));

export function stripInline(text: string): string {
  let out = text.replace(ESCAPABLE, (_m, ch: string) => park(ch));
  out = out
    .replace(/<!--[\s\S]*?-->/g, '')
    // Code is literal: its asterisks and brackets are parked like escaped ones.
    .replace(/`+([^`]+?)`+/g, (_m, code: string) => code.replace(/[\\`*_{}[\]()#+\-.!<>~|]/g, park))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\*(?=\S)([^*]*?\S)\*/g, '$1')
    // An underscore inside a word (snake_case, file_names) is not emphasis.
    .replace(/(^|[^\p{L}\p{N}])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? _m);
  return out.replace(/[\ue000-\ue0ff]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - PARK_BASE));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
