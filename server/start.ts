/**
 * Start a Plenipo server: open (and migrate) the SQLite store, seed an empty database, build the
 * app and listen. The websocket server is `ws` with `noServer` handed to @hono/node-server 2's
 * native upgrade support, so its `maxPayload` is ours to set.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import type { Hono } from 'hono';
import { schema } from '../shared/schema/index.ts';
import { buildApp } from './app.ts';
import type { AppEnv } from './http/env.ts';
import { createDemoAccountsIfEmpty, importFixturesIfEmpty } from './seed.ts';
import { openSqliteStore, type SqliteStore, type SyncPolicy } from './storage/sqlite-store.ts';
import type { Account } from './storage/types.ts';
import { Rooms } from './sync/rooms.ts';
import { syncLimits, type SyncLimits } from './sync/limits.ts';
import { MAX_FRAME_BYTES } from '../shared/limits/index.ts';
import type { UpdateGuard } from './sync/update-guard.ts';
import { createPermissionGuard } from './sync/permission-guard.ts';
import { DEFAULT_POLICY } from './app.ts';
import { JobRunner } from './jobs/runner.ts';
import { FailureLimiter, type FailureLimits } from './http/rate-limit.ts';
import { watchRevocations, DEFAULT_REVOCATION_POLL_MS } from './accounts/revocation-watch.ts';
import { LiveSockets } from './accounts/live-sockets.ts';

/** Largest websocket frame read by default: 16 MiB (updates above 4 MiB are refused, see `server/sync/limits.ts`). */
export const DEFAULT_MAX_MESSAGE_BYTES = MAX_FRAME_BYTES;

/** Options of `startServer`. Only `dbPath` is required. */
export interface StartOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default all. */
  host?: string;
  /** SQLite database file (created on first run). */
  dbPath: string;
  /** Create demo accounts on an empty database and print a login link for each. Default false. */
  demo?: boolean;
  /** Import the fixture documents on an empty database. Default false. */
  importFixtures?: boolean;
  /** Print nothing. Default false. */
  quiet?: boolean;
  /** PRAGMA synchronous: `normal` (default; WAL: survives a killed process) or `full` (also survives power loss). */
  sync?: SyncPolicy;
  /** Permission check of incoming updates; default `createPermissionGuard()` (roles, sponsors, client ids). */
  updateGuard?: UpdateGuard;
  /** Largest websocket frame, bytes; default 16 MiB. */
  maxMessageBytes?: number;
  /** Sync limits (rates, update size, buffers, presence) over `DEFAULT_SYNC_LIMITS`. */
  limits?: Partial<SyncLimits>;
  /** Unload a document this long after its last connection left (ms); default 30 s. */
  idleUnloadMs?: number;
  /** Checkpoint a document after this many logged updates; default 500. */
  compactEvery?: number;
  /** Keepalive period (ms): a no-op message after this much silence, a ping at twice it; default 10 s. */
  keepaliveMs?: number;
  /** Folder of the built client; default dist/client when it exists. null serves none. */
  staticRoot?: string | null;
  /** Where log lines go; default console.log unless quiet. */
  log?: (line: string) => void;
  /** Origins allowed besides the server's own (PLENIPO_ORIGINS), e.g. a TLS proxy's `https://plenipo.example.org`. */
  origins?: readonly string[];
  /** Believe X-Forwarded-Proto/-Host/-For from a proxy in front (PLENIPO_TRUST_PROXY=1). Default false. */
  trustProxy?: boolean;
  /** Lifetime of a browser session (ms); default 14 days. */
  sessionTtlMs?: number;
  /** Failed sign-ins allowed per address and per token prefix; default 20 and 5 per minute. */
  loginLimits?: FailureLimits;
  /** Worker threads for redlines and exports (default 1), jobs allowed to wait (default 8), time limit per job (ms, default 60 s). */
  jobs?: { workers?: number; queueLimit?: number; timeLimitMs?: number };
  /** How often revocations made by another process (the CLI) are looked for, ms; default 1 s. */
  revocationPollMs?: number;
}

/** A running server. */
export interface RunningServer {
  port: number;
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  store: SqliteStore;
  rooms: Rooms;
  app: Hono<AppEnv>;
  /** Demo accounts created by this start, with their tokens (empty when none were created). */
  demoAccounts: Array<{ account: Account; token: string }>;
  /** Worker threads of redlines and exports. */
  jobs: JobRunner;
  /** Look for revocations made by another process now (the server also does every `revocationPollMs`). */
  pollRevocations(): Promise<number>;
  /** Close connections (1001), write what is queued, checkpoint, close the store. */
  close(): Promise<void>;
}

const defaultStaticRoot = fileURLToPath(new URL('../dist/client', import.meta.url));

/** Start a server; resolves once it is listening. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.quiet ? () => {} : (options.log ?? ((line: string) => console.log(line)));
  const maxMessageBytes = options.maxMessageBytes ?? options.limits?.maxFrameBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const limits = syncLimits({ ...options.limits, maxFrameBytes: maxMessageBytes });
  const store = openSqliteStore(options.dbPath, { sync: options.sync });
  try {
    store.assertWritable();
  } catch (error) {
    await store.close();
    throw error;
  }
  const rooms = new Rooms({
    store,
    schema,
    guard: options.updateGuard ?? createPermissionGuard(),
    maxMessageBytes,
    limits,
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    compactEvery: options.compactEvery ?? 500,
    keepaliveMs: options.keepaliveMs ?? 10_000,
    log,
  });
  if (options.importFixtures) await importFixturesIfEmpty(store, log);
  const demoAccounts = options.demo ? await createDemoAccountsIfEmpty(store) : [];

  const staticRoot = options.staticRoot === undefined ? (existsSync(defaultStaticRoot) ? defaultStaticRoot : null) : options.staticRoot;
  const jobs = new JobRunner({ dbPath: options.dbPath === ':memory:' ? null : options.dbPath, ...options.jobs });
  const liveSockets = new LiveSockets(store);
  const app = buildApp({
    store, rooms, staticRoot, log, jobs, liveSockets,
    limiter: new FailureLimiter(options.loginLimits),
    policy: {
      origins: options.origins ?? DEFAULT_POLICY.origins,
      trustProxy: options.trustProxy ?? DEFAULT_POLICY.trustProxy,
      sessionTtlMs: options.sessionTtlMs ?? DEFAULT_POLICY.sessionTtlMs,
    },
  });
  const revocations = await watchRevocations(store, liveSockets, { intervalMs: options.revocationPollMs ?? DEFAULT_REVOCATION_POLL_MS, log });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const server: ServerType = await new Promise((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host, websocket: { server: wss } }, () => resolve(created));
    created.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log(`plenipo: listening on ${url}`);
  for (const { account, token } of demoAccounts) {
    log(`plenipo: ${account.name} (${account.delegation}, ${account.role}): ${url}/login?token=${token}`);
  }

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      revocations.stop();
      await jobs.close();
      await rooms.close();
      for (const client of wss.clients) client.terminate();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await stopped;
      await store.close();
    })();
    return closing;
  };
  return { port, url, store, rooms, app, demoAccounts, jobs, pollRevocations: revocations.poll, close };
}
