/**
 * The three servers the bench compares, each prepared on fresh storage in a directory of its own:
 * Plenipo (its SQLite update log, fsync policy `full` or `normal`), Hocuspocus 3 with its SQLite
 * extension, and the reference y-websocket server persisting to y-leveldb.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readdirSync, statSync, existsSync } from 'node:fs';
import type { ServerLaunch } from './server-process.ts';
import type { Framing } from './wire.ts';
import type { ClientSpec } from './raw-client.ts';

/** Names of the compared servers. */
export const TARGET_NAMES = ['plenipo', 'hocuspocus', 'y-websocket'] as const;
/** One of `TARGET_NAMES`. */
export type TargetName = (typeof TARGET_NAMES)[number];

/** Plenipo's SQLite synchronous setting. */
export type SyncSetting = 'full' | 'normal';

/** A target ready to launch on its storage. */
export interface PreparedTarget {
  name: TargetName;
  /** Label in tables: "plenipo" (sync=normal, the default), "plenipo (sync=full)", ... */
  label: string;
  launch: ServerLaunch;
  framing: Framing;
  documentName: string;
  token: string;
  /** Path of the storage (file or directory), for its size. */
  storage: string;
  /** Client spec for a server listening on `port`. */
  spec(port: number): ClientSpec;
}

/** Accounts the Plenipo target spreads its clients over (16 connections each at 1,000 clients). */
const BENCH_ACCOUNTS = 64;

/** The document every scenario uses. */
export const BENCH_DOCUMENT = 'bench-protocol';

const entry = (name: string): string => fileURLToPath(new URL(`./servers/${name}.ts`, import.meta.url));

/** Whether Plenipo's server exists in this tree yet. */
export function plenipoAvailable(): boolean {
  return existsSync(fileURLToPath(new URL('../server/start.ts', import.meta.url)));
}

/** Prepare a target's storage in `dir` (created by the caller) and describe how to launch it. */
export async function prepareTarget(name: TargetName, dir: string, options: { sync?: SyncSetting; nodeFlags?: string[] } = {}): Promise<PreparedTarget> {
  const nodeFlags = options.nodeFlags ?? [];
  if (name === 'plenipo') {
    const sync = options.sync ?? 'normal';
    const dbPath = join(dir, 'plenipo.sqlite');
    const { openSqliteStore } = await import('../server/storage/index.ts');
    const store = openSqliteStore(dbPath, { sync });
    await store.createDocument({ id: BENCH_DOCUMENT, title: 'Benchmark protocol' });
    // One account per few clients, as in a room of delegations: Plenipo allows 32 connections per account.
    const tokens: string[] = [];
    for (let i = 0; i < BENCH_ACCOUNTS; i++) tokens.push((await store.createAccount({ name: `Bench Secretariat ${i + 1}`, delegation: 'SECRETARIAT', role: 'secretariat' })).token);
    const token = tokens[0];
    await store.close();
    const url = (port: number, t: string) => `ws://127.0.0.1:${port}/sync/${BENCH_DOCUMENT}?token=${encodeURIComponent(t)}`;
    return {
      name, label: sync === 'normal' ? 'plenipo' : `plenipo (sync=${sync})`, framing: 'y-websocket', documentName: BENCH_DOCUMENT, token,
      storage: dbPath,
      launch: { entry: entry('plenipo'), env: { PLENIPO_SYNC: sync, PLENIPO_DEMO: '0' }, nodeFlags, args: { dbPath, sync } },
      spec: (port) => ({ url: url(port, token), urls: tokens.map((t) => url(port, t)), framing: 'y-websocket', documentName: BENCH_DOCUMENT, token }),
    };
  }
  if (name === 'hocuspocus') {
    const database = join(dir, 'hocuspocus.sqlite');
    return {
      name, label: 'hocuspocus', framing: 'hocuspocus', documentName: BENCH_DOCUMENT, token: 'bench', storage: database,
      launch: { entry: entry('hocuspocus'), env: {}, nodeFlags, args: { database } },
      spec: (port) => ({ url: `ws://127.0.0.1:${port}`, framing: 'hocuspocus', documentName: BENCH_DOCUMENT, token: 'bench' }),
    };
  }
  const leveldb = join(dir, 'y-leveldb');
  return {
    name, label: 'y-websocket', framing: 'y-websocket', documentName: BENCH_DOCUMENT, token: '', storage: leveldb,
    launch: { entry: entry('y-websocket'), env: { YPERSISTENCE: leveldb }, nodeFlags, args: {} },
    spec: (port) => ({ url: `ws://127.0.0.1:${port}/${BENCH_DOCUMENT}`, framing: 'y-websocket', documentName: BENCH_DOCUMENT, token: '' }),
  };
}

/** Bytes used by a file (plus its -wal/-shm companions) or a directory tree. */
export function storageBytes(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (stat.isDirectory()) return readdirSync(path).reduce((sum, child) => sum + storageBytes(join(path, child)), 0);
  return stat.size + ['-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}
