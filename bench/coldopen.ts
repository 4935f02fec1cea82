/**
 * Cold open: a document whose log holds the seed and then `updates` small typing updates (a
 * simulated week of negotiation by twenty delegations), written straight into Plenipo's SQLite log
 * through its store. Measured: time from a first client's connect to synced on a freshly started
 * server, before and after compaction (a checkpoint written through the store), and bytes on disk.
 */
import * as Y from 'yjs';
import { join } from 'node:path';
import { openSqliteStore } from '../server/storage/index.ts';
import { RawClient, now } from './raw-client.ts';
import { ServerProcess } from './server-process.ts';
import { BENCH_DOCUMENT, prepareTarget, storageBytes, type PreparedTarget } from './targets.ts';
import { textNodes } from './seed-doc.ts';
import { percentiles, round } from './latency.ts';

/** What the cold-open scenario measured. */
export interface ColdOpenResult {
  updates: number;
  /** Seconds spent writing the log (not a figure of merit, shown for context). */
  writeSeconds: number;
  /** Connect → synced, ms, on a fresh server process each time (median of `repeats`). */
  beforeCompactionMs: number;
  afterCompactionMs: number;
  beforeCompactionRuns: number[];
  afterCompactionRuns: number[];
  compactionMs: number;
  /** Database bytes for the document: the whole file (+WAL), the log, the checkpoint. */
  bytes: { database: number; log: number; checkpoint: number };
}

const DELEGATIONS = ['FR', 'KE', 'US', 'BR', 'CN', 'IN', 'ZA', 'DE', 'JP', 'EG', 'MX', 'RU', 'NG', 'AU', 'CA', 'AR', 'ID', 'SA', 'TR', 'GB'];
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Write the seed plus `count` typing updates (one keystroke each, one in ten a deletion) into the log. */
async function writeLog(dbPath: string, seed: Uint8Array, count: number): Promise<void> {
  const store = openSqliteStore(dbPath, { sync: 'normal' });
  try {
    const authors = await Promise.all(DELEGATIONS.map((delegation) =>
      store.createAccount({ name: `Delegate of ${delegation}`, delegation, role: 'delegate' })));
    await store.append(BENCH_DOCUMENT, [{ data: seed, accountId: null }]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    const texts = textNodes(doc).filter((text) => text.length > 0);
    const cursors = authors.map((_, a) => ({ text: texts[(a * 37) % texts.length], at: Math.floor(texts[(a * 37) % texts.length].length / 2) }));
    let pending: Uint8Array | null = null;
    doc.on('update', (update: Uint8Array) => { pending = update; });
    const start = Date.now() - WEEK_MS;
    const batch: { data: Uint8Array; accountId: string; createdAt: number }[] = [];
    for (let i = 0; i < count; i++) {
      const a = i % authors.length;
      const cursor = cursors[a];
      doc.clientID = 0x200000 + a;
      if (i % 10 === 9 && cursor.at > 0) cursor.text.delete(--cursor.at, 1);
      else cursor.text.insert(cursor.at++, String.fromCharCode(97 + (i % 26)));
      batch.push({ data: pending!, accountId: authors[a].account.id, createdAt: start + Math.floor((i / count) * WEEK_MS) });
      if (batch.length === 5000) await store.append(BENCH_DOCUMENT, batch.splice(0));
    }
    if (batch.length) await store.append(BENCH_DOCUMENT, batch);
  } finally {
    await store.close();
  }
}

/** Start a fresh server process, time one client's connect → synced, SIGKILL the server (no checkpoint on the way out). */
async function timeOpen(target: PreparedTarget): Promise<number> {
  const server = await ServerProcess.start(target.launch);
  try {
    const client = new RawClient(target.spec(server.port), false, () => {});
    const started = now();
    await client.connect(120_000);
    const elapsed = now() - started;
    client.close();
    return round(elapsed, 1);
  } finally {
    await server.kill();
  }
}

/** Checkpoint the whole log through the store, as the server's compaction does. */
async function compact(dbPath: string): Promise<number> {
  const store = openSqliteStore(dbPath);
  try {
    const started = now();
    const loaded = await store.load(BENCH_DOCUMENT);
    const doc = new Y.Doc();
    doc.transact(() => { for (const update of loaded.updates) Y.applyUpdate(doc, update); });
    await store.checkpoint(BENCH_DOCUMENT, loaded.seq, Y.encodeStateAsUpdate(doc));
    return round(now() - started, 1);
  } finally {
    await store.close();
  }
}

function logBytes(dbPath: string): { log: number; checkpoint: number } {
  const store = openSqliteStore(dbPath);
  try {
    const log = store.db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM updates WHERE doc_id = ?').get(BENCH_DOCUMENT) as { n: number };
    const checkpoint = store.db.prepare('SELECT COALESCE(SUM(LENGTH(state)), 0) AS n FROM checkpoints WHERE doc_id = ?').get(BENCH_DOCUMENT) as { n: number };
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return { log: log.n, checkpoint: checkpoint.n };
  } finally {
    void store.close();
  }
}

/** Run the cold-open scenario in `dir`. */
export async function runColdOpen(dir: string, seed: Uint8Array, options: { updates: number; repeats: number }): Promise<ColdOpenResult> {
  const target = await prepareTarget('plenipo', dir, { sync: 'normal' });
  const dbPath = join(dir, 'plenipo.sqlite');
  const writeStart = now();
  await writeLog(dbPath, seed, options.updates);
  const writeSeconds = round((now() - writeStart) / 1000);
  const opens = async (): Promise<number[]> => {
    const runs: number[] = [];
    for (let i = 0; i < options.repeats; i++) runs.push(await timeOpen(target));
    return runs;
  };
  const before = await opens();
  const compactionMs = await compact(dbPath);
  const after = await opens();
  const sizes = logBytes(dbPath);
  return {
    updates: options.updates, writeSeconds,
    beforeCompactionMs: percentiles(before).p50, afterCompactionMs: percentiles(after).p50,
    beforeCompactionRuns: before, afterCompactionRuns: after, compactionMs,
    bytes: { database: storageBytes(dbPath), ...sizes },
  };
}
