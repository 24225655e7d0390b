// Builds docs/examples/report.md from docs/examples/example-project.json (made-up articles) by
// driving the real web host's API, exactly as the app would: a fresh project, its articles,
// actors and mentions, graded claims, links, then `reports:markdown` over the whole project.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildIfNeeded, root } from './build-if-needed.mjs';

buildIfNeeded();
const spec = JSON.parse(await readFile(join(root, 'docs/examples/example-project.json'), 'utf8'));
const dir = await mkdtemp(join(tmpdir(), 'example-report-'));
const host = spawn(process.execPath, [join(root, 'out/main/host.js'), '--project', join(dir, 'project'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const line = await new Promise((resolve) => createInterface({ input: host.stdout }).once('line', resolve));
const [, base, token] = /^Workbench running at (http:\/\/[^/]+)\/#token=(\S+)$/.exec(line);

async function call(channel, input) {
  const response = await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
  const result = await response.json();
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

try {
  await call('project:update-notes', { notes: spec.projectNotes });
  const articles = [];
  for (const a of spec.articles) articles.push(await call('articles:create', a));
  const tags = new Map();
  for (const t of spec.tags) tags.set(t.name, (await call('tags:create', t)).id);
  const actors = new Map();
  for (const { affiliation, ...fields } of spec.actors) {
    const actor = await call('actors:create', { ...fields, affiliationId: affiliation ? actors.get(affiliation) : null });
    actors.set(actor.name, actor.id);
    const found = await call('actors:find-mentions', { actorId: actor.id });
    if (found.length) await call('actors:accept-mentions', { actorId: actor.id, mentions: found.map(({ articleId, start, end }) => ({ articleId, start, end })) });
  }
  const range = (index, exact) => {
    const article = articles[index];
    const start = article.text.indexOf(exact);
    if (start < 0) throw new Error(`"${exact}" is not in article ${index}`);
    return { articleId: article.id, start, end: start + exact.length, exact };
  };
  const claims = new Map();
  for (const c of spec.claims) {
    const created = await call('annotations:create', {
      ...range(c.article, c.exact), kind: 'claim', note: c.note, tags: c.tags.map((n) => tags.get(n)),
      claim: { speakerId: actors.get(c.speaker) ?? null, form: c.form, medium: c.medium, reliability: c.reliability, credibility: c.credibility, verification: c.verification },
    });
    claims.set(`${c.article}:${c.exact}`, { articleId: created.articleId, annotationId: created.id });
  }
  for (const h of spec.highlights) await call('annotations:create', { ...range(h.article, h.exact), kind: 'highlight', note: h.note, tags: h.tags.map((n) => tags.get(n)) });
  for (const l of spec.links) {
    const from = claims.get(`${l.from[0]}:${l.from[1]}`);
    const to = claims.get(`${l.to[0]}:${l.to[1]}`);
    if (from && to) await call('claims:link', { from, to, type: l.type });
  }
  const report = await call('reports:markdown', { title: 'Arvel valley: what the governments say and do (24–27 September 2026)', scope: { kind: 'project' } });
  // The generation time line would change on every run; the example keeps a fixed date.
  const markdown = report.markdown.replace(/^\*\*Generated:\*\* .*$/m, '**Generated:** 2026-09-28 09:00 UTC by Analyst Workbench');
  await writeFile(join(root, 'docs/examples/report.md'), markdown);
  console.log(`Wrote docs/examples/report.md (${markdown.length} characters).`);
} finally {
  host.kill('SIGTERM');
  await new Promise((resolve) => host.once('exit', resolve));
  await rm(dir, { recursive: true, force: true });
}
