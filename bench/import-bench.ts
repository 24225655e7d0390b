/**
 * `npm run bench import-bench`: 1,000 saved news pages (the wire-story fixture, each made
 * distinct) imported through the router the way the import dialog does it: extracted four files
 * per call, then saved ten articles per call, each save durable.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchSize } from './bench-size';
import { openBenchProject } from './bench-project';

const PAGES = benchSize(1_000, 8);

async function main() {
  // Run from the project folder (npm run bench does).
  const page = await readFile(resolve(process.cwd(), 'e2e/fixtures/import/wire-story.html'), 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'import-bench-'));
  const { store, call } = await openBenchProject(dir);
  // A sentence per page makes every text (and so every hash) different.
  // Real news pages weigh 100–300 kB, mostly scripts, styles and link lists; pad the fixture to
  // about 200 kB with such boilerplate so the figure is for a typical page, not a tidy one.
  const related = Array.from({ length: 120 }, (_, k) => `<li><a href="/news/related-${k}">Related story number ${k} about regional politics</a></li>`).join('');
  const script = `<script>window.__state=${JSON.stringify({ items: Array.from({ length: 1500 }, (_, k) => ({ id: k, slot: `ad-${k}`, sizes: [[300, 250], [728, 90]] })) })};</script>`;
  const style = `<style>${Array.from({ length: 600 }, (_, k) => `.c${k}{margin:${k % 7}px;padding:${k % 5}px;color:#${(k * 2654435).toString(16).slice(0, 6).padEnd(6, '0')}}`).join('')}</style>`;
  const heavy = page.replace('</head>', `${style}</head>`).replace('</body>', `<aside><ul>${related}</ul></aside>${script}</body>`);
  const pages = Array.from({ length: PAGES }, (_, i) => heavy.replace('</p>', ` Update ${i + 1}: officials confirmed the figures.</p>`));
  const t0 = performance.now();
  let extractMs = 0;
  let imported = 0;
  const drafts: { title: string; source: string; url: string; published: string; text: string; fileName: string; format: 'html' }[] = [];
  for (let i = 0; i < PAGES; i += 4) {
    const s = performance.now();
    const { results } = await call<{ results: { ok: boolean; draft?: { title: string; source: string; siteName: string; url: string; published: string; text: string } }[] }>('import:extract', {
      files: pages.slice(i, i + 4).map((html, k) => ({ name: `page-${i + k}.html`, data: Buffer.from(html).toString('base64') })),
    });
    extractMs += performance.now() - s;
    results.forEach((r, k) => r.ok && drafts.push({ title: r.draft!.title, source: r.draft!.source || r.draft!.siteName, url: r.draft!.url, published: r.draft!.published, text: r.draft!.text, fileName: `page-${i + k}.html`, format: 'html' }));
  }
  const s = performance.now();
  for (let i = 0; i < drafts.length; i += 10) {
    const { results } = await call<{ results: { ok: boolean }[] }>('import:commit', { items: drafts.slice(i, i + 10) });
    imported += results.filter((r) => r.ok).length;
  }
  const saveMs = performance.now() - s;
  const total = performance.now() - t0;
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
  console.log(`${PAGES} saved news pages of ${(pages[0]!.length / 1024).toFixed(0)} kB (the wire-story fixture padded with scripts, styles and link lists around the article)\n`);
  console.log(`extract (Readability, metadata, canonical text, duplicate check): ${(extractMs / 1000).toFixed(1)} s`);
  console.log(`save ${imported} articles durably:                                  ${(saveMs / 1000).toFixed(1)} s`);
  console.log(`total:                                                            ${(total / 1000).toFixed(1)} s   target < 60 s`);
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
