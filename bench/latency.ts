/**
 * Turn a load's raw time stamps into figures: edit-to-every-peer latency (the time until the last
 * other client of the room has an edit), per-delivery latency, throughput, and which edits were
 * acknowledged (echoed to their typist, or seen by another client).
 */
import type { LoadRecords } from './load.ts';

/** Percentiles in milliseconds. */
export interface Percentiles { p50: number; p95: number; p99: number; max: number; count: number }

/** Percentiles of `values` (nearest rank); zeros when empty. */
export function percentiles(values: number[] | Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(at(1)), count: sorted.length };
}

/** Round to 0.01. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Per typist, per clock: when it was sent and what became of it. */
export interface EditTable {
  send: Float64Array[];
  /** Time the typist saw its own edit echoed by the server (NaN if never). */
  echo: Float64Array[];
  /** Time the first other client saw it (NaN if none). */
  firstOther: Float64Array[];
  /** Time the last other client saw it. */
  lastOther: Float64Array[];
  /** How many other clients saw it. */
  seenBy: Uint32Array[];
  /** Every (edit, other client) delivery latency in ms. */
  deliveries: number[];
}

/** Index the records by typist and clock. */
export function editTable(records: LoadRecords): EditTable {
  const size = new Array<number>(records.typists).fill(0);
  for (const { sends } of records.results) {
    for (let i = 0; i < sends.length; i += 3) size[sends[i]] = Math.max(size[sends[i]], sends[i + 1] + 1);
  }
  const table: EditTable = {
    send: size.map((n) => new Float64Array(n).fill(NaN)),
    echo: size.map((n) => new Float64Array(n).fill(NaN)),
    firstOther: size.map((n) => new Float64Array(n).fill(NaN)),
    lastOther: size.map((n) => new Float64Array(n).fill(NaN)),
    seenBy: size.map((n) => new Uint32Array(n)),
    deliveries: [],
  };
  for (const { sends } of records.results) {
    for (let i = 0; i < sends.length; i += 3) table.send[sends[i]][sends[i + 1]] = sends[i + 2];
  }
  for (const { observations } of records.results) {
    for (let i = 0; i < observations.length; i += 5) {
      const client = observations[i], typist = observations[i + 1], time = observations[i + 4];
      const to = Math.min(observations[i + 3], size[typist]);
      for (let clock = observations[i + 2]; clock < to; clock++) {
        if (client === records.typistClient[typist]) {
          if (!(table.echo[typist][clock] <= time)) table.echo[typist][clock] = time;
          continue;
        }
        table.seenBy[typist][clock]++;
        if (!(table.firstOther[typist][clock] <= time)) table.firstOther[typist][clock] = time;
        if (!(table.lastOther[typist][clock] >= time)) table.lastOther[typist][clock] = time;
        table.deliveries.push(time - table.send[typist][clock]);
      }
    }
  }
  return table;
}

/** Fan-out figures of one load. */
export interface FanoutFigures {
  edits: number;
  /** Edits every other client received. */
  editsSeenByAll: number;
  /** Edit-to-every-peer latency, ms. */
  everyPeer: Percentiles;
  /** Single delivery latency (one edit to one client), ms. */
  delivery: Percentiles;
  /** Typist edits sent per second over the typing window. */
  editsPerSecond: number;
  /** Edit deliveries (edit × receiving client) per second over the typing window. */
  deliveriesPerSecond: number;
}

/** Compute the fan-out figures of a load. */
export function fanoutFigures(records: LoadRecords, table: EditTable = editTable(records)): FanoutFigures {
  const others = records.clients - 1;
  const everyPeer: number[] = [];
  let edits = 0;
  for (let typist = 0; typist < table.send.length; typist++) {
    for (let clock = 0; clock < table.send[typist].length; clock++) {
      if (Number.isNaN(table.send[typist][clock])) continue;
      edits++;
      if (table.seenBy[typist][clock] >= others) everyPeer.push(table.lastOther[typist][clock] - table.send[typist][clock]);
    }
  }
  const seconds = Math.max(0.001, (records.window.end - records.window.start) / 1000);
  return {
    edits, editsSeenByAll: everyPeer.length, everyPeer: percentiles(everyPeer), delivery: percentiles(table.deliveries),
    editsPerSecond: round(edits / seconds, 1), deliveriesPerSecond: round(table.deliveries.length / seconds, 0),
  };
}
