/**
 * A small pool of worker threads for heavy HTTP work (time-travel redlines, exports), so the event
 * loop that serves `/healthz` and relays typing never waits on it. At most `workers` jobs run at
 * once; up to `queueLimit` more wait in order; beyond that `run` rejects at once with a 503. A job
 * that runs longer than `timeLimitMs` has its worker terminated (and replaced on the next job)
 * and rejects with a 503. Workers start on first use and are TypeScript run through tsx
 * (`boot.mjs` registers it in the thread).
 */
import { Worker } from 'node:worker_threads';
import { HTTPException } from 'hono/http-exception';
import type { JobInput, JobName, JobOutput } from './tasks.ts';
import type { JobReply, JobRequest } from './worker.ts';

/** Options of a `JobRunner`. */
export interface JobRunnerOptions {
  /** SQLite file the workers read (read-only); null when the store is not a file (texts must then come as JSON). */
  dbPath: string | null;
  /** Jobs running at once; default 1 (the machine's other core serves requests). */
  workers?: number;
  /** Jobs allowed to wait; default 8. */
  queueLimit?: number;
  /** Longest a job may run, ms; default 60 s. */
  timeLimitMs?: number;
}

/** Defaults of `JobRunnerOptions`. */
export const JOB_DEFAULTS = { workers: 1, queueLimit: 8, timeLimitMs: 60_000 } as const;

interface Waiting {
  request: JobRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Waiting | null;
  timer: NodeJS.Timeout | null;
}

const bootUrl = new URL('./boot.mjs', import.meta.url);
const workerUrl = new URL('./worker.ts', import.meta.url).href;

/** Runs jobs of `tasks.ts` on worker threads with bounded concurrency, queue and time. */
export class JobRunner {
  readonly workers: number;
  readonly queueLimit: number;
  readonly timeLimitMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly options: JobRunnerOptions) {
    this.workers = Math.max(1, options.workers ?? JOB_DEFAULTS.workers);
    this.queueLimit = Math.max(0, options.queueLimit ?? JOB_DEFAULTS.queueLimit);
    this.timeLimitMs = options.timeLimitMs ?? JOB_DEFAULTS.timeLimitMs;
  }

  /** Jobs running and waiting now. */
  get load(): { running: number; queued: number } {
    return { running: this.slots.filter((slot) => slot.job).length, queued: this.queue.length };
  }

  /** Run job `name` on a worker; rejects with HTTPException 503 when the queue is full or the job runs too long. */
  run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>> {
    if (this.closed) return Promise.reject(new HTTPException(503, { message: 'The server is shutting down' }));
    const busy = this.slots.filter((slot) => slot.job).length;
    if (busy >= this.workers && this.queue.length >= this.queueLimit) {
      return Promise.reject(new HTTPException(503, { message: `The server is busy with other redlines and exports (${busy} running, ${this.queue.length} waiting); try again in a minute` }));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, name, input }, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stop every worker; running and waiting jobs reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.reject(new HTTPException(503, { message: 'The server is shutting down' }));
    await Promise.all(this.slots.splice(0).map(async (slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.job?.reject(new HTTPException(503, { message: 'The server is shutting down' }));
      await slot.worker.terminate();
    }));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.job);
      if (!slot && this.slots.length < this.workers) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(bootUrl, { workerData: { entry: workerUrl, dbPath: this.options.dbPath }, execArgv: [] });
    worker.unref();
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (reply: JobReply) => {
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(reply.status ? new HTTPException(reply.status as 400, { message: reply.message }) : new Error(`Job ${job.request.name} failed: ${reply.message}`));
    });
    const lost = (error: Error) => {
      this.remove(slot);
      slot.job?.reject(new HTTPException(503, { message: `This ${slot.job.request.name} could not be finished (its worker stopped: ${error.message}); try again` }));
      slot.job = null;
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) lost(new Error(`exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Waiting): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      this.remove(slot);
      slot.job = null;
      void slot.worker.terminate();
      job.reject(new HTTPException(503, { message: `This ${job.request.name} took longer than ${Math.round(this.timeLimitMs / 1000)} s and was stopped; try a smaller comparison, or try again later` }));
      this.pump();
    }, this.timeLimitMs);
    slot.timer.unref();
    slot.worker.postMessage(job.request);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    queueMicrotask(() => this.pump());
  }

  private remove(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }
}
