/**
 * Worker thread entry: runs the suggestion engine over one article at a time, away from the
 * thread that answers requests. Built to out/main/suggest-worker.js (see electron.vite.config.ts);
 * src-main/services/suggester.ts starts it.
 */
import { parentPort } from 'node:worker_threads';
import { suggest } from '../../src-shared/suggest';
import type { SuggestJob, SuggestReply } from './suggest-protocol';

const port = parentPort;
if (!port) throw new Error('suggest-worker runs only as a worker thread.');

port.on('message', (job: SuggestJob) => {
  let reply: SuggestReply;
  try {
    reply = { id: job.id, ok: true, suggestions: suggest(job.input) };
  } catch (error) {
    reply = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
