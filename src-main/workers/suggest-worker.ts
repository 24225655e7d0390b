/**
 * Worker thread entry: runs the suggestion engine over one article at a time, away from the
 * thread that answers requests. Built to out/main/suggest-worker.js (see electron.vite.config.ts);
 * src-main/services/suggester.ts starts it.
 */
import { parentPort } from 'node:worker_threads';
import { suggest } from '../../src-shared/suggest';
import type { SuggestJob, SuggestReady, SuggestReply } from './suggest-protocol';

const port = parentPort;
if (!port) throw new Error('suggest-worker runs only as a worker thread.');

// The engine's word lists are unpacked on first use (about a second): done here, before the
// worker says it is ready, so that an article's time limit counts the article's work only.
suggest({ text: 'Warm up, the minister said.', actors: [] });
port.postMessage({ ready: true } satisfies SuggestReady);

port.on('message', (job: SuggestJob) => {
  let reply: SuggestReply;
  try {
    reply = { id: job.id, ok: true, suggestions: suggest(job.input) };
  } catch (error) {
    reply = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
