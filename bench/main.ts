/**
 * `npm run bench`: Plenipo against Hocuspocus and the reference y-websocket server, side by side,
 * in one run. Prints Markdown tables on stdout (progress on stderr) and writes every figure to
 * `bench/results/<date>.json` (`quick-<date>.json` with --quick) or to --out. See bench/README.md.
 * Exits 1 when some room's clients diverged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseOptions, USAGE, type BenchOptions } from './options.ts';
import { describeMachine } from './machine.ts';
import { loadSeedDocument } from './seed-doc.ts';
import { plenipoAvailable } from './targets.ts';
import { runFanout } from './fanout.ts';
import { runDurability } from './durability.ts';
import { runColdOpen } from './coldopen.ts';
import { runExternal } from './external.ts';
import { evaluateGoals, renderMarkdown, type BenchReport } from './report.ts';

const t0 = Date.now();
const progress = (line: string): void => { process.stderr.write(`bench [${((Date.now() - t0) / 1000).toFixed(1)} s]: ${line}\n`); };

function resultPath(options: BenchOptions, startedAt: Date): string {
  if (options.out) return options.out;
  const stamp = startedAt.toISOString().replace(/:/g, '-').replace(/\..*$/, '');
  return fileURLToPath(new URL(`./results/${options.quick ? 'quick-' : ''}${stamp}.json`, import.meta.url));
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const started = new Date();
  const notes: string[] = [];
  if (options.targets.includes('plenipo') && !plenipoAvailable()) {
    options.targets = options.targets.filter((target) => target !== 'plenipo');
    notes.push('server/start.ts is missing: Plenipo was not measured.');
  }
  const seed = await loadSeedDocument({ synthetic: options.synthetic });
  if (seed.source === 'synthetic' && !options.synthetic) notes.push('The protocol fixture was not available: the synthetic 20k-word treaty was used.');
  const plenipoFlags = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });

  const { out: _out, profileDir: _profileDir, ...recordedOptions } = options;
  const report: BenchReport = {
    startedAt: started.toISOString(), finishedAt: '', argv: process.argv.slice(2), machine: describeMachine(), options: recordedOptions,
    seed: { source: seed.source, words: seed.words, updateBytes: seed.update.length },
    goals: evaluateGoals({}), ok: true, notes,
  };
  const room = { ...options.fanout, workers: options.workers };
  for (const scenario of options.scenarios) {
    try {
      await runScenario(scenario);
    } catch (error) {
      report.ok = false;
      notes.push(`FAILED: scenario ${scenario}: ${(error as Error).message.split('\n')[0]}`);
      progress(`${scenario} failed: ${(error as Error).stack}`);
    }
  }
  async function runScenario(scenario: BenchOptions['scenarios'][number]): Promise<void> {
    switch (scenario) {
      case 'fanout':
        report.fanout = await runFanout(options.targets, seed.update, room, plenipoFlags, progress);
        break;
      case 'durability':
        report.durability = await runDurability(options.targets, seed.update, { ...options.durability, workers: options.workers }, progress);
        break;
      case 'coldopen': {
        if (!options.targets.includes('plenipo')) { notes.push('Cold open measures Plenipo only; skipped.'); break; }
        progress(`coldopen: ${options.coldopen.updates} logged updates`);
        const dir = mkdtempSync(join(tmpdir(), 'plenipo-bench-cold-'));
        try {
          report.coldopen = await runColdOpen(dir, seed.update, options.coldopen);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        break;
      }
      case 'redline':
      case 'permissions':
      case 'typing':
        progress(scenario);
        report[scenario] = await runExternal(scenario, { quick: options.quick });
        break;
      default:
        throw new RangeError(`Unknown scenario ${JSON.stringify(scenario)}`);
    }
  }
  const rooms = [...(report.fanout?.rooms ?? []), ...(report.durability?.cost ?? [])];
  const converged = rooms.every((r) => r.divergence.ok);
  report.ok = report.ok && converged;
  if (!converged) notes.push('FAILED: some clients ended with different states (see divergence).');
  report.goals = evaluateGoals(report);
  report.finishedAt = new Date().toISOString();

  const path = resultPath(options, started);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(renderMarkdown(report));
  process.stdout.write(`\nResults: ${path}\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => { process.stderr.write(`bench failed: ${error.stack ?? error.message}\n${USAGE}\n`); process.exit(1); },
);
