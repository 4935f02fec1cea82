/**
 * Durability: SIGKILL a server halfway through a typing run, restart it on the same storage, and
 * count the acknowledged edits a fresh client no longer finds.
 *
 * "Acknowledged" is what a user was told: for Plenipo, the server echoed the edit back to its typist
 * (the echo is sent only after the edit is in the log); for the peers, which echo before storing,
 * the edit reached at least one other client (someone saw it on screen).
 */
import * as Y from 'yjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Load } from './load.ts';
import { RawClient, now, type ClientSpec } from './raw-client.ts';
import { ServerProcess } from './server-process.ts';
import { seedThroughClient, type RoomOptions, type RoomResult } from './room.ts';
import { roomOn } from './fanout.ts';
import { TYPIST_CLIENT_BASE } from './load.ts';
import { editTable } from './latency.ts';
import { prepareTarget, type PreparedTarget, type SyncSetting, type TargetName } from './targets.ts';

/** What one kill-and-restart found. */
export interface KillResult {
  target: string;
  /** Keystrokes sent before the kill. */
  sent: number;
  /** Acknowledged edits (see the module comment). */
  acknowledged: number;
  /** How acknowledgement was judged for this target. */
  ackRule: 'echo' | 'seen-by-peer';
  /** Acknowledged edits missing after the restart. */
  lostAcknowledged: number;
  /** Sent edits (acknowledged or not) missing after the restart. */
  lostSent: number;
  /** Whether the seeded document itself survived. */
  seedSurvived: boolean;
  /** Seconds of typing before the kill. */
  killedAfterSeconds: number;
}

/** Type for `options.seconds`, SIGKILL the server halfway, restart it and count the losses. */
export async function runKill(target: PreparedTarget, seed: Uint8Array, options: RoomOptions): Promise<KillResult> {
  let server = await ServerProcess.start(target.launch);
  let load: Load | null = null;
  let seeder: RawClient | null = null;
  try {
    seeder = await seedThroughClient(target.spec(server.port), seed);
    load = await Load.start({ spec: target.spec(server.port), clients: options.clients, typists: options.typists, workers: options.workers });
    const killAfter = options.seconds / 2;
    const typing = load.type(options.seconds, options.rate);
    await new Promise((resolve) => setTimeout(resolve, 100 + killAfter * 1000));
    await server.kill();
    load.stop();
    await typing;
    const records = await load.finish(false);
    const table = editTable(records);

    seeder.close();
    server = await ServerProcess.start(target.launch);
    const stateVector = await settledStateVector(target.spec(server.port), target.name === 'y-websocket' ? 1000 : 0);
    const expectedSeed = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(seed));
    const seedSurvived = [...expectedSeed].every(([client, clock]) => (stateVector.get(client) ?? 0) >= clock);

    const ackRule = target.name === 'plenipo' ? 'echo' : 'seen-by-peer';
    let sent = 0, acknowledged = 0, lostAcknowledged = 0, lostSent = 0;
    for (let typist = 0; typist < table.send.length; typist++) {
      const kept = stateVector.get(TYPIST_CLIENT_BASE + typist) ?? 0;
      for (let clock = 0; clock < table.send[typist].length; clock++) {
        if (Number.isNaN(table.send[typist][clock])) continue;
        sent++;
        const acked = ackRule === 'echo' ? !Number.isNaN(table.echo[typist][clock]) : !Number.isNaN(table.firstOther[typist][clock]);
        const lost = clock >= kept;
        if (acked) acknowledged++;
        if (lost) lostSent++;
        if (acked && lost) lostAcknowledged++;
      }
    }
    return { target: target.label, sent, acknowledged, ackRule, lostAcknowledged, lostSent, seedSurvived, killedAfterSeconds: killAfter };
  } finally {
    seeder?.close();
    load?.kill();
    await server.stop();
  }
}

/**
 * Connect a fresh client and return its state vector once nothing has arrived for a second. The
 * reference server answers a sync before it has read its storage and sends the stored state
 * afterwards as an update, so "synced" alone would under-count what survived.
 */
async function settledStateVector(spec: ClientSpec, quietMs = 1000, timeoutMs = 15_000): Promise<Map<number, number>> {
  let lastArrival = now();
  const verifier = new RawClient(spec, true, () => { lastArrival = now(); });
  await verifier.connect();
  const deadline = now() + timeoutMs;
  while (quietMs > 0 && now() - lastArrival < quietMs && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const stateVector = Y.decodeStateVector(Y.encodeStateVector(verifier.doc!));
  verifier.close();
  return stateVector;
}

/** The durability scenario's result: what `full` costs against `normal`, and what a SIGKILL loses. */
export interface DurabilityResult { cost: RoomResult[]; kills: KillResult[] }

/** Plenipo at sync=full and sync=normal under the same load, then a SIGKILL run on every target (Plenipo at both settings). */
export async function runDurability(targets: TargetName[], seed: Uint8Array, room: RoomOptions,
  progress: (line: string) => void = () => {}): Promise<DurabilityResult> {
  const cost: RoomResult[] = [];
  const kills: KillResult[] = [];
  const runs = targets.flatMap((name): { name: TargetName; sync?: SyncSetting }[] =>
    name === 'plenipo' ? [{ name, sync: 'normal' }, { name, sync: 'full' }] : [{ name }]);
  for (const run of runs.filter((r) => r.name === 'plenipo')) {
    progress(`durability: cost of sync=${run.sync}`);
    cost.push(await roomOn('plenipo', seed, room, { sync: run.sync }));
  }
  for (const run of runs) {
    progress(`durability: SIGKILL ${run.name}${run.sync ? ` (sync=${run.sync})` : ''}`);
    const dir = mkdtempSync(join(tmpdir(), `plenipo-bench-kill-${run.name}-`));
    try {
      kills.push(await runKill(await prepareTarget(run.name, dir, { sync: run.sync }), seed, room));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { cost, kills };
}
