/**
 * The bench report: one JSON object with the machine and every figure, the targets it was run
 * against, and its rendering as Markdown tables for stdout and the README.
 */
import type { Machine } from './machine.ts';
import type { BenchOptions } from './options.ts';
import type { FanoutResult } from './fanout.ts';
import type { DurabilityResult } from './durability.ts';
import type { ColdOpenResult } from './coldopen.ts';
import type { ExternalResult } from './external.ts';
import type { RoomResult } from './room.ts';
import { round } from './latency.ts';

/** A goal from issue 7 and whether this run met it (null when the run did not measure it). */
export interface Goal { goal: string; value: number | null; limit: number; met: boolean | null }

/** Everything one `npm run bench` measured. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  argv: string[];
  machine: Machine;
  options: Omit<BenchOptions, 'out' | 'profileDir'>;
  seed: { source: string; words: number; updateBytes: number };
  fanout?: FanoutResult;
  durability?: DurabilityResult;
  coldopen?: ColdOpenResult;
  redline?: ExternalResult;
  permissions?: ExternalResult;
  typing?: ExternalResult;
  goals: { fanoutP99: Goal; lostAcknowledged: Goal; coldOpen: Goal };
  /** False when some room's clients diverged (the run failed). */
  ok: boolean;
  notes: string[];
}

/** Evaluate the goals against what was measured. */
export function evaluateGoals(report: Pick<BenchReport, 'fanout' | 'durability' | 'coldopen'>): BenchReport['goals'] {
  const rooms = report.fanout?.rooms ?? [];
  const plenipo = rooms.find((room) => room.target === 'plenipo');
  const peers = rooms.filter((room) => !room.target.startsWith('plenipo'));
  const better = peers.length ? Math.min(...peers.map((room) => room.figures.everyPeer.p99)) : null;
  const ratio = plenipo && better ? round(plenipo.figures.everyPeer.p99 / better) : null;
  const plenipoKills = (report.durability?.kills ?? []).filter((kill) => kill.target.startsWith('plenipo'));
  const lost = plenipoKills.length ? plenipoKills.reduce((sum, kill) => sum + kill.lostAcknowledged, 0) : null;
  const cold = report.coldopen?.afterCompactionMs ?? null;
  return {
    fanoutP99: { goal: 'Plenipo p99 edit-to-every-peer ≤ 0.8 × the better peer', value: ratio, limit: 0.8, met: ratio === null ? null : ratio <= 0.8 },
    lostAcknowledged: { goal: 'Plenipo loses no acknowledged update on SIGKILL', value: lost, limit: 0, met: lost === null ? null : lost === 0 },
    coldOpen: { goal: 'cold open of the logged document after compaction < 300 ms', value: cold, limit: 300, met: cold === null ? null : cold < 300 },
  };
}

const table = (header: string[], rows: (string | number)[][]): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

const roomRows = (rooms: RoomResult[]): (string | number)[][] => rooms.map((room) => [
  room.target, `${room.clients}/${room.typists}`, room.figures.everyPeer.p50, room.figures.everyPeer.p95, room.figures.everyPeer.p99,
  room.figures.delivery.p99, room.figures.editsPerSecond, room.figures.deliveriesPerSecond, room.server.cpuSeconds,
  room.server.peakRssMB, room.divergence.ok ? 'none' : `DIVERGED (${room.divergence.distinctStates} states, ${room.divergence.missingPairs} missing)`,
]);
const ROOM_HEADER = ['server', 'clients/typists', 'every-peer p50 ms', 'p95 ms', 'p99 ms', 'delivery p99 ms', 'edits/s', 'deliveries/s', 'server CPU s', 'peak RSS MB', 'divergence'];

const verdict = (goal: Goal): string => (goal.met === null ? 'not measured' : goal.met ? 'met' : 'NOT met');

/** Render the report as Markdown. */
export function renderMarkdown(report: BenchReport): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(`## Plenipo bench — ${report.startedAt}${report.options.quick ? ' (quick)' : ''}`, '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; load processes: ${report.options.workers}. ` +
    `Document: ${report.seed.source}, ${report.seed.words} words (${Math.round(report.seed.updateBytes / 1024)} KiB as a Yjs update).`);
  if (report.fanout) {
    out.push('', `### Room fan-out (${report.options.fanout.seconds} s at ${report.options.fanout.rate} keystrokes/s per typist)`, '',
      table(ROOM_HEADER, roomRows(report.fanout.rooms)));
    if (report.fanout.ratios.length) {
      out.push('', table(['Plenipo / peer', 'p50', 'p95', 'p99', 'server CPU', 'peak RSS'],
        report.fanout.ratios.map((r) => [r.peer, r.p50, r.p95, r.p99, r.cpuSeconds, r.peakRssMB])));
    }
  }
  if (report.durability) {
    out.push('', `### Durability (${report.options.durability.clients} clients, ${report.options.durability.typists} typists)`, '');
    if (report.durability.cost.length) out.push(table(ROOM_HEADER, roomRows(report.durability.cost)), '');
    out.push(table(['server', 'killed after s', 'sent', 'acknowledged', 'ack rule', 'lost acknowledged', 'lost sent', 'seed survived'],
      report.durability.kills.map((k) => [k.target, k.killedAfterSeconds, k.sent, k.acknowledged, k.ackRule, k.lostAcknowledged, k.lostSent, k.seedSurvived ? 'yes' : 'NO'])));
  }
  if (report.coldopen) {
    const c = report.coldopen;
    out.push('', `### Cold open (${c.updates} logged updates)`, '', table(
      ['before compaction ms', 'after compaction ms', 'compaction ms', 'database bytes', 'log bytes', 'checkpoint bytes'],
      [[c.beforeCompactionMs, c.afterCompactionMs, c.compactionMs, c.bytes.database, c.bytes.log, c.bytes.checkpoint]]));
  }
  const externals = (['redline', 'permissions', 'typing'] as const).filter((name) => report[name]);
  if (externals.length) {
    out.push('', '### Other scenarios', '', table(['scenario', 'status'], externals.map((name) => {
      const result = report[name]!;
      return [name, result.status === 'skipped' ? `skipped: ${result.note}` : `ran: ${summarise(result.result)}`];
    })));
    for (const name of externals) {
      const result = report[name]!;
      const markdown = result.status === 'ran' ? (result.result as { markdown?: unknown } | null)?.markdown : undefined;
      if (typeof markdown === 'string') out.push('', markdown.trim());
    }
  }
  out.push('', '### Goals', '', table(['goal', 'value', 'limit', 'verdict'],
    Object.values(report.goals).map((goal) => [goal.goal, goal.value ?? '—', goal.limit, verdict(goal)])));
  if (report.notes.length) out.push('', ...report.notes.map((note) => `- ${note}`));
  return out.join('\n') + '\n';
}

/** A one-line summary of another scenario's result: its `markdown` if it has one, else its numbers. */
function summarise(result: unknown): string {
  if (result && typeof result === 'object') {
    const record = result as Record<string, unknown>;
    if (typeof record.summary === 'string') return record.summary;
    const numbers = Object.entries(record).filter(([, value]) => typeof value === 'number').map(([key, value]) => `${key} ${value}`);
    if (numbers.length) return numbers.join(', ');
  }
  return JSON.stringify(result).slice(0, 200);
}
