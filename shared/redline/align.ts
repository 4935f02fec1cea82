/**
 * Alignment of the articles, and of the provisions of an article, of two texts. Articles pair by
 * number and heading first, then by heading alone, identical text, content similarity (shingle
 * Jaccard through an inverted index) and finally by number alone when their words still overlap,
 * so that a renumbered or moved article is paired with its old self instead of showing as one
 * removed and one added. Provisions pair by identical text, then label, then similarity.
 */
import type { ArticleUnit, PartUnit, Provision } from './units.ts';
import { jaccard, shingles, similarPairs, longestIncreasing, words } from './similarity.ts';

/** How an article pair was found. */
export type MatchRule = 'number-heading' | 'heading' | 'text' | 'similarity' | 'number';

/** A pair of aligned units, by index into the `from` and `to` lists. */
export interface AlignedPair {
  from: number;
  to: number;
  rule: MatchRule;
  similarity: number;
}

/** One step of the merged reading order: a pair, a removed unit or an added unit. */
export interface MergedStep {
  from: number | null;
  to: number | null;
  /** True when the pair is out of order relative to the other pairs. */
  moved: boolean;
  /** True for the step marking where a moved pair stood in the older sequence. */
  movedFrom?: boolean;
}

/** Thresholds of the alignment, exposed for tests and tuning. */
export const ALIGN_THRESHOLDS = { articleSimilarity: 0.5, articleSameNumber: 0.2, provisionSameLabel: 0.3, provisionSimilarity: 0.4, divisionSameNumber: 0.2, textSimilarity: 0.3 };

const headingKey = (heading: string) => words(heading).join(' ');

function wordSet(text: string): Set<string> {
  return new Set(words(text));
}

/** A list computed element by element on first use (shingles and word sets are only needed for changed texts). */
function lazyList<T>(n: number, make: (i: number) => T): (i: number) => T {
  const cache: (T | undefined)[] = new Array(n);
  return (i) => (cache[i] ??= make(i));
}

/** Pair items with equal keys, in order, when a key occurs on both sides (linear: one map, one cursor per key). */
function pairByKey(fromFree: number[], toFree: number[], fromKey: (i: number) => string | null, toKey: (j: number) => string | null, unique: boolean, add: (i: number, j: number) => void) {
  const byKey = new Map<string, { list: number[]; next: number }>();
  for (const j of toFree) {
    const k = toKey(j);
    if (k == null) continue;
    const entry = byKey.get(k);
    if (entry) entry.list.push(j); else byKey.set(k, { list: [j], next: 0 });
  }
  const fromCount = new Map<string, number>();
  if (unique) for (const i of fromFree) { const k = fromKey(i); if (k != null) fromCount.set(k, (fromCount.get(k) ?? 0) + 1); }
  for (const i of fromFree) {
    const k = fromKey(i);
    if (k == null) continue;
    const entry = byKey.get(k);
    if (!entry || entry.next >= entry.list.length) continue;
    if (unique && (entry.list.length > 1 || fromCount.get(k)! > 1)) continue;
    add(i, entry.list[entry.next++]);
  }
}

class Matcher {
  readonly fromTo = new Map<number, number>();
  readonly toFrom = new Map<number, number>();
  readonly pairs: AlignedPair[] = [];
  constructor(readonly n: number, readonly m: number) {}
  freeFrom(): number[] { return [...Array(this.n).keys()].filter((i) => !this.fromTo.has(i)); }
  freeTo(): number[] { return [...Array(this.m).keys()].filter((j) => !this.toFrom.has(j)); }
  add(i: number, j: number, rule: MatchRule, similarity: number) {
    if (this.fromTo.has(i) || this.toFrom.has(j)) return;
    this.fromTo.set(i, j);
    this.toFrom.set(j, i);
    this.pairs.push({ from: i, to: j, rule, similarity });
  }
}

/** Align the articles of two texts. Returns the pairs (every unpaired article was added or removed). */
export function alignArticles(from: ArticleUnit[], to: ArticleUnit[]): AlignedPair[] {
  const fromShingles = lazyList(from.length, (i) => shingles(from[i].text));
  const toShingles = lazyList(to.length, (j) => shingles(to[j].text));
  const fromWords = lazyList(from.length, (i) => wordSet(from[i].text));
  const toWords = lazyList(to.length, (j) => wordSet(to[j].text));
  // The similarity reported for a pair: word sets (cheaper than shingles on long articles).
  const score = (i: number, j: number) => (from[i].text === to[j].text ? 1 : jaccard(fromWords(i), toWords(j)));
  const matcher = new Matcher(from.length, to.length);

  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => `${from[i].number}|${headingKey(from[i].heading)}`, (j) => `${to[j].number}|${headingKey(to[j].heading)}`, false,
    (i, j) => matcher.add(i, j, 'number-heading', score(i, j)));
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => headingKey(from[i].heading) || null, (j) => headingKey(to[j].heading) || null, true,
    (i, j) => matcher.add(i, j, 'heading', score(i, j)));
  const body = (a: ArticleUnit) => a.provisions.map((p) => p.text).join('\n');
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => (from[i].provisions.length ? body(from[i]) : null), (j) => (to[j].provisions.length ? body(to[j]) : null), true,
    (i, j) => matcher.add(i, j, 'text', score(i, j)));
  const freeFrom = matcher.freeFrom();
  const freeTo = matcher.freeTo();
  const fromSets: Set<string>[] = [];
  const toSets: Set<string>[] = [];
  for (const i of freeFrom) fromSets[i] = fromShingles(i);
  for (const j of freeTo) toSets[j] = toShingles(j);
  for (const pair of similarPairs(fromSets, toSets, freeFrom, freeTo, ALIGN_THRESHOLDS.articleSimilarity)) {
    matcher.add(pair.from, pair.to, 'similarity', pair.score);
  }
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => from[i].number, (j) => to[j].number, false, (i, j) => {
    const s = score(i, j);
    if (s >= ALIGN_THRESHOLDS.articleSameNumber) matcher.add(i, j, 'number', s);
  });
  return matcher.pairs.sort((a, b) => a.to - b.to);
}

/**
 * Align the provisions of two aligned articles (or parts), never scoring all pairs:
 * 1. identical text (by hash); the in-order ones are anchors;
 * 2. between two consecutive anchors, content similarity: every pair when the window is small,
 *    else candidates from an inverted index of words (words shared by many provisions are not
 *    indexed), best first;
 * 3. in the same windows, the same label when the words still overlap;
 * 4. across the whole unit (provisions that moved), similarity through the inverted index;
 * 5. the same label.
 * An article of thousands of provisions, all edited and renumbered, stays near-linear.
 */
export function alignProvisions(from: Provision[], to: Provision[]): AlignedPair[] {
  const matcher = new Matcher(from.length, to.length);
  const fromWords = lazyList(from.length, (i) => wordSet(from[i].text));
  const toWords = lazyList(to.length, (j) => wordSet(to[j].text));
  const score = (i: number, j: number) => (from[i].text === to[j].text ? 1 : jaccard(fromWords(i), toWords(j)));
  const similar = (freeFrom: number[], freeTo: number[], threshold: number) => {
    if (!freeFrom.length || !freeTo.length) return;
    if (freeFrom.length * freeTo.length <= WINDOW_PAIRS) {
      const candidates: AlignedPair[] = [];
      for (const i of freeFrom) for (const j of freeTo) {
        const s = score(i, j);
        if (s >= threshold) candidates.push({ from: i, to: j, rule: 'similarity', similarity: s });
      }
      candidates.sort((a, b) => b.similarity - a.similarity || a.from - b.from || a.to - b.to);
      for (const c of candidates) matcher.add(c.from, c.to, 'similarity', c.similarity);
      return;
    }
    const fromSets: Set<string>[] = [];
    const toSets: Set<string>[] = [];
    for (const i of freeFrom) fromSets[i] = fromWords(i);
    for (const j of freeTo) toSets[j] = toWords(j);
    for (const c of similarPairs(fromSets, toSets, freeFrom, freeTo, threshold)) matcher.add(c.from, c.to, 'similarity', c.score);
  };

  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => from[i].text, (j) => to[j].text, false, (i, j) => matcher.add(i, j, 'text', 1));
  // Windows between the identical provisions that kept their order.
  const exact = [...matcher.pairs].sort((a, b) => a.to - b.to);
  const kept = longestIncreasing(exact.map((p) => p.from));
  const anchors = exact.filter((_, k) => kept.has(k));
  const windows: [number, number, number, number][] = [];
  let fa = 0;
  let ta = 0;
  for (const p of [...anchors, { from: from.length, to: to.length }]) {
    windows.push([fa, p.from, ta, p.to]);
    fa = p.from + 1;
    ta = p.to + 1;
  }
  const freeIn = ([f0, f1, t0, t1]: [number, number, number, number]) => [
    range(f0, f1).filter((i) => !matcher.fromTo.has(i)), range(t0, t1).filter((j) => !matcher.toFrom.has(j)),
  ] as const;
  for (const w of windows) {
    const [freeFrom, freeTo] = freeIn(w);
    similar(freeFrom, freeTo, ALIGN_THRESHOLDS.provisionSimilarity);
  }
  for (const w of windows) {
    const [freeFrom, freeTo] = freeIn(w);
    pairByKey(freeFrom, freeTo, (i) => from[i].label, (j) => to[j].label, false, (i, j) => {
      const s = score(i, j);
      if (s >= ALIGN_THRESHOLDS.provisionSameLabel) matcher.add(i, j, 'number', s);
    });
  }
  similar(matcher.freeFrom(), matcher.freeTo(), ALIGN_THRESHOLDS.provisionSimilarity);
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => from[i].label, (j) => to[j].label, false, (i, j) => matcher.add(i, j, 'number', score(i, j)));
  return matcher.pairs.sort((a, b) => a.to - b.to);
}

/** Windows up to this many candidate pairs are scored pair by pair; larger ones go through the inverted index. */
const WINDOW_PAIRS = 256;

const range = (lo: number, hi: number) => Array.from({ length: Math.max(0, hi - lo) }, (_, k) => lo + k);

/**
 * Align the non-article units of two texts: the title, preamble and closing with their
 * counterparts; division headings by kind, number and heading, then kind and heading, then kind and
 * number when the headings share words; text outside articles by identical text, then similarity.
 */
export function alignParts(from: PartUnit[], to: PartUnit[]): AlignedPair[] {
  const matcher = new Matcher(from.length, to.length);
  const words = (p: PartUnit) => wordSet(p.text);
  const score = (i: number, j: number) => (from[i].text === to[j].text ? 1 : jaccard(words(from[i]), words(to[j])));
  const single = (p: PartUnit) => (p.kind === 'title' || p.kind === 'preamble' || p.kind === 'closing' ? p.kind : null);
  const division = (p: PartUnit, withLabel: boolean, withHeading: boolean) =>
    (p.kind === 'division' ? `${p.division}|${withLabel ? p.label : ''}|${withHeading ? headingKey(p.heading) : ''}` : null);
  const text = (p: PartUnit) => (p.kind === 'text' ? p.text : null);
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => single(from[i]), (j) => single(to[j]), false, (i, j) => matcher.add(i, j, 'number', score(i, j)));
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => division(from[i], true, true), (j) => division(to[j], true, true), false, (i, j) => matcher.add(i, j, 'number-heading', score(i, j)));
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => division(from[i], false, true), (j) => division(to[j], false, true), true, (i, j) => matcher.add(i, j, 'heading', score(i, j)));
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => division(from[i], true, false), (j) => division(to[j], true, false), false, (i, j) => {
    if (jaccard(wordSet(from[i].heading), wordSet(to[j].heading)) >= ALIGN_THRESHOLDS.divisionSameNumber) matcher.add(i, j, 'number', score(i, j));
  });
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => text(from[i]), (j) => text(to[j]), false, (i, j) => matcher.add(i, j, 'text', 1));
  const freeFrom = matcher.freeFrom().filter((i) => from[i].kind === 'text');
  const freeTo = matcher.freeTo().filter((j) => to[j].kind === 'text');
  if (freeFrom.length && freeTo.length) {
    const fromSets: Set<string>[] = [];
    const toSets: Set<string>[] = [];
    for (const i of freeFrom) fromSets[i] = words(from[i]);
    for (const j of freeTo) toSets[j] = words(to[j]);
    for (const c of similarPairs(fromSets, toSets, freeFrom, freeTo, ALIGN_THRESHOLDS.textSimilarity)) matcher.add(c.from, c.to, 'similarity', c.score);
  }
  return matcher.pairs.sort((a, b) => a.to - b.to);
}

/**
 * Merge two aligned sequences into one reading order: the newer text's order, with each removed
 * unit placed right after the unit that preceded it in the older text (before what was added there). Pairs outside the heaviest
 * in-order run (`weight`, default 1 per pair) moved: they appear at their new place and, as a
 * `movedFrom` step, at their old one, so that the steps read in order give each side in order.
 */
export function mergeOrder(n: number, m: number, pairs: AlignedPair[], weight: (pair: AlignedPair) => number = () => 1): MergedStep[] {
  const sorted = [...pairs].sort((a, b) => a.to - b.to);
  const inOrder = heaviestIncreasing(sorted.map((p) => p.from), sorted.map(weight));
  const movedFrom = new Map(sorted.filter((_, k) => !inOrder.has(k)).map((p) => [p.from, p.to]));
  const toFrom = new Map(sorted.map((p) => [p.to, p.from]));
  const matchedFrom = new Set(sorted.map((p) => p.from));
  const steps: MergedStep[] = [];
  let nextFrom = 0;
  const flushRemovedBefore = (limit: number) => {
    for (; nextFrom < limit; nextFrom++) {
      if (!matchedFrom.has(nextFrom)) steps.push({ from: nextFrom, to: null, moved: false });
      else if (movedFrom.has(nextFrom)) steps.push({ from: nextFrom, to: movedFrom.get(nextFrom)!, moved: true, movedFrom: true });
    }
  };
  // Removals come before additions at the same place: an added unit first flushes what the older
  // text had before the next pair that stays in order.
  const nextAnchor = new Array<number>(m + 1).fill(n);
  for (let j = m - 1; j >= 0; j--) {
    const i = toFrom.get(j);
    nextAnchor[j] = i !== undefined && !movedFrom.has(i) ? i : nextAnchor[j + 1];
  }
  for (let j = 0; j < m; j++) {
    const i = toFrom.get(j);
    if (i === undefined) { flushRemovedBefore(nextAnchor[j]); steps.push({ from: null, to: j, moved: false }); continue; }
    if (!movedFrom.has(i)) flushRemovedBefore(i + 1);
    steps.push({ from: i, to: j, moved: movedFrom.has(i) });
  }
  flushRemovedBefore(n);
  return steps;
}

/** Indices of a strictly increasing subsequence of `sequence` of largest total `weights`. O(n log n). */
export function heaviestIncreasing(sequence: number[], weights: number[]): Set<number> {
  if (weights.every((w) => w === 1)) return longestIncreasing(sequence);
  const size = Math.max(0, ...sequence) + 2;
  const tree = new Float64Array(size + 1); // Fenwick tree of best (weight) ending at value <= v
  const treeAt = new Int32Array(size + 1).fill(-1);
  const best = new Float64Array(sequence.length);
  const previous = new Int32Array(sequence.length).fill(-1);
  const query = (v: number): [number, number] => { let w = 0; let at = -1; for (let x = v; x > 0; x -= x & -x) if (tree[x] > w || (tree[x] === w && treeAt[x] > at)) { w = tree[x]; at = treeAt[x]; } return [w, at]; };
  const update = (v: number, w: number, at: number) => { for (let x = v; x <= size; x += x & -x) if (w > tree[x]) { tree[x] = w; treeAt[x] = at; } };
  let top = -1;
  for (let i = 0; i < sequence.length; i++) {
    const [w, at] = query(sequence[i]); // values strictly below sequence[i] (+1 shift)
    best[i] = w + weights[i];
    previous[i] = at;
    update(sequence[i] + 1, best[i], i);
    if (top < 0 || best[i] >= best[top]) top = i; // ties: the later end, as longestIncreasing
  }
  const keep = new Set<number>();
  for (let k = top; k >= 0; k = previous[k]) keep.add(k);
  return keep;
}
