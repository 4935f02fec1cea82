/**
 * Alignment of the articles, and of the provisions of an article, of two texts. Articles pair by
 * number and heading first, then by heading alone, identical text, content similarity (shingle
 * Jaccard through an inverted index) and finally by number alone when their words still overlap,
 * so that a renumbered or moved article is paired with its old self instead of showing as one
 * removed and one added. Provisions pair by identical text, then label, then similarity.
 */
import type { ArticleUnit, Provision } from './units.ts';
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
}

/** Thresholds of the alignment, exposed for tests and tuning. */
export const ALIGN_THRESHOLDS = { articleSimilarity: 0.5, articleSameNumber: 0.2, provisionSameLabel: 0.3, provisionSimilarity: 0.4 };

const headingKey = (heading: string) => words(heading).join(' ');

function wordSet(text: string): Set<string> {
  return new Set(words(text));
}

/** A list computed element by element on first use (shingles and word sets are only needed for changed texts). */
function lazyList<T>(n: number, make: (i: number) => T): (i: number) => T {
  const cache: (T | undefined)[] = new Array(n);
  return (i) => (cache[i] ??= make(i));
}

/** Pair items with equal keys, in order, when a key occurs on both sides. */
function pairByKey(fromFree: number[], toFree: number[], fromKey: (i: number) => string | null, toKey: (j: number) => string | null, unique: boolean, add: (i: number, j: number) => void) {
  const byKey = new Map<string, number[]>();
  for (const j of toFree) {
    const k = toKey(j);
    if (k == null) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), j]);
  }
  const fromCount = new Map<string, number>();
  if (unique) for (const i of fromFree) { const k = fromKey(i); if (k != null) fromCount.set(k, (fromCount.get(k) ?? 0) + 1); }
  for (const i of fromFree) {
    const k = fromKey(i);
    if (k == null) continue;
    const list = byKey.get(k);
    if (!list || list.length === 0) continue;
    if (unique && (list.length > 1 || fromCount.get(k)! > 1)) continue;
    add(i, list.shift()!);
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
  const score = (i: number, j: number) => (from[i].text === to[j].text ? 1 : jaccard(fromShingles(i), toShingles(j)));
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
    if (jaccard(wordSet(from[i].text), wordSet(to[j].text)) >= ALIGN_THRESHOLDS.articleSameNumber) matcher.add(i, j, 'number', score(i, j));
  });
  return matcher.pairs.sort((a, b) => a.to - b.to);
}

/** Align the provisions of two aligned articles (or parts). */
export function alignProvisions(from: Provision[], to: Provision[]): AlignedPair[] {
  const matcher = new Matcher(from.length, to.length);
  const fromWords = lazyList(from.length, (i) => wordSet(from[i].text));
  const toWords = lazyList(to.length, (j) => wordSet(to[j].text));
  const score = (i: number, j: number) => (from[i].text === to[j].text ? 1 : jaccard(fromWords(i), toWords(j)));

  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => from[i].text, (j) => to[j].text, false, (i, j) => matcher.add(i, j, 'text', 1));
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => from[i].label, (j) => to[j].label, false, (i, j) => {
    const s = score(i, j);
    if (s >= ALIGN_THRESHOLDS.provisionSameLabel) matcher.add(i, j, 'number', s);
  });
  const candidates: AlignedPair[] = [];
  for (const i of matcher.freeFrom()) for (const j of matcher.freeTo()) {
    const s = score(i, j);
    if (s >= ALIGN_THRESHOLDS.provisionSimilarity) candidates.push({ from: i, to: j, rule: 'similarity', similarity: s });
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.from - b.from);
  for (const c of candidates) matcher.add(c.from, c.to, c.rule, c.similarity);
  pairByKey(matcher.freeFrom(), matcher.freeTo(), (i) => from[i].label, (j) => to[j].label, false, (i, j) => matcher.add(i, j, 'number', score(i, j)));
  return matcher.pairs.sort((a, b) => a.to - b.to);
}

/**
 * Merge two aligned sequences into one reading order: the newer text's order, with each removed
 * unit placed right after the unit that preceded it in the older text. Pairs outside the longest
 * in-order run are flagged as moved.
 */
export function mergeOrder(n: number, m: number, pairs: AlignedPair[]): MergedStep[] {
  const sorted = [...pairs].sort((a, b) => a.to - b.to);
  const inOrder = longestIncreasing(sorted.map((p) => p.from));
  const movedFrom = new Set(sorted.filter((_, k) => !inOrder.has(k)).map((p) => p.from));
  const toFrom = new Map(sorted.map((p) => [p.to, p.from]));
  const matchedFrom = new Set(sorted.map((p) => p.from));
  const steps: MergedStep[] = [];
  let nextFrom = 0;
  const flushRemovedBefore = (limit: number) => {
    for (; nextFrom < limit; nextFrom++) if (!matchedFrom.has(nextFrom)) steps.push({ from: nextFrom, to: null, moved: false });
  };
  for (let j = 0; j < m; j++) {
    const i = toFrom.get(j);
    if (i === undefined) { steps.push({ from: null, to: j, moved: false }); continue; }
    if (!movedFrom.has(i)) flushRemovedBefore(i + 1);
    steps.push({ from: i, to: j, moved: movedFrom.has(i) });
  }
  flushRemovedBefore(n);
  return steps;
}
