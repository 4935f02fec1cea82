/**
 * The redline scenario of `npm run bench`: the article-aware Redline (shared/redline) against a
 * whole-text jsdiff `diffWords` and diff-match-patch (`diff_main` + `diff_cleanupSemantic`, default
 * 1 s timeout) on the same pairs of texts, in the same run:
 * - `model-law-vs-convention`: the largest fixture with a base text against that base;
 * - `convention-rev`: the whole 2001 Convention against a revision of itself (a few one-word
 *   edits and one deleted article, so 30-odd articles are renumbered): "what changed since Rev.1";
 * - `long-provision`: one provision of 32,000 words (seeded random words of the Convention's
 *   vocabulary) with 30 % of its words replaced — the worst case of a word diff inside one
 *   provision (jsdiff's Myers diff is quadratic there);
 * - `many-provisions`: one article of 2,000 provisions, every one edited and renumbered by a new
 *   first provision — the worst case of pairing provisions (nothing identical, no label pairs).
 * The quick mode (`--quick`) runs the two large cases at a tenth of their size. The whole-text
 * baselines of the large cases run once (no warm-up): they take seconds to minutes.
 * `benchRedline()` returns the timings (median of `runs`, milliseconds) and the ratios; run this
 * file directly to print them as JSON.
 */
import { pathToFileURL } from 'node:url';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { diffWords } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import { schema } from '../shared/schema/index.ts';
import { articles, plainText } from '../shared/model/index.ts';
import { compareDocuments } from '../shared/redline/index.ts';
import { loadFixture } from '../fixtures/index.ts';
import { seededRandom as prng } from '../test/helpers/seeded-random.ts';

/** Timings of one pair of texts. */
export interface RedlinePairResult {
  name: string;
  fromWords: number;
  toWords: number;
  /** Article-aware redline, ms (median). */
  redlineMs: number;
  /** CPU time of the redline, ms (median): steadier than wall time on a loaded machine. */
  redlineCpuMs: number;
  /** Whole-text `diffWords` of the plain texts, ms (median). */
  diffWordsMs: number;
  /** diff-match-patch `diff_main` + `diff_cleanupSemantic`, ms (median). */
  dmpMs: number;
  /** CPU time of the baselines, ms (median). */
  diffWordsCpuMs: number;
  dmpCpuMs: number;
  /** diffWordsCpuMs / redlineCpuMs: how many times faster the redline is (CPU time: steadier on a shared machine). */
  speedupVsDiffWords: number;
  speedupVsDmp: number;
  /** Whether diff-match-patch hit its 1 s timeout (its result is then coarser). */
  dmpTimedOut: boolean;
  /** Words the redline reports added and removed (for the long provision: 30 % replaced is the truth). */
  wordsAdded: number;
  wordsRemoved: number;
  summary: { added: number; removed: number; modified: number; moved: number; unchanged: number; renumbered: number };
}

/** What `benchRedline` returns. */
export interface RedlineBenchResult {
  runs: number;
  quick: boolean;
  pairs: RedlinePairResult[];
  /** The rows as a Markdown table (printed by `npm run bench`). */
  markdown: string;
}

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time and median CPU time (this process, user + system) of `runs` calls, ms. */
function timeBoth(runs: number, fn: () => unknown, warmUp = true): { wall: number; cpu: number } {
  if (warmUp) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    fn();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return { wall: round(median(wall)), cpu: round(median(cpu)) };
}

/** The Convention with "shall" → "may" in five articles and Article 16 deleted. */
export function conventionRevision(convention: Node): Node {
  const tr = new Transform(convention);
  const list = articles(convention);
  const edited = new Set(['3', '9', '20', '27', '40']);
  const edits: { from: number; to: number }[] = [];
  for (const a of list) {
    if (!edited.has(a.number)) continue;
    let done = false;
    a.node.descendants((child, pos) => {
      if (done || !child.isText) return !done;
      const at = child.text!.indexOf('shall');
      if (at >= 0) { edits.push({ from: a.pos + 1 + pos + at, to: a.pos + 1 + pos + at + 5 }); done = true; }
      return false;
    });
  }
  const deleted = list.find((a) => a.number === '16')!;
  const steps = [...edits.map((e) => ({ ...e, kind: 'edit' as const })), { from: deleted.pos, to: deleted.pos + deleted.node.nodeSize, kind: 'delete' as const }]
    .sort((a, b) => b.from - a.from);
  for (const step of steps) {
    if (step.kind === 'edit') tr.replaceWith(step.from, step.to, schema.text('may'));
    else tr.delete(step.from, step.to);
  }
  tr.doc.check();
  return tr.doc;
}


/** A treaty of one article holding the given provisions, one paragraph each. */
function articleOf(provisions: string[]): Node {
  const s = schema.nodes;
  const article = s.article.create({ id: 'art-1' }, [
    s.heading.create(null, schema.text('Offences')),
    ...provisions.map((text, i) => s.paragraph.create({ id: `par-${i}` }, [s.plain.create({ id: `p-${i}` }, text ? [schema.text(text)] : [])])),
  ]);
  const doc = s.doc.create(null, [s.docinfo.create(), s.title.create(null, schema.text('Bench')), article]);
  doc.check();
  return doc;
}

/** One provision of `words` random Convention words against the same with `share` of its words replaced. */
export function longProvisionPair(convention: Node, words: number, share: number, seed = 185): { from: Node; to: Node } {
  const vocabulary = plainText(convention).match(/[\p{L}\p{N}]+/gu) ?? [];
  const rand = prng(seed);
  const draw = () => vocabulary[Math.floor(rand() * vocabulary.length)];
  const before = Array.from({ length: words }, draw);
  const after = before.map((w) => (rand() < share ? draw() : w));
  return { from: articleOf([before.join(' ')]), to: articleOf([after.join(' ')]) };
}

/**
 * An article of `n` provisions against the same with a new provision first (so every other one is
 * renumbered) and one word of every provision replaced: nothing is identical, no label pairs.
 */
export function manyProvisionsPair(convention: Node, n: number, seed = 2000): { from: Node; to: Node } {
  const vocabulary = plainText(convention).match(/[\p{L}\p{N}]+/gu) ?? [];
  const rand = prng(seed);
  const draw = () => vocabulary[Math.floor(rand() * vocabulary.length)];
  const before: string[] = [];
  for (let i = 0; i < n; i++) before.push(`Each Party shall ${Array.from({ length: 24 }, draw).join(' ')}.`);
  const after = before.map((text) => {
    const words = text.split(' ');
    const at = 3 + Math.floor(rand() * 20);
    let word = draw();
    while (word === words[at]) word = draw();
    words[at] = word;
    return words.join(' ');
  });
  return { from: articleOf(before), to: articleOf([`Each Party shall ${Array.from({ length: 24 }, draw).join(' ')}.`, ...after]) };
}

function benchPair(name: string, from: Node, to: Node, runs: number, slowBaselines = false): RedlinePairResult {
  const fromText = plainText(from);
  const toText = plainText(to);
  const { wall: redlineMs, cpu: redlineCpuMs } = timeBoth(runs, () => compareDocuments(from, to));
  const baselineRuns = slowBaselines ? 1 : Math.min(runs, 3);
  const { wall: diffWordsMs, cpu: diffWordsCpuMs } = timeBoth(baselineRuns, () => diffWords(fromText, toText), !slowBaselines);
  const dmp = new DiffMatchPatch();
  let dmpTimedOut = false;
  const { wall: dmpMs, cpu: dmpCpuMs } = timeBoth(baselineRuns, () => {
    const start = performance.now();
    const diffs = dmp.diff_main(fromText, toText);
    if (performance.now() - start >= dmp.Diff_Timeout * 1000) dmpTimedOut = true;
    dmp.diff_cleanupSemantic(diffs);
  }, !slowBaselines);
  const s = compareDocuments(from, to).summary;
  return {
    name, fromWords: countWords(fromText), toWords: countWords(toText), redlineMs, redlineCpuMs, diffWordsMs, dmpMs,
    diffWordsCpuMs, dmpCpuMs,
    speedupVsDiffWords: Math.round((diffWordsCpuMs / redlineCpuMs) * 10) / 10,
    speedupVsDmp: Math.round((dmpCpuMs / redlineCpuMs) * 10) / 10,
    dmpTimedOut, wordsAdded: s.wordsAdded, wordsRemoved: s.wordsRemoved,
    summary: { added: s.added, removed: s.removed, modified: s.modified, moved: s.moved, unchanged: s.unchanged, renumbered: s.renumbered },
  };
}

/** The rows as a Markdown table. */
function markdownOf(result: Omit<RedlineBenchResult, 'markdown'>): string {
  const rows = result.pairs.map((p) => `| ${p.name} | ${p.fromWords} → ${p.toWords} | ${p.redlineMs} (cpu ${p.redlineCpuMs}) | ${p.diffWordsMs} (cpu ${p.diffWordsCpuMs}, ${p.speedupVsDiffWords}×) | ${p.dmpMs}${p.dmpTimedOut ? ' (timed out)' : ''} (cpu ${p.dmpCpuMs}, ${p.speedupVsDmp}×) | +${p.wordsAdded} / −${p.wordsRemoved} |`);
  return [
    `### Redline (median of ${result.runs}${result.quick ? ', quick sizes' : ''})`, '',
    '| pair | words | redline ms | whole-text `diffWords` ms | diff-match-patch ms | words added / removed |',
    // Ratios are of CPU times (this process), steadier than wall times on a shared machine.
    '| --- | --- | --- | --- | --- | --- |', ...rows,
  ].join('\n');
}

/** Time the redline against whole-text diffWords and diff-match-patch on the fixtures and the two large cases. */
export function benchRedline(options: { runs?: number; quick?: boolean } = {}): RedlineBenchResult {
  const quick = !!options.quick;
  const runs = options.runs ?? (quick ? 3 : 7);
  const convention = schema.nodeFromJSON(loadFixture('convention-2001'));
  const modelLaw = schema.nodeFromJSON(loadFixture('model-law-2009'));
  const long = longProvisionPair(convention, quick ? 3_200 : 32_000, 0.3);
  const many = manyProvisionsPair(convention, quick ? 200 : 2_000);
  const result = {
    runs, quick,
    pairs: [
      benchPair('model-law-vs-convention', convention, modelLaw, runs),
      benchPair('convention-rev', convention, conventionRevision(convention), runs),
      benchPair(`long-provision (${quick ? '3.2k' : '32k'} words, 30 % replaced)`, long.from, long.to, runs, true),
      benchPair(`many-provisions (${quick ? 200 : 2000}, all edited and renumbered)`, many.from, many.to, runs, true),
    ],
  };
  return { ...result, markdown: markdownOf(result) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(benchRedline(), null, 2)}\n`);
}
