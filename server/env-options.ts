/**
 * The server's start options from the environment of `npm start`: PORT (default 8080), HOST
 * (default 127.0.0.1), PLENIPO_DB (default data/plenipo.db), PLENIPO_DEMO (0 disables demo
 * accounts), PLENIPO_SYNC (normal | full), PLENIPO_ORIGINS (comma-separated origins allowed
 * besides the server's own), PLENIPO_TRUST_PROXY (1 believes X-Forwarded-*), PLENIPO_JOB_WORKERS
 * (worker threads for redlines and exports). A bad value is a RangeError naming it.
 */
import type { StartOptions } from './start.ts';

/** Start options of `npm start` from `env`; throws a RangeError naming a bad variable. */
export function startOptionsFromEnv(env: Record<string, string | undefined>): StartOptions {
  const sync = env.PLENIPO_SYNC ?? 'normal';
  if (sync !== 'full' && sync !== 'normal') throw new RangeError(`PLENIPO_SYNC must be full or normal, not ${JSON.stringify(sync)}`);
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`PORT must be a port number, not ${JSON.stringify(env.PORT)}`);
  const origins = (env.PLENIPO_ORIGINS ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new RangeError(`PLENIPO_ORIGINS entries must look like https://host[:port], not ${JSON.stringify(origin)}`);
  }
  const trust = env.PLENIPO_TRUST_PROXY ?? '0';
  if (trust !== '0' && trust !== '1') throw new RangeError(`PLENIPO_TRUST_PROXY must be 0 or 1, not ${JSON.stringify(trust)}`);
  const workers = Number(env.PLENIPO_JOB_WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`PLENIPO_JOB_WORKERS must be a whole number of at least 1, not ${JSON.stringify(env.PLENIPO_JOB_WORKERS)}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dbPath: env.PLENIPO_DB ?? 'data/plenipo.db',
    demo: env.PLENIPO_DEMO !== '0',
    importFixtures: true,
    sync,
    origins,
    trustProxy: trust === '1',
    jobs: { workers },
  };
}
