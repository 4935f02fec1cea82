import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchReport } from '../bench/report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm run bench -- --quick', () => {
  let dir: string;
  let stdout = '';
  let exitCode: number | null = null;
  let report: BenchReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plenipo-bench-test-'));
    const out = join(dir, 'quick.json');
    // The Chromium typing scenario belongs to the editor's own tests; this checks the harness.
    exitCode = await new Promise<number | null>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'bench/main.ts', '--quick', '--scenario', 'fanout,durability,coldopen,redline,permissions', '--out', out],
        { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, output, errors) => {
          stdout = output;
          if (error) process.stderr.write(errors);
        });
      child.on('exit', (code) => resolve(code));
    });
    report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints the Markdown tables', () => {
    expect(exitCode).toBe(0);
    expect(stdout).toContain('### Room fan-out');
    expect(stdout).toContain('### Durability');
    expect(stdout).toContain('### Cold open');
    expect(stdout).toMatch(/^\| server \| clients\/typists \|/m);
  });

  it('records the machine', () => {
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.memoryGB).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
  });

  it('measures a converged fan-out room on every target', () => {
    expect(report.fanout!.rooms.map((room) => room.target)).toEqual(['plenipo', 'hocuspocus', 'y-websocket']);
    for (const room of report.fanout!.rooms) {
      expect(room.divergence.ok).toBe(true);
      expect(room.figures.edits).toBeGreaterThan(0);
      expect(room.figures.everyPeer.p99).toBeGreaterThanOrEqual(room.figures.everyPeer.p50);
      expect(room.server.peakRssMB).toBeGreaterThan(0);
    }
    expect(report.fanout!.ratios.map((ratio) => ratio.peer)).toEqual(['hocuspocus', 'y-websocket']);
  });

  it('reports a SIGKILL run for Plenipo at both fsync settings and for each peer', () => {
    expect(report.durability!.kills.map((kill) => kill.target)).toEqual(['plenipo', 'plenipo (sync=full)', 'hocuspocus', 'y-websocket']);
    for (const kill of report.durability!.kills) expect(kill.acknowledged).toBeLessThanOrEqual(kill.sent);
  });

  it('reports cold open before and after compaction with sizes', () => {
    expect(report.coldopen!.beforeCompactionMs).toBeGreaterThan(0);
    expect(report.coldopen!.afterCompactionMs).toBeGreaterThan(0);
    expect(report.coldopen!.bytes.log).toBeGreaterThan(0);
    expect(report.coldopen!.bytes.checkpoint).toBeGreaterThan(0);
  });

  it('evaluates every goal of the issue', () => {
    expect(Object.keys(report.goals).sort()).toEqual(['coldOpen', 'fanoutP99', 'lostAcknowledged']);
    for (const goal of Object.values(report.goals)) expect(typeof goal.met).toBe('boolean');
  });
});
