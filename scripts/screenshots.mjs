// Screenshots of the screens of issue 13 (network, timelines, report, agreement, sync, settings)
// in the light and the dark theme, to be looked at, not compared. Not part of `npm test`.
//
//   nice -n 15 node scripts/build-if-needed.mjs && node scripts/screenshots.mjs [out-dir]
//
// Starts the web host on a fresh sample project (HOME and XDG_CONFIG_HOME in a temp folder),
// adds two articles, links between claims and two analysts' readings through the API, and saves
// <out-dir>/<screen>-<theme>.png (default /tmp/shots-a11y) at 1280×800.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { root } from './build-if-needed.mjs';

const OUT = process.argv[2] ?? '/tmp/shots-a11y';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts the web host and resolves with its address (first line of stdout) and the process. */
async function startHost(home) {
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config') };
  const host = spawn(process.execPath, [join(root, 'out/main/host.js'), '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: host.stdout }).once('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(line);
      if (match) resolve(match[1]);
      else reject(new Error(`Unexpected first line from the web host: ${line}`));
    });
    host.once('exit', (code) => reject(new Error(`The web host exited with ${code}`)));
  });
  return { host, url };
}

/** Calls a channel from inside the page, with the token the page keeps. */
async function api(page, channel, input = {}) {
  const answer = await page.evaluate(
    async ({ channel, input }) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('workbench-token') ?? ''}` },
        body: JSON.stringify(input),
      });
      return response.json();
    },
    { channel, input },
  );
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

const ARTICLES = [
  {
    title: 'Kesić disputes Caldonian account of the UN meeting',
    source: 'Harbour Wire',
    published: '2026-09-26',
    text: 'Davor Kesić told reporters on Friday that Ilse Marnow had walked out of the meeting before the border maps were even unrolled.\n\nCaldonia said the minister left on schedule. Vesteria asked the UN to publish the minutes.',
    claims: [{ exact: 'Ilse Marnow had walked out of the meeting before the border maps were even unrolled', speaker: 'Davor Kesić', reliability: 'C', credibility: 4, verification: 'contested', link: { type: 'contradicts', to: 'will not trade an inch of its sovereignty for a photograph' } }],
  },
  {
    title: 'UN spokesperson: both sides stayed at the table',
    source: 'Valley Courier',
    published: '2026-09-29',
    text: 'Mira Okafor said on Monday that both delegations stayed until the end and that Vesteria has never refused dialogue in the Arvel talks.\n\nCaldonia and Vesteria are due to meet again in October, Okafor added.',
    claims: [{ exact: 'Vesteria has never refused dialogue in the Arvel talks', speaker: 'Mira Okafor', reliability: 'A', credibility: 2, verification: 'corroborated', link: { type: 'supports', to: 'has never refused dialogue' } }],
  },
];

const TRUCE = 'Foreign Minister Ilse Marnow said the ceasefire would hold until spring.\n\nVesteria later denied that any ceasefire had been agreed.';

/** The fresh sample project, plus two articles with claims that name, contradict and support one another. */
async function seed(page) {
  await api(page, 'settings:update', { name: 'Lea Brandt' });
  const actors = new Map((await api(page, 'project:get')).actors.map((a) => [a.name, a.id]));
  const claims = new Map();
  for (const summary of await api(page, 'articles:list')) {
    const { annotations } = await api(page, 'articles:get', { id: summary.id });
    for (const a of annotations) if (a.kind === 'claim') claims.set(a.target.exact, { articleId: summary.id, annotationId: a.id });
  }
  const created = [];
  for (const spec of ARTICLES) {
    const article = await api(page, 'articles:create', { title: spec.title, source: spec.source, url: '', published: spec.published, text: spec.text });
    created.push(article);
    for (const [, actorId] of actors) {
      const found = await api(page, 'actors:find-mentions', { actorId, articleId: article.id });
      if (found.length > 0) await api(page, 'actors:accept-mentions', { actorId, mentions: found.map((m) => ({ articleId: article.id, start: m.start, end: m.end })) });
    }
    for (const claim of spec.claims) {
      const start = article.text.indexOf(claim.exact);
      const made = await api(page, 'annotations:create', {
        articleId: article.id, start, end: start + claim.exact.length, exact: claim.exact, kind: 'claim',
        claim: { speakerId: actors.get(claim.speaker), form: 'paraphrase', medium: 'statement', reliability: claim.reliability, credibility: claim.credibility, verification: claim.verification },
      });
      const ref = { articleId: article.id, annotationId: made.id };
      claims.set(claim.exact, ref);
      await api(page, 'claims:link', { from: ref, to: claims.get(claim.link.to), type: claim.link.type });
    }
  }
  // Two analysts code a fourth article independently: one claim, a different passage and grade.
  const truce = await api(page, 'articles:create', { title: 'Ceasefire in the Arvel valley to hold until spring', source: 'Valley Courier', url: '', published: '2026-09-30', text: TRUCE });
  await api(page, 'articles:update', { id: truce.id, patch: { assignedTo: ['Ana Ruiz', 'Ben Okafor'] } });
  const mark = (exact, fields) => {
    const start = truce.text.indexOf(exact);
    return api(page, 'annotations:create', { articleId: truce.id, start, end: start + exact.length, exact, ...fields });
  };
  for (const [name, passage, reliability, extra] of [
    ['Ana Ruiz', 'the ceasefire would hold until spring', 'B', null],
    ['Ben Okafor', 'the ceasefire would hold', 'D', 'Vesteria'],
  ]) {
    await api(page, 'settings:update', { name });
    await mark('Ilse Marnow', { kind: 'actor', actorId: actors.get('Ilse Marnow') });
    if (extra) await mark(extra, { kind: 'actor', actorId: actors.get(extra) });
    await mark(passage, { kind: 'claim', claim: { speakerId: actors.get('Ilse Marnow'), form: 'paraphrase', medium: 'statement', reliability, credibility: 3, verification: 'unverified' } });
  }
  await api(page, 'settings:update', { name: 'Ana Ruiz' });
}

async function shoot(page, name, theme) {
  // Transitions, the deferred redraw of marks and the canvas's first frames.
  await page.waitForTimeout(400);
  const path = join(OUT, `${name}-${theme}.png`);
  await page.screenshot({ path });
  console.log(path);
}

const tab = (page, name) => page.getByRole('tab', { name, exact: true }).click();

async function screens(page, theme) {
  await tab(page, 'Network');
  await page.locator('.network-canvas[data-drawn]').waitFor();
  await shoot(page, 'network', theme);
  await page.getByRole('table', { name: 'Links between actors' }).getByRole('button', { name: /contradicts/ }).first().click();
  await page.getByRole('region', { name: /contradicts/ }).getByRole('article').first().waitFor();
  await shoot(page, 'network-edge', theme);

  await tab(page, 'Claims');
  await page.getByRole('group', { name: 'Claims timeline' }).waitFor();
  await shoot(page, 'claims-timeline', theme);

  await tab(page, 'Actors');
  await page.getByRole('navigation', { name: 'Actor list' }).getByRole('button', { name: /Davor Kesić/ }).click();
  await page.getByRole('group', { name: /Claims timeline of/ }).waitFor();
  await shoot(page, 'dossier-timeline', theme);

  await tab(page, 'Library');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Markdown report' }).click();
  const report = page.getByRole('dialog', { name: 'Markdown report' });
  await report.getByRole('checkbox', { name: 'Network diagram' }).waitFor();
  await shoot(page, 'report-dialog', theme);
  await report.press('Escape');

  await tab(page, 'Agreement');
  await page.getByRole('table', { name: 'Agreement over all chosen articles' }).waitFor();
  await shoot(page, 'agreement', theme);
  await page.getByRole('button', { name: /^Curate / }).first().click();
  await page.getByRole('main', { name: 'Curation' }).getByRole('listitem').first().waitFor();
  await shoot(page, 'curation', theme);
  await page.getByRole('button', { name: /Back/ }).first().click();

  await tab(page, 'Library');
  await page.getByRole('region', { name: 'Sync' }).getByRole('button', { name: 'Share project' }).click();
  const share = page.getByRole('dialog', { name: 'Share project' });
  await share.waitFor();
  await shoot(page, 'share-dialog', theme);
  await share.press('Escape');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.waitFor();
  await shoot(page, 'settings-dialog', theme);
  await settings.press('Escape');
}

const home = await mkdtemp(join(tmpdir(), 'workbench-shots-'));
const { host, url } = await startHost(home);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  await mkdir(OUT, { recursive: true });
  const only = process.env.SHOTS_THEME;
  let seeded = false;
  for (const theme of ['light', 'dark']) {
    if (only && only !== theme) continue;
    const page = await browser.newPage({ colorScheme: theme, viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'New article' }).waitFor();
    if (!seeded) {
      await seed(page);
      seeded = true;
      await page.reload();
    }
    await screens(page, theme);
    await page.close();
  }
} finally {
  await browser.close();
  host.kill('SIGTERM');
  await new Promise((resolve) => host.once('exit', resolve));
  await rm(home, { recursive: true, force: true });
}
