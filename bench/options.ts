/** The command line of `npm run bench` and the sizes each scenario derives from it. */
import { cpus } from 'node:os';
import { TARGET_NAMES, type TargetName } from './targets.ts';

/** Scenarios that `--scenario` accepts. */
export const SCENARIOS = ['fanout', 'durability', 'coldopen', 'redline', 'permissions', 'typing'] as const;
/** One of `SCENARIOS`. */
export type Scenario = (typeof SCENARIOS)[number];

/** Parsed options with every size resolved. */
export interface BenchOptions {
  scenarios: Scenario[];
  targets: TargetName[];
  quick: boolean;
  out: string | null;
  /** Load processes for the clients. */
  workers: number;
  /** Write a V8 CPU profile of every Plenipo server child into this folder. */
  profileDir: string | null;
  /** Use the synthetic 20k-word treaty even when the protocol fixture exists. */
  synthetic: boolean;
  fanout: { clients: number; typists: number; seconds: number; rate: number };
  durability: { clients: number; typists: number; seconds: number; rate: number };
  coldopen: { updates: number; repeats: number };
}

export const USAGE = `usage: npm run bench -- [--scenario fanout|durability|coldopen|redline|permissions|typing|all]
  [--clients N (200)] [--typists K (20)] [--seconds S (20)] [--quick] [--out FILE]
  [--targets plenipo,hocuspocus,y-websocket] [--workers W (cores)] [--cold-updates U (100000)]
  [--profile DIR] [--synthetic]`;

/** Parse `argv` (without node and script); throws a RangeError naming a bad flag or value. */
export function parseOptions(argv: string[]): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new RangeError(`Unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (name === 'quick' || name === 'synthetic') { flags.set(name, 'true'); continue; }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new RangeError(`Flag --${name} needs a value\n${USAGE}`);
    flags.set(name, value);
  }
  const known = new Set(['scenario', 'clients', 'typists', 'seconds', 'quick', 'out', 'targets', 'workers', 'cold-updates', 'profile', 'synthetic']);
  for (const name of flags.keys()) if (!known.has(name)) throw new RangeError(`Unknown flag --${name}\n${USAGE}`);
  const int = (name: string, fallback: number): number => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`--${name} must be a positive number, got ${JSON.stringify(raw)}`);
    return value;
  };
  const quick = flags.has('quick');
  const scenarioFlag = flags.get('scenario') ?? 'all';
  const scenarios = scenarioFlag === 'all' ? [...SCENARIOS] : scenarioFlag.split(',') as Scenario[];
  for (const scenario of scenarios) {
    if (!SCENARIOS.includes(scenario)) throw new RangeError(`Unknown scenario ${JSON.stringify(scenario)} (expected one of ${SCENARIOS.join(', ')}, all)`);
  }
  const targets = (flags.get('targets') ?? TARGET_NAMES.join(',')).split(',') as TargetName[];
  for (const target of targets) {
    if (!TARGET_NAMES.includes(target)) throw new RangeError(`Unknown target ${JSON.stringify(target)} (expected ${TARGET_NAMES.join(', ')})`);
  }
  const clients = int('clients', quick ? 8 : 200);
  const typists = Math.min(clients, int('typists', quick ? 2 : 20));
  const seconds = int('seconds', quick ? 1 : 20);
  return {
    scenarios, targets, quick, out: flags.get('out') ?? null,
    workers: int('workers', quick ? 1 : Math.max(1, cpus().length)),
    profileDir: flags.get('profile') ?? null,
    synthetic: flags.has('synthetic'),
    fanout: { clients, typists, seconds, rate: 5 },
    durability: quick
      ? { clients: 4, typists: 2, seconds: 2, rate: 5 }
      : { clients: Math.max(2, Math.ceil(clients / 4)), typists: Math.max(1, Math.ceil(typists / 2)), seconds: Math.max(4, seconds / 2), rate: 5 },
    coldopen: { updates: int('cold-updates', quick ? 2000 : 100_000), repeats: quick ? 1 : 3 },
  };
}
