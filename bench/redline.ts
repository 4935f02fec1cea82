/**
 * The redline scenario of `npm run bench`: the article-aware Redline (shared/redline) against a
 * whole-text jsdiff `diffWords` and diff-match-patch (`diff_main` + `diff_cleanupSemantic`, default
 * 1 s timeout) on the same pairs of texts, in the same run:
 * - `model-law-vs-convention`: the largest fixture with a base text against that base;
 * - `convention-rev`: the whole 2001 Convention against a revision of itself (a few one-word
 *   edits and one deleted article, so 30-odd articles are renumbered): "what changed since Rev.1".
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

/** Timings of one pair of texts. */
export interface RedlinePairResult {
  name: string;
  fromWords: number;
  toWords: number;
  /** Article-aware redline, ms (median). */
  redlineMs: number;
  /** Whole-text `diffWords` of the plain texts, ms (median). */
  diffWordsMs: number;
  /** diff-match-patch `diff_main` + `diff_cleanupSemantic`, ms (median). */
  dmpMs: number;
  /** diffWordsMs / redlineMs: how many times faster the redline is. */
  speedupVsDiffWords: number;
  speedupVsDmp: number;
  /** Whether diff-match-patch hit its 1 s timeout (its result is then coarser). */
  dmpTimedOut: boolean;
  summary: { added: number; removed: number; modified: number; moved: number; unchanged: number; renumbered: number };
}

/** What `benchRedline` returns. */
export interface RedlineBenchResult {
  runs: number;
  pairs: RedlinePairResult[];
}

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: () => unknown): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 100) / 100;
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

function benchPair(name: string, from: Node, to: Node, runs: number): RedlinePairResult {
  const fromText = plainText(from);
  const toText = plainText(to);
  const redlineMs = time(runs, () => compareDocuments(from, to));
  const diffWordsMs = time(Math.min(runs, 3), () => diffWords(fromText, toText));
  const dmp = new DiffMatchPatch();
  let dmpTimedOut = false;
  const dmpMs = time(Math.min(runs, 3), () => {
    const start = performance.now();
    const diffs = dmp.diff_main(fromText, toText);
    if (performance.now() - start >= dmp.Diff_Timeout * 1000) dmpTimedOut = true;
    dmp.diff_cleanupSemantic(diffs);
  });
  const s = compareDocuments(from, to).summary;
  return {
    name, fromWords: countWords(fromText), toWords: countWords(toText), redlineMs, diffWordsMs, dmpMs,
    speedupVsDiffWords: Math.round((diffWordsMs / redlineMs) * 10) / 10,
    speedupVsDmp: Math.round((dmpMs / redlineMs) * 10) / 10,
    dmpTimedOut,
    summary: { added: s.added, removed: s.removed, modified: s.modified, moved: s.moved, unchanged: s.unchanged, renumbered: s.renumbered },
  };
}

/** Time the article-aware redline against whole-text diffWords and diff-match-patch on the fixtures. */
export function benchRedline(options: { runs?: number } = {}): RedlineBenchResult {
  const runs = options.runs ?? 7;
  const convention = schema.nodeFromJSON(loadFixture('convention-2001'));
  const modelLaw = schema.nodeFromJSON(loadFixture('model-law-2009'));
  return {
    runs,
    pairs: [
      benchPair('model-law-vs-convention', convention, modelLaw, runs),
      benchPair('convention-rev', convention, conventionRevision(convention), runs),
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(benchRedline(), null, 2)}\n`);
}
