/**
 * Worker thread entry: re-anchors the annotations of one edited article at a time, away from the
 * thread that answers requests. Built to out/main/reanchor-worker.js (see electron.vite.config.ts);
 * src-main/services/reanchorer.ts starts it.
 */
import { parentPort } from 'node:worker_threads';
import { reanchorAll } from '../../src-shared/anchoring/reanchor';
import type { ReanchorJob, ReanchorReply } from './reanchor-protocol';

const port = parentPort;
if (!port) throw new Error('reanchor-worker runs only as a worker thread.');

port.on('message', (job: ReanchorJob) => {
  let reply: ReanchorReply;
  try {
    reply = { id: job.id, ok: true, results: reanchorAll(job.oldText, job.newText, job.targets, job.placed) };
  } catch (error) {
    reply = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
