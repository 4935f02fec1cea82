/**
 * Room fan-out: the same room (N clients, K typists at 5 keystrokes/s for S seconds) against each
 * target in turn, and Plenipo's figures as ratios of each peer's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTarget, type SyncSetting, type TargetName } from './targets.ts';
import { runRoom, type RoomOptions, type RoomResult } from './room.ts';
import { round } from './latency.ts';

/** Plenipo's figure divided by a peer's (below 1 means Plenipo is faster or smaller). */
export interface Ratios { peer: string; p50: number; p95: number; p99: number; cpuSeconds: number; peakRssMB: number }

/** The fan-out scenario's result. */
export interface FanoutResult { rooms: RoomResult[]; ratios: Ratios[] }

/** Run one room against one target on fresh storage in a temporary folder. */
export async function roomOn(name: TargetName, seed: Uint8Array, room: RoomOptions, options: { sync?: SyncSetting; nodeFlags?: string[] } = {}): Promise<RoomResult> {
  const dir = mkdtempSync(join(tmpdir(), `plenipo-bench-${name}-`));
  try {
    return await runRoom(await prepareTarget(name, dir, options), seed, room);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (a: number, b: number): number => (b > 0 ? round(a / b) : NaN);

/** Plenipo / peer ratios for every peer room. */
export function ratios(rooms: RoomResult[]): Ratios[] {
  const plenipo = rooms.find((room) => room.target === 'plenipo');
  if (!plenipo) return [];
  return rooms.filter((room) => !room.target.startsWith('plenipo')).map((peer) => ({
    peer: peer.target,
    p50: ratio(plenipo.figures.everyPeer.p50, peer.figures.everyPeer.p50),
    p95: ratio(plenipo.figures.everyPeer.p95, peer.figures.everyPeer.p95),
    p99: ratio(plenipo.figures.everyPeer.p99, peer.figures.everyPeer.p99),
    cpuSeconds: ratio(plenipo.server.cpuSeconds, peer.server.cpuSeconds),
    peakRssMB: ratio(plenipo.server.peakRssMB, peer.server.peakRssMB),
  }));
}

/** Run the fan-out room against every target, one after the other. */
export async function runFanout(targets: TargetName[], seed: Uint8Array, room: RoomOptions, plenipoFlags: string[] = [],
  progress: (line: string) => void = () => {}): Promise<FanoutResult> {
  const rooms: RoomResult[] = [];
  for (const name of targets) {
    progress(`fanout: ${name} (${room.clients} clients, ${room.typists} typists, ${room.seconds} s)`);
    rooms.push(await roomOn(name, seed, room, { nodeFlags: name === 'plenipo' ? plenipoFlags : [] }));
  }
  return { rooms, ratios: ratios(rooms) };
}
