/**
 * The tracked-change form of a comparison: the paragraphs of the older and the newer text (see
 * paragraphs.ts) merged into one sequence where every run and every paragraph mark is common,
 * inserted, deleted, moved from or moved to, signed with a `Stamp`. Built so that keeping only what
 * is not inserted / moved-to rebuilds the older paragraphs exactly (Reject All) and keeping only what
 * is not deleted / moved-from rebuilds the newer ones (Accept All):
 * - articles are paired by id, then by the redline's article alignment (number, heading, content);
 *   a pair out of reading order (not on the longest increasing run) is a move: the old text as
 *   `moveFrom` where it stood, the new text as `moveTo` (with any new words as insertions) where it
 *   now stands;
 * - other paragraphs are paired by id, then by identical text, then, between two pairs, in order when
 *   they are of the same kind and share enough words (a changed heading);
 * - paired paragraphs get a word diff that keeps whitespace as tokens (jsdiff's
 *   `diffWordsWithSpace`, bounded by `maxEditLength`; past it the paragraph is replaced whole);
 * - an unpaired paragraph is inserted or deleted with its paragraph mark, so no empty paragraph or
 *   caption stub is left after Accept All or Reject All.
 */
import { diffWordsWithSpace } from 'diff';
import type { Node } from 'prosemirror-model';
import { documentUnits, alignArticles } from '../../redline/index.ts';
import { laterStamp, type Stamp, type TextAuthorship } from '../../attribution/types.ts';
import { paragraphText, type ParagraphKind, type Span, type SpanSource, type SpanStyle, type TreatyParagraph } from './paragraphs.ts';

/** What a run or paragraph mark does in the redline. */
export type ChangeKind = 'same' | 'ins' | 'del' | 'moveFrom' | 'moveTo';

/** A run of a tracked paragraph. */
export interface TrackedRun {
  text: string;
  style: SpanStyle;
  change: ChangeKind;
  stamp?: Stamp;
  /** Where the run's first character sits in its side's document (newer side unless deleted / moved from). */
  source?: SpanSource;
}

/** A paragraph of the redline, with what happened to its mark. */
export interface TrackedParagraph {
  kind: ParagraphKind;
  depth: number;
  runs: TrackedRun[];
  mark: ChangeKind;
  markStamp?: Stamp;
  /** For a moved article: the move's number, and whether this paragraph opens / closes its range. */
  move?: { id: number; first: boolean; last: boolean };
}

/** Inputs of `trackParagraphs` beyond the two paragraph lists. */
export interface TrackOptions {
  /** Who wrote the characters of the newer text (signs insertions). */
  to?: TextAuthorship;
  /** Who deleted the characters of the older text (signs deletions). */
  from?: TextAuthorship;
  /** The stamp of changes nobody is known to have made (numbers, base-text comparisons). */
  fallback: Stamp;
  /** Article pairs (older article id, newer article id) beyond equal ids. */
  articlePairs?: [string, string][];
  /** Word-diff bound: past this many edits a paragraph is replaced whole (default 4000). */
  maxEditLength?: number;
}

interface Unit { article: string | null; paragraphs: TreatyParagraph[] }

function units(paragraphs: TreatyParagraph[]): Unit[] {
  const out: Unit[] = [];
  for (const p of paragraphs) {
    const last = out[out.length - 1];
    if (p.article != null && last && last.article === p.article) last.paragraphs.push(p);
    else out.push({ article: p.article, paragraphs: [p] });
  }
  return out;
}

/** One step of an alignment: a pair (possibly moved), an older item alone, or a newer one alone. */
interface Step { from?: number; to?: number; moved?: boolean }

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size && !y.size) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(x.size, y.size);
}

/** Longest increasing subsequence of `values` (indices into it). */
function increasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (values[tails[mid]] < values[i]) lo = mid + 1; else hi = mid; }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

/**
 * Align two sequences: `given` pairs first, then equal `key`s (in order), then, between two pairs,
 * items for which `similar` holds. Pairs out of order are `moved` when `movable`, else split.
 */
function align<T>(a: T[], b: T[], given: [number, number][], key: (t: T) => string, similar: (x: T, y: T) => boolean, movable: (x: T) => boolean): Step[] {
  const pairedA = new Map<number, number>();
  const pairedB = new Set<number>();
  for (const [i, j] of given) if (!pairedA.has(i) && !pairedB.has(j)) { pairedA.set(i, j); pairedB.add(j); }
  const byKey = new Map<string, number[]>();
  b.forEach((t, j) => { if (!pairedB.has(j)) { const k = key(t); byKey.set(k, [...(byKey.get(k) ?? []), j]); } });
  a.forEach((t, i) => {
    if (pairedA.has(i)) return;
    const list = byKey.get(key(t));
    const j = list?.shift();
    if (j !== undefined) { pairedA.set(i, j); pairedB.add(j); }
  });
  const pairs = [...pairedA.entries()].sort((x, y) => x[1] - y[1]);
  const order = increasing(pairs.map((p) => p[0]));
  const anchors: [number, number][] = [];
  const moved = new Map<number, number>();
  pairs.forEach((p, k) => {
    if (order.has(k)) anchors.push(p);
    else if (movable(a[p[0]]) && movable(b[p[1]])) moved.set(p[1], p[0]);
  });
  const movedFrom = new Set(moved.values());
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [a.length, b.length] as [number, number]]) {
    const olds: number[] = [];
    for (; i < ai; i++) olds.push(i);
    const news: number[] = [];
    for (; j < bj; j++) news.push(j);
    const inGap = new Map<number, number>();
    let cursor = 0;
    for (const n of news) {
      if (moved.has(n)) continue;
      for (let k = cursor; k < olds.length; k++) {
        const o = olds[k];
        if (movedFrom.has(o) || inGap.has(o)) continue;
        if (similar(a[o], b[n])) { inGap.set(o, n); cursor = k + 1; break; }
      }
    }
    const gapPaired = new Set(inGap.values());
    for (const o of olds) if (!inGap.has(o)) steps.push(movedFrom.has(o) ? { from: o, moved: true } : { from: o });
    const back = new Map([...inGap].map(([o, n]) => [n, o]));
    for (const n of news) {
      if (moved.has(n)) steps.push({ from: moved.get(n)!, to: n, moved: true });
      else if (gapPaired.has(n)) steps.push({ from: back.get(n)!, to: n });
      else steps.push({ to: n });
    }
    if (ai < a.length) steps.push({ from: ai, to: bj });
    i = ai + 1;
    j = bj + 1;
  }
  return steps;
}

interface Signer { stamp(span: Span, start: number, end: number, side: 'from' | 'to'): Stamp }

/** The spans covering characters [start, end) of `spans`, cut to that range. */
function slice(spans: Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const s of spans) {
    const sEnd = at + s.text.length;
    if (sEnd > start && at < end) {
      const a = Math.max(start, at) - at;
      const b = Math.min(end, sEnd) - at;
      const source = s.source && 'block' in s.source ? { block: s.source.block, offset: s.source.offset + a } : s.source;
      out.push({ text: s.text.slice(a, b), style: s.style, source });
    }
    at = sEnd;
  }
  return out;
}

function runsOf(spans: Span[], change: ChangeKind, side: 'from' | 'to', signer: Signer): TrackedRun[] {
  return spans.filter((s) => s.text).map((s) => ({ text: s.text, style: s.style, change, ...(s.source ? { source: s.source } : {}), ...(change === 'same' ? {} : { stamp: signer.stamp(s, 0, s.text.length, side) }) }));
}

function markStamp(runs: TrackedRun[], fallback: Stamp): Stamp {
  let stamp: Stamp | undefined;
  for (const r of runs) if (r.stamp) stamp = laterStamp(stamp, r.stamp);
  return stamp ?? fallback;
}

function whole(p: TreatyParagraph, change: 'ins' | 'del' | 'moveFrom' | 'moveTo', signer: Signer, fallback: Stamp): TrackedParagraph {
  const runs = runsOf(p.spans, change, change === 'ins' || change === 'moveTo' ? 'to' : 'from', signer);
  return { kind: p.kind, depth: p.depth, runs, mark: change, markStamp: markStamp(runs, fallback) };
}

function diffParagraph(a: TreatyParagraph, b: TreatyParagraph, moveTo: boolean, signer: Signer, options: TrackOptions): TrackedParagraph {
  const from = paragraphText(a);
  const to = paragraphText(b);
  const same: ChangeKind = moveTo ? 'moveTo' : 'same';
  const runs: TrackedRun[] = [];
  const changes = from === to ? [{ value: to, added: false, removed: false }] : diffWordsWithSpace(from, to, { maxEditLength: options.maxEditLength ?? 4000 });
  if (!changes) {
    if (!moveTo) runs.push(...runsOf(a.spans, 'del', 'from', signer));
    runs.push(...runsOf(b.spans, moveTo ? 'moveTo' : 'ins', 'to', signer));
  } else {
    let oa = 0;
    let ob = 0;
    for (const c of changes) {
      const n = c.value.length;
      if (c.added) { runs.push(...runsOf(slice(b.spans, ob, ob + n), 'ins', 'to', signer)); ob += n; }
      else if (c.removed) { if (!moveTo) runs.push(...runsOf(slice(a.spans, oa, oa + n), 'del', 'from', signer)); oa += n; }
      else { runs.push(...runsOf(slice(b.spans, ob, ob + n), same, 'to', signer)); oa += n; ob += n; }
    }
  }
  // A replacement ending the paragraph is written insertion first, so no insertion touches the break (see separateAdjacent).
  let end = runs.length;
  while (end > 0 && runs[end - 1].change === 'ins') end--;
  let start = end;
  while (start > 0 && runs[start - 1].change === 'del') start--;
  if (end < runs.length && start < end) runs.splice(start, runs.length - start, ...runs.slice(end), ...runs.slice(start, end));
  if (moveTo) for (const r of runs) if (r.change === 'moveTo') r.stamp = options.fallback;
  return { kind: b.kind, depth: b.depth, runs, mark: same, ...(moveTo ? { markStamp: options.fallback } : {}) };
}

const paragraphKey = (p: TreatyParagraph) => `${p.kind}\u0000${paragraphText(p)}`;

function alignParagraphs(a: TreatyParagraph[], b: TreatyParagraph[], moveTo: boolean, signer: Signer, options: TrackOptions): TrackedParagraph[] {
  const given: [number, number][] = [];
  if (a.length && b.length && a[0].kind === 'article' && b[0].kind === 'article') given.push([0, 0]);
  const ids = new Map<string, number>();
  a.forEach((p, i) => { if (p.id) ids.set(`${p.kind}:${p.id}`, i); });
  b.forEach((p, j) => { const i = p.id ? ids.get(`${p.kind}:${p.id}`) : undefined; if (i !== undefined) given.push([i, j]); });
  const steps = align(a, b, given, paragraphKey, (x, y) => x.kind === y.kind && similarity(paragraphText(x), paragraphText(y)) >= 0.3, () => false);
  const out: TrackedParagraph[] = [];
  for (const s of steps) {
    if (s.from !== undefined && s.to !== undefined) out.push(diffParagraph(a[s.from], b[s.to], moveTo, signer, options));
    else if (s.to !== undefined) out.push(whole(b[s.to], moveTo ? 'moveTo' : 'ins', signer, options.fallback));
    else if (!moveTo) out.push(whole(a[s.from!], 'del', signer, options.fallback));
  }
  return out;
}

function signer(options: TrackOptions): Signer {
  return {
    stamp(span, start, end, side) {
      const who = side === 'to' ? options.to : options.from;
      const source = span.source;
      let stamp: Stamp | undefined;
      if (who && source) {
        if ('bracket' in source) stamp = who.bracket(source.bracket);
        else for (let k = start; k < end; k++) stamp = laterStamp(stamp, side === 'to' ? who.written(source.block, source.offset + k) : who.deleted(source.block, source.offset + k));
      }
      return stamp ?? options.fallback;
    },
  };
}

/**
 * LibreOffice merges a whole inserted (or deleted) paragraph into an insertion (deletion) that ends
 * the paragraph before it when both carry the same author and minute, swallowing the paragraph break
 * between them (Reject All then glues two paragraphs). Such a paragraph is signed one minute later,
 * which keeps the two changes apart; Word does not need it.
 */
function separateAdjacent(out: TrackedParagraph[]): void {
  for (let k = 1; k < out.length; k++) {
    const p = out[k];
    if (p.mark !== 'ins' && p.mark !== 'del') continue;
    const before = out[k - 1].runs[out[k - 1].runs.length - 1];
    if (!before || before.change !== p.mark || !before.stamp || !p.markStamp) continue;
    if (before.stamp.author !== p.markStamp.author || Math.floor(before.stamp.time / 60000) !== Math.floor(p.markStamp.time / 60000)) continue;
    if (out[k - 1].mark === p.mark) continue; // a whole paragraph after a whole paragraph: its break is changed too
    const later = { author: p.markStamp.author, time: p.markStamp.time + 60000 };
    p.markStamp = later;
    for (const r of p.runs) if (r.stamp && r.stamp.author === later.author && Math.floor(r.stamp.time / 60000) === Math.floor(before.stamp.time / 60000)) r.stamp = later;
  }
}

/** Merge the older and newer paragraphs into tracked paragraphs; see the module comment. */
export function trackParagraphs(from: TreatyParagraph[], to: TreatyParagraph[], options: TrackOptions): TrackedParagraph[] {
  const sign = signer(options);
  const a = units(from);
  const b = units(to);
  const given: [number, number][] = [];
  const articleIndex = (list: Unit[]) => new Map(list.map((u, i) => [u.article ?? '', i] as [string, number]).filter(([k]) => k !== ''));
  const ia = articleIndex(a);
  const ib = articleIndex(b);
  for (const [id, i] of ia) { const j = ib.get(id); if (j !== undefined) given.push([i, j]); }
  for (const [x, y] of options.articlePairs ?? []) { const i = ia.get(x); const j = ib.get(y); if (i !== undefined && j !== undefined) given.push([i, j]); }
  const unitKey = (u: Unit) => (u.article != null ? `article\u0000${u.paragraphs.map(paragraphText).join('\n')}` : paragraphKey(u.paragraphs[0]));
  const similar = (x: Unit, y: Unit) => x.article == null && y.article == null && x.paragraphs[0].kind === y.paragraphs[0].kind && similarity(paragraphText(x.paragraphs[0]), paragraphText(y.paragraphs[0])) >= 0.5;
  const steps = align(a, b, given, unitKey, similar, (u) => u.article != null);
  const out: TrackedParagraph[] = [];
  const moveIds = new Map<number, number>();
  for (const s of steps) if (s.moved && s.to !== undefined) moveIds.set(s.from!, moveIds.size + 1);
  const markMove = (list: TrackedParagraph[], id: number) => list.forEach((p, k) => { p.move = { id, first: k === 0, last: k === list.length - 1 }; });
  for (const s of steps) {
    if (s.moved && s.to === undefined) {
      const id = moveIds.get(s.from!)!;
      const list = a[s.from!].paragraphs.map((p) => whole(p, 'moveFrom', sign, options.fallback));
      for (const p of list) { for (const r of p.runs) r.stamp = options.fallback; p.markStamp = options.fallback; }
      markMove(list, id);
      out.push(...list);
    } else if (s.from !== undefined && s.to !== undefined) {
      const list = alignParagraphs(a[s.from].paragraphs, b[s.to].paragraphs, !!s.moved, sign, options);
      if (s.moved) markMove(list, moveIds.get(s.from)!);
      out.push(...list);
    } else if (s.to !== undefined) out.push(...b[s.to].paragraphs.map((p) => whole(p, 'ins', sign, options.fallback)));
    else out.push(...a[s.from!].paragraphs.map((p) => whole(p, 'del', sign, options.fallback)));
  }
  separateAdjacent(out);
  return out;
}

/** Article pairs (older id, newer id) of two treaty documents, from the redline's article alignment. */
export function articlePairs(from: Node, to: Node): [string, string][] {
  const a = documentUnits(from).articles;
  const b = documentUnits(to).articles;
  return alignArticles(a, b).map((p) => [a[p.from].id, b[p.to].id] as [string, string]);
}
