/**
 * Content similarity for aligning articles and provisions: word 3-shingle sets compared by Jaccard
 * index, with candidates found through an inverted index so the work stays near-linear in the size
 * of the texts (very common shingles, shared by many units, are not indexed).
 */

/** Lower-case word tokens of a text (letters and digits; punctuation and brackets dropped). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The set of word 3-shingles of a text (single words when it has fewer than three). */
export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < 3) { for (const x of w) out.add(x); return out; }
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

/** Jaccard index of two sets (1 for two empty sets). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** How many best candidates of a unit get their exact index computed whatever their estimate. */
const TOP_CANDIDATES = 4;

/** A candidate pair with its Jaccard index. */
export interface ScoredPair {
  from: number;
  to: number;
  score: number;
}

/**
 * Score every pair of `from` and `to` units sharing at least one shingle, among the indices given,
 * and return the pairs scoring at least `threshold`, best first. Shingles shared by more than
 * `maxPostings` units are ignored for candidate finding (they say nothing about identity).
 */
export function similarPairs(
  from: Set<string>[], to: Set<string>[], fromIndices: number[], toIndices: number[], threshold: number, maxPostings = 32,
): ScoredPair[] {
  const postings = new Map<string, number[]>();
  for (const j of toIndices) for (const s of to[j]) {
    const list = postings.get(s);
    if (!list) postings.set(s, [j]);
    else if (list.length <= maxPostings) list.push(j);
  }
  const pairs: ScoredPair[] = [];
  for (const i of fromIndices) {
    const shared = new Map<number, number>();
    for (const s of from[i]) {
      const list = postings.get(s);
      if (!list || list.length > maxPostings) continue;
      for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    // The count misses over-common shingles; the exact index is computed for promising pairs only:
    // those whose estimate is close enough, and the few sharing the most indexed shingles.
    const ranked = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    ranked.forEach(([j, count], rank) => {
      const estimate = count / (from[i].size + to[j].size - count);
      if (estimate < threshold / 2 && rank >= TOP_CANDIDATES) return;
      const score = jaccard(from[i], to[j]);
      if (score >= threshold) pairs.push({ from: i, to: j, score });
    });
  }
  return pairs.sort((a, b) => b.score - a.score || a.from - b.from || a.to - b.to);
}

/**
 * Indices (into `sequence`) of a longest strictly increasing subsequence: the aligned pairs that
 * kept their relative order. The others moved. O(n log n).
 */
export function longestIncreasing(sequence: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sequence[tails[mid]] < sequence[i]) lo = mid + 1; else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) keep.add(k);
  return keep;
}
