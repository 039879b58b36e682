import { Worker } from 'node:worker_threads';
import { TimeBudgetError } from '../../utils/extract/time-budget';
import type { Job } from './extract-worker';
import type { Printed } from './format-article';

class WorkerFailure extends Error {
  override readonly name = 'InputError'; // already a one-line message
}

/** Seconds one page may take before it is given up (jsdom on a loaded 2-core machine included). */
export const DEFAULT_TIME_BUDGET_S = 30;

/**
 * Extracts pages in a worker thread, one at a time: a page over the time budget is stopped (the worker is
 * terminated, which interrupts even synchronous code, and a new one takes the next page), and a page that exhausts
 * the worker's memory fails alone. One worker serves every file of a run, so jsdom and the engine load once.
 */
export class Extractor {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;

  constructor(private readonly budgetMs = DEFAULT_TIME_BUDGET_S * 1000) {}

  private start(): Worker {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./extract-worker.ts', import.meta.url).href },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
      stderr: true, // the worker's own noise stays out of ours
    });
    worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new WorkerFailure('extraction failed: the engine did not start')),
        120_000,
      );
      const fail = (e: Error) => {
        clearTimeout(timer);
        reject(
          new WorkerFailure(`extraction failed: the engine did not start (${e.message.split('\n')[0]})`),
        );
      };
      worker.once('error', fail);
      worker.once('message', () => {
        clearTimeout(timer);
        worker.off('error', fail);
        resolve();
      });
    });
    return worker;
  }

  async extract(file: string, bytes: Buffer, url: string | null): Promise<Printed> {
    this.worker ??= this.start();
    const worker = this.worker;
    try {
      await this.ready;
    } catch (e) {
      this.close();
      throw e;
    }
    const id = this.nextId++;
    return new Promise<Printed>((resolve, reject) => {
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        fn();
      };
      const drop = () => {
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        drop(); // the same error, and message, as the extension's own time budget
        finish(() => reject(new TimeBudgetError(this.budgetMs)));
      }, this.budgetMs);
      const onMessage = (m: { id: number; item?: Printed; error?: string }) => {
        if (m.id !== id) return;
        finish(() => (m.item ? resolve(m.item) : reject(new WorkerFailure(m.error ?? 'extraction failed'))));
      };
      const onError = (e: Error & { code?: string }) => {
        drop();
        const message =
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'page too large: extraction ran out of memory'
            : `extraction failed: ${e.message.split('\n')[0]}`;
        finish(() => reject(new WorkerFailure(message)));
      };
      const onExit = (code: number) => {
        drop();
        finish(() => reject(new WorkerFailure(`extraction failed: the worker stopped (exit ${code})`)));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const copy = new Uint8Array(bytes); // its own buffer, so it can be transferred
      const job: Job = { id, file, bytes: copy, url };
      worker.postMessage(job, [copy.buffer]);
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
