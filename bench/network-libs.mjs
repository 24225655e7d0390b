// `node bench/network-libs.mjs`: draws the same network of 2,000 actors (edges from 20,000
// claims) with Cytoscape.js and with sigma.js in Chromium, and prints draw time and pan frame
// times for each. This is how the Network view's library was chosen (docs/performance.md); it
// is not run by `npm run bench` (the app's own figures are bench/network-bench.ts).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { ensureChromium } from '../scripts/find-chromium.mjs';

const root = join(import.meta.dirname, 'network-libs');
const outDir = join(import.meta.dirname, '.tmp', 'network-libs');
await build({ root, logLevel: 'warn', base: './', build: { outDir, emptyOutDir: true } });
const server = createServer(async (req, res) => {
  try {
    const path = join(outDir, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': { '.html': 'text/html', '.js': 'text/javascript' }[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'] });
const rounds = Number(process.env.ROUNDS ?? 3);
const runs = (process.env.LIBS ?? 'cytoscape:default,cytoscape:tuned,sigma:default').split(',').map((r) => r.split(':'));
for (const [lib, variant] of runs) {
  for (let round = 0; round < rounds; round++) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on('pageerror', (e) => console.error(lib, 'PAGE ERROR', e.message));
    await page.goto(url);
    await page.waitForFunction(() => 'runBench' in window);
    console.log(JSON.stringify(await page.evaluate(([l, v]) => window.runBench(l, v), [lib, variant])));
    await page.close();
  }
}
await browser.close();
server.close();
