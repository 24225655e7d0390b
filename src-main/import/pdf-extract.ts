/**
 * Reading a PDF's text with pdf.js. This runs inside the PDF worker (pdf-worker.ts), never on the
 * thread that answers requests: see pdf-file.ts for why and for the limits around it.
 */
import { foldPresentationForms } from '../../src-shared/text/fold';
import { emptyFields, ExtractionFailure, type ExtractedFields } from './import-types';
import { tidy } from './metadata-values';
import { runsToParagraphs, type PdfTextRun } from './pdf-paragraphs';
import { runAngle, uprightRuns } from './pdf-rotation';

/** Where pdf.js finds its data files: directory paths ending in a separator. */
export interface PdfjsData {
  /** pdfjs-dist/cmaps: the character maps CJK fonts without a Unicode map need. */
  cMapUrl: string;
  /** pdfjs-dist/standard_fonts: metrics for the 14 standard fonts when a PDF does not embed them. */
  standardFontDataUrl: string;
}

/** More pages than any article; a forged page count would otherwise keep the worker busy until its time limit. */
export const MAX_PDF_PAGES = 5000;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdfjs is large, so it is loaded on the first PDF. Node has no web workers: importing the worker
 * module first registers it on globalThis, and pdfjs then runs it on this thread instead of
 * importing it by a computed path, which a bundler could not follow.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const stub = installMatrixStub();
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      if (stub && (globalThis as Record<string, unknown>)['DOMMatrix'] === stub) Reflect.deleteProperty(globalThis, 'DOMMatrix');
    }
  })();
  return pdfjs;
}

/**
 * pdfjs builds one DOMMatrix when its module loads, for rendering, which we never do. Node has no
 * DOMMatrix; pdfjs borrows one from the optional native package @napi-rs/canvas, which a bundled
 * or packaged main process may not be able to resolve, and without which loading pdfjs throws
 * and every PDF would fail. So, only while pdfjs loads and only if there is none, a stand-in
 * identity matrix is put on globalThis; it is removed again afterwards.
 */
function installMatrixStub(): (new () => object) | null {
  if ('DOMMatrix' in globalThis) return null;
  const stub = class IdentityMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
  Object.defineProperty(globalThis, 'DOMMatrix', { value: stub, configurable: true, writable: true });
  return stub;
}

/** Producer titles that are not the document's title. */
const PLACEHOLDER_TITLE = /^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|odt|rtf))$/i;

/**
 * A PDF's text layer as paragraphs; the title from the document information, else its first line.
 * Arabic and Hebrew runs are ordered right to left; presentation forms become the letters a
 * keyboard types (src-shared/text/fold.ts), so the text can be searched and quoted.
 */
export async function extractPdf(bytes: Uint8Array, displayName: string, stem: string, data: PdfjsData): Promise<ExtractedFields> {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  const task = getDocument({
    // Without them CJK text in fonts with a predefined CMap (Adobe-GB1, -Japan1, -Korea1, -CNS1) is lost.
    cMapUrl: data.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: data.standardFontDataUrl,
    // A copy: pdfjs may take ownership of (detach) the buffer it is given.
    data: new Uint8Array(bytes),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Text extraction needs no glyph outlines, so missing standard-font data is no reason to warn.
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    if (document.numPages > MAX_PDF_PAGES) {
      throw new ExtractionFailure('too-large', `${displayName} has ${document.numPages.toLocaleString('en')} pages, more than an article (at most ${MAX_PDF_PAGES.toLocaleString('en')}); split it and import the part you need.`);
    }
    const pages: PdfTextRun[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        uprightRuns(
          content.items.flatMap((item) =>
            'str' in item
              ? [{ str: foldPresentationForms(item.str), x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width, fontSize: fontSize(item.transform, item.height), rtl: item.dir === 'rtl', angle: runAngle(item.transform) }]
              : [],
          ),
        ),
      );
      page.cleanup();
    }
    if (!pages.some((runs) => runs.some((run) => run.str.trim().length > 0))) {
      throw new ExtractionFailure('image-only-pdf', `${displayName} is an image-only PDF (no text layer); run it through OCR first, then import the result.`);
    }
    const text = runsToParagraphs(pages);
    const { info } = await document.getMetadata();
    const infoTitle = tidy((info as Record<string, unknown> | undefined)?.['Title']);
    const firstLine = text.split('\n')[0] ?? '';
    return {
      ...emptyFields(),
      text,
      title: infoTitle && !PLACEHOLDER_TITLE.test(infoTitle) ? infoTitle : firstLine.length < 200 ? firstLine : stem,
    };
  } catch (error) {
    if (error instanceof ExtractionFailure) throw error;
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new ExtractionFailure('encrypted-pdf', `${displayName} is protected by a password; open it, save a copy without the password, and import the copy.`);
    }
    throw new ExtractionFailure('malformed', `${displayName} could not be read as a PDF: the file is damaged or is not really a PDF (${errorText(error)}).`);
  } finally {
    await task.destroy();
  }
}

/** The size of the text in PDF units: the length of the transform's vertical axis. */
function fontSize(transform: number[], height: number): number {
  const size = Math.hypot(transform[2] ?? 0, transform[3] ?? 0);
  return size > 0 ? size : height > 0 ? height : 1;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
