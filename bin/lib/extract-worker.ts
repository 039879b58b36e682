// The worker that extracts pages for the command line, so that a page over the time budget can be stopped.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from './error-message';
import { extractFromBytes } from './extract-file';

export interface Job {
  id: number;
  file: string;
  bytes: Uint8Array;
  url: string | null;
}

// Loaded (jsdom and the engine imported): the time budget starts per page from here.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (job: Job) => {
  try {
    const item = extractFromBytes(
      job.file,
      Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.length),
      job.url,
    );
    parentPort?.postMessage({ id: job.id, item });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: errorMessage(e) });
  }
});
