/**
 * A room's load: N raw clients spread over W forked load processes, K of them typists. The parent
 * drives the phases (connect → type → drain → finish) and gathers every time stamp.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClientSpec } from './raw-client.ts';
import { now } from './raw-client.ts';
import { trackChild } from './server-process.ts';

/** Typist k uses the Yjs client id TYPIST_CLIENT_BASE + k, so receivers recognise its edits. */
export const TYPIST_CLIENT_BASE = 0x100000;

/** Messages from the parent to a load worker. */
export type ParentMessage =
  | { type: 'start'; spec: ClientSpec; clients: { index: number; typist: number | null }[]; typistCount: number; connectBatch: number }
  | { type: 'go'; startAt: number; seconds: number; rate: number }
  | { type: 'stop' }
  | { type: 'expect'; finals: [number, number][]; typistOf: Record<number, number>; timeoutMs: number }
  | { type: 'finish'; hash: boolean };

/** What a worker hands back at the end. */
export interface WorkerResult {
  /** Flat [typist, clock, time] triples, one per keystroke. */
  sends: Float64Array;
  /** Flat [client index, typist, fromClock, toClock, time] records, one per received typist range. */
  observations: Float64Array;
  /** [client index, hash of state vector + text]. */
  hashes: [number, string][];
  closedClients: number;
}

/** Messages from a load worker to the parent. */
export type WorkerMessage =
  | { type: 'ready'; clients: number; typists: number }
  | { type: 'typed'; finals: [number, number][] }
  | { type: 'drained'; missingPairs: number }
  | { type: 'result'; result: WorkerResult }
  | { type: 'failed'; error: string };

/** The shape of a load. */
export interface LoadOptions {
  spec: ClientSpec;
  clients: number;
  typists: number;
  workers: number;
  connectBatch?: number;
}

/** Everything gathered from every worker, plus where each typist sits. */
export interface LoadRecords {
  clients: number;
  typists: number;
  /** Client index of each typist. */
  typistClient: number[];
  results: WorkerResult[];
  /** Typing window, monotonic ms. */
  window: { start: number; end: number };
}

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/** A running load; create with `Load.start`. */
export class Load {
  private window = { start: 0, end: 0 };
  private constructor(
    private readonly options: LoadOptions,
    private readonly workers: ChildProcess[],
    private readonly typistClient: number[],
  ) {}

  /** Fork the workers and connect every client; resolves when all are synced. */
  static async start(options: LoadOptions): Promise<Load> {
    const { clients, typists, workers: workerCount } = options;
    if (typists > clients) throw new RangeError(`typists (${typists}) exceed clients (${clients})`);
    // Clients are dealt round-robin to the workers, so the first K clients (the typists) spread evenly.
    const typistClient = Array.from({ length: typists }, (_, k) => k);
    const typistAt = new Map(typistClient.map((index, k) => [index, k]));
    const workers = Array.from({ length: workerCount }, () =>
      trackChild(fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })));
    const load = new Load(options, workers, typistClient);
    try {
      await Promise.all(workers.map((worker, w) => {
        const share = [];
        for (let index = w; index < clients; index += workerCount) share.push({ index, typist: typistAt.get(index) ?? null });
        const ready = load.next(worker, 'ready');
        worker.send({ type: 'start', spec: options.spec, clients: share, typistCount: typists, connectBatch: options.connectBatch ?? 20 } satisfies ParentMessage);
        return ready;
      }));
    } catch (error) {
      load.kill();
      throw error;
    }
    return load;
  }

  private next<T extends WorkerMessage['type']>(worker: ChildProcess, type: T): Promise<Extract<WorkerMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage): void => {
        if (message.type === 'failed') { cleanup(); reject(new Error(`load worker ${worker.pid} failed: ${message.error}`)); }
        else if (message.type === type) { cleanup(); resolve(message as Extract<WorkerMessage, { type: T }>); }
      };
      const onExit = (code: number | null): void => { cleanup(); reject(new Error(`load worker ${worker.pid} exited (${code}) while waiting for ${type}`)); };
      const cleanup = (): void => { worker.off('message', onMessage); worker.off('exit', onExit); };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
    });
  }

  /** Type for `seconds` at `rate` keystrokes/s per typist; resolves with each typist's final clock. */
  async type(seconds: number, rate: number): Promise<[number, number][]> {
    const startAt = now() + 100;
    this.window = { start: startAt, end: startAt + seconds * 1000 };
    const typed = this.workers.map((worker) => this.next(worker, 'typed'));
    for (const worker of this.workers) worker.send({ type: 'go', startAt, seconds, rate } satisfies ParentMessage);
    const finals = (await Promise.all(typed)).flatMap((message) => message.finals);
    this.window.end = Math.min(this.window.end, now());
    return finals;
  }

  /** Stop typing now (the durability scenario kills the server mid-run). */
  stop(): void {
    this.window.end = Math.min(this.window.end || now(), now());
    for (const worker of this.workers) worker.send({ type: 'stop' } satisfies ParentMessage);
  }

  /** Wait until every client has seen every other typist's last edit; resolves with the (client, typist) pairs still missing. */
  async drain(finals: [number, number][], timeoutMs: number): Promise<number> {
    const typistOf = Object.fromEntries(this.typistClient.map((index, k) => [index, k]));
    const drained = this.workers.map((worker) => this.next(worker, 'drained'));
    for (const worker of this.workers) worker.send({ type: 'expect', finals, typistOf, timeoutMs } satisfies ParentMessage);
    return (await Promise.all(drained)).reduce((sum, message) => sum + message.missingPairs, 0);
  }

  /** Close every client, optionally hash each client's final state, and gather the records. */
  async finish(hash: boolean): Promise<LoadRecords> {
    const results = this.workers.map((worker) => this.next(worker, 'result'));
    for (const worker of this.workers) worker.send({ type: 'finish', hash } satisfies ParentMessage);
    return {
      clients: this.options.clients, typists: this.options.typists, typistClient: this.typistClient,
      results: (await Promise.all(results)).map((message) => message.result), window: this.window,
    };
  }

  /** Kill the workers (after `finish`, or on failure). */
  kill(): void {
    for (const worker of this.workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  }
}
