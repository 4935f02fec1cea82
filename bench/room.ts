/**
 * One measured room on one server: start the server process, seed the document through a client,
 * connect the load, type, drain, and check that every client ended with the same state.
 * The fan-out and durability-cost scenarios are both made of rooms.
 */
import * as Y from 'yjs';
import { Load } from './load.ts';
import { RawClient, type ClientSpec } from './raw-client.ts';
import { ServerProcess } from './server-process.ts';
import type { PreparedTarget } from './targets.ts';
import { editTable, fanoutFigures, round, type FanoutFigures } from './latency.ts';

/** Size of a room. */
export interface RoomOptions {
  clients: number;
  typists: number;
  seconds: number;
  /** Keystrokes per second per typist. */
  rate: number;
  workers: number;
}

/** What one room measured. */
export interface RoomResult {
  target: string;
  clients: number;
  typists: number;
  seconds: number;
  figures: FanoutFigures;
  server: {
    /** CPU seconds of the server process from the first keystroke until every client had every edit. */
    cpuSeconds: number;
    /** CPU seconds over the whole life of the process (start, seeding, connects, typing). */
    cpuSecondsTotal: number;
    peakRssMB: number;
  };
  /** Seconds to connect and sync every client. */
  connectSeconds: number;
  divergence: { distinctStates: number; missingPairs: number; ok: boolean };
}

/**
 * Push the seed through a client, then wait until a fresh client syncs a document that contains it.
 * Resolves with the seeding client still connected: the caller keeps it for the room's lifetime, so
 * that no server unloads the document between seeding and the load (the reference server answers
 * a sync before it has read its storage, so a reload would hand the load an empty document).
 */
export async function seedThroughClient(spec: ClientSpec, seed: Uint8Array, timeoutMs = 60_000): Promise<RawClient> {
  const seeder = new RawClient(spec, true, () => {});
  await seeder.connect();
  Y.applyUpdate(seeder.doc!, seed);
  const expected = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(seed));
  const deadline = Date.now() + timeoutMs;
  let last = '';
  try {
    for (;;) {
      const check = new RawClient(spec, true, () => {});
      await check.connect();
      const have = Y.decodeStateVector(Y.encodeStateVector(check.doc!));
      check.close();
      if ([...expected].every(([client, clock]) => (have.get(client) ?? 0) >= clock)) return seeder;
      last = JSON.stringify([...have]);
      if (Date.now() > deadline) throw new Error(`seed not on the server after ${timeoutMs} ms (state vector ${last})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    seeder.close();
    throw error;
  }
}

/** Run one room against a prepared target and stop its server. */
export async function runRoom(target: PreparedTarget, seed: Uint8Array, options: RoomOptions): Promise<RoomResult> {
  const server = await ServerProcess.start(target.launch);
  let load: Load | null = null;
  let seeder: RawClient | null = null;
  try {
    const spec = target.spec(server.port);
    seeder = await seedThroughClient(spec, seed);
    const connectStart = Date.now();
    load = await Load.start({ spec, clients: options.clients, typists: options.typists, workers: options.workers });
    const connectSeconds = (Date.now() - connectStart) / 1000;
    const before = server.usage();
    const finals = await load.type(options.seconds, options.rate);
    const missingPairs = await load.drain(finals, 30_000);
    const after = server.usage();
    const records = await load.finish(true);
    const hashes = new Set(records.results.flatMap((result) => result.hashes.map(([, hash]) => hash)));
    const figures = fanoutFigures(records, editTable(records));
    return {
      target: target.label, clients: options.clients, typists: options.typists, seconds: options.seconds, figures,
      server: { cpuSeconds: round(after.cpuSeconds - before.cpuSeconds), cpuSecondsTotal: round(after.cpuSeconds), peakRssMB: after.peakRssMB },
      connectSeconds: round(connectSeconds),
      divergence: { distinctStates: hashes.size, missingPairs, ok: hashes.size === 1 && missingPairs === 0 },
    };
  } finally {
    seeder?.close();
    load?.kill();
    await server.stop();
  }
}
