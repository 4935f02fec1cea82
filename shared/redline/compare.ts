/**
 * `compareDocuments`: the Redline of two treaty texts, whole document, article-aware. Every unit
 * of each side (parts and articles, side.ts) is aligned with its counterpart (align.ts), the units
 * are merged into one reading order (moved units at both places), then the lines of each aligned
 * unit are aligned, then the words of each aligned line are diffed (word-diff.ts). Word diffs only
 * ever run on a pair of lines, and each is bounded, which keeps the work small and predictable.
 */
import type { Node } from 'prosemirror-model';
import type {
  Change, Redline, RedlineArticle, RedlineBlock, RedlineBrackets, RedlineComments, RedlinePart, RedlineSide, RedlineStatus, RedlineStep, RedlineSummary,
} from './types.ts';
import { documentUnits, type DocumentUnits, type Owner, type Provision, type BracketUnit, type CommentUnit, type ArticleUnit, type PartUnit } from './units.ts';
import { alignArticles, alignParts, alignProvisions, mergeOrder, type AlignedPair } from './align.ts';
import { diffText } from './word-diff.ts';
import type { SideBlock } from './side.ts';

/** Options of `compareDocuments`: how to describe the two sides. */
export interface CompareOptions {
  from?: Partial<RedlineSide>;
  to?: Partial<RedlineSide>;
}

/** Word diff of two strings as `Change` runs (whitespace kept in the runs; see word-diff.ts). */
export function wordChanges(from: string, to: string): Change[] {
  return lineChanges(from, to, null, null);
}

/** `[start, end)` document positions of the real characters of `text[s, e)` of a line (empty range at its place when none). */
function rangeOf(block: SideBlock, s: number, e: number): [number, number] {
  let first = -1;
  let last = -1;
  let after = -1;
  let before = -1;
  for (const r of block.runs) {
    const lo = Math.max(s, r.offset);
    const hi = Math.min(e, r.offset + r.length);
    if (lo < hi) {
      if (first < 0) first = r.pos + lo - r.offset;
      last = r.pos + hi - r.offset;
    } else if (r.offset >= e) { if (after < 0) after = r.pos; }
    else if (r.length > 0) before = r.pos + r.length;
  }
  if (first >= 0) return [first, last];
  if (after >= 0) return [after, after];
  if (before >= 0) return [before, before];
  return [block.at, block.at];
}

/** The runs of a line pair; with the lines given, each run carries its document ranges. */
function lineChanges(from: string, to: string, a: SideBlock | null, b: SideBlock | null): Change[] {
  if (!from && !to) return [];
  if (!from) return [{ value: to, added: true, ...(b ? { toRange: rangeOf(b, 0, to.length) } : {}) }];
  if (!to) return [{ value: from, removed: true, ...(a ? { fromRange: rangeOf(a, 0, from.length) } : {}) }];
  if (from === to) return [{ value: to, ...(a ? { fromRange: rangeOf(a, 0, from.length) } : {}), ...(b ? { toRange: rangeOf(b, 0, to.length) } : {}) }];
  return diffText(from, to).map((s): Change => {
    const fromValue = from.slice(s.aStart, s.aEnd);
    const value = to.slice(s.bStart, s.bEnd);
    if (s.op === 'delete') return { value: fromValue, removed: true, ...(a ? { fromRange: rangeOf(a, s.aStart, s.aEnd) } : {}) };
    if (s.op === 'insert') return { value, added: true, ...(b ? { toRange: rangeOf(b, s.bStart, s.bEnd) } : {}) };
    return {
      value, ...(fromValue !== value ? { fromValue } : {}),
      ...(a ? { fromRange: rangeOf(a, s.aStart, s.aEnd) } : {}), ...(b ? { toRange: rangeOf(b, s.bStart, s.bEnd) } : {}),
    };
  });
}

const changed = (changes: Change[]) => changes.some((c) => c.added || c.removed);

function pairBlock(a: Provision | null, b: Provision | null, move?: 'from' | 'to'): RedlineBlock {
  const label = (b ?? a)!.label;
  const changes = lineChanges(a?.block.text ?? '', b?.block.text ?? '', a?.block ?? null, b?.block ?? null);
  const status: RedlineBlock['status'] = !a ? 'added' : !b ? 'removed' : changed(changes) ? 'modified' : 'unchanged';
  const continued = (b ?? a)!.block.continued;
  return {
    label, fromLabel: a?.label ?? null, toLabel: b?.label ?? null, fromId: a?.block.id ?? null, toId: b?.block.id ?? null,
    ...(continued ? { continued } : {}), ...(changes.some((c) => c.fromValue != null) ? { typography: true } : {}), ...(move ? { move } : {}),
    status, changes,
  };
}

function compareProvisions(from: Provision[], to: Provision[]): RedlineBlock[] {
  if (from.length === 0) return to.map((b) => pairBlock(null, b));
  if (to.length === 0) return from.map((a) => pairBlock(a, null));
  return mergeOrder(from.length, to.length, alignProvisions(from, to)).map((step) => {
    const a = step.from != null ? from[step.from] : null;
    const b = step.to != null ? to[step.to] : null;
    return pairBlock(a, b, step.movedFrom ? 'from' : step.moved ? 'to' : undefined);
  });
}

const emptyBrackets = (): RedlineBrackets => ({ opened: [], resolved: [], open: 0 });
const emptyComments = (): RedlineComments => ({ added: [], resolved: [] });
const publicBracket = ({ where: _where, ...bracket }: BracketUnit) => bracket;
const publicComment = ({ where: _where, ...comment }: CommentUnit) => comment;

/** Bracket and comment changes, grouped by the unit ("from:<seq>", "to:<seq>", "none") they sit in. */
function bracketAndCommentChanges(from: DocumentUnits, to: DocumentUnits) {
  const brackets = new Map<string, RedlineBrackets>();
  const comments = new Map<string, RedlineComments>();
  const slot = <T>(map: Map<string, T>, key: string, make: () => T) => { let v = map.get(key); if (!v) { v = make(); map.set(key, v); } return v; };
  const keyOf = (side: 'from' | 'to', where: Owner) => (where == null ? 'none' : `${side}:${where}`);
  for (const [id, b] of to.brackets) {
    const entry = slot(brackets, keyOf('to', b.where), emptyBrackets);
    entry.open++;
    if (!from.brackets.has(id)) entry.opened.push(publicBracket(b));
  }
  for (const [id, b] of from.brackets) {
    if (!to.brackets.has(id)) slot(brackets, keyOf('from', b.where), emptyBrackets).resolved.push(publicBracket(b));
  }
  for (const [id, c] of to.comments) {
    const before = from.comments.get(id);
    if (!before) slot(comments, keyOf('to', c.where), emptyComments).added.push(publicComment(c));
    else if (before.status !== 'resolved' && c.status === 'resolved') slot(comments, keyOf('to', c.where), emptyComments).resolved.push(publicComment(c));
  }
  for (const [id, c] of from.comments) {
    if (!to.comments.has(id)) slot(comments, keyOf('from', c.where), emptyComments).resolved.push(publicComment(c));
  }
  return { brackets, comments };
}

function mergeBrackets(...list: (RedlineBrackets | undefined)[]): RedlineBrackets {
  const out = emptyBrackets();
  for (const b of list) if (b) { out.opened.push(...b.opened); out.resolved.push(...b.resolved); out.open += b.open; }
  return out;
}

function mergeComments(...list: (RedlineComments | undefined)[]): RedlineComments {
  const out = emptyComments();
  for (const c of list) if (c) { out.added.push(...c.added); out.resolved.push(...c.resolved); }
  return out;
}

/** Weight of a unit in the in-order run: articles and the fixed parts outweigh headings and loose text. */
function unitWeight(kind: string): number {
  return kind === 'article' || kind === 'title' || kind === 'preamble' || kind === 'closing' ? 100 : kind === 'division' ? 10 : 1;
}

/** Compare two treaty documents, whole document and article by article; see the module comment. */
export function compareDocuments(fromDoc: Node, toDoc: Node, options: CompareOptions = {}): Redline {
  const from = documentUnits(fromDoc);
  const to = documentUnits(toDoc);
  const { brackets, comments } = bracketAndCommentChanges(from, to);
  const bracketsOf = (a: number | null, b: number | null) => mergeBrackets(a != null ? brackets.get(`from:${a}`) : undefined, b != null ? brackets.get(`to:${b}`) : undefined);
  const commentsOf = (a: number | null, b: number | null) => mergeComments(a != null ? comments.get(`from:${a}`) : undefined, b != null ? comments.get(`to:${b}`) : undefined);

  // One alignment over the whole sequence of units: article pairs and part pairs, by sequence index.
  const articlePairs = alignArticles(from.articles, to.articles);
  const partPairs = alignParts(from.parts, to.parts);
  const seqPairs: (AlignedPair & { unit: 'article' | 'part' })[] = [
    ...articlePairs.map((p) => ({ ...p, from: from.articles[p.from].seq, to: to.articles[p.to].seq, unit: 'article' as const })),
    ...partPairs.map((p) => ({ ...p, from: from.parts[p.from].seq, to: to.parts[p.to].seq, unit: 'part' as const })),
  ];
  const pairByTo = new Map(seqPairs.map((p) => [p.to, p]));
  const steps = mergeOrder(from.sequence.length, to.sequence.length, seqPairs, (p) => unitWeight(from.sequence[p.from].type === 'article' ? 'article' : (from.sequence[p.from].unit as PartUnit).kind));

  const parts: RedlinePart[] = [];
  const articles: RedlineArticle[] = [];
  const entryOf = new Map<string, RedlineStep>();
  const usedKeys = new Map<string, number>();
  const uniqueKey = (key: string) => { const n = (usedKeys.get(key) ?? 0) + 1; usedKeys.set(key, n); return n === 1 ? key : `${key}~${n}`; };
  const kindCount = new Map<string, number>();

  const makeArticle = (a: ArticleUnit | null, b: ArticleUnit | null, moved: boolean): RedlineArticle => {
    const key = uniqueKey(`art-${a?.number ?? ''}-${b?.number ?? ''}`);
    const base = {
      key, fromId: a?.id ?? null, toId: b?.id ?? null, fromNumber: a?.number ?? null, toNumber: b?.number ?? null,
      fromHeading: a?.heading ?? null, toHeading: b?.heading ?? null, path: (b ?? a)!.path, fromPath: a?.path ?? null,
      brackets: bracketsOf(a?.seq ?? null, b?.seq ?? null), comments: commentsOf(a?.seq ?? null, b?.seq ?? null),
    };
    const heading = lineChanges(a?.headingBlock.text ?? '', b?.headingBlock.text ?? '', a?.headingBlock ?? null, b?.headingBlock ?? null);
    const blocks = compareProvisions(a?.provisions ?? [], b?.provisions ?? []);
    if (a && b) {
      const pair = pairByTo.get(b.seq)!;
      const textChanged = changed(heading) || blocks.some((x) => x.status !== 'unchanged' || x.move);
      const status: RedlineStatus = moved ? 'moved' : textChanged ? 'modified' : 'unchanged';
      return { ...base, status, renumbered: a.number !== b.number, textChanged, matchedBy: pair.rule, similarity: Math.round(pair.similarity * 1000) / 1000, heading, blocks };
    }
    return { ...base, status: b ? 'added' : 'removed', heading, blocks };
  };

  const makePart = (a: PartUnit | null, b: PartUnit | null, moved: boolean): RedlinePart => {
    const unit = (b ?? a)!;
    const n = (kindCount.get(unit.kind) ?? 0) + 1;
    kindCount.set(unit.kind, n);
    const single = unit.kind === 'title' || unit.kind === 'preamble' || unit.kind === 'closing';
    const key = uniqueKey(single ? unit.kind : `${unit.kind}-${n}`);
    const blocks = compareProvisions(a?.provisions ?? [], b?.provisions ?? []);
    const status: RedlineStatus = !a ? 'added' : !b ? 'removed' : moved ? 'moved' : blocks.some((x) => x.status !== 'unchanged' || x.move) ? 'modified' : 'unchanged';
    return {
      key, kind: unit.kind, fromId: a?.id ?? null, toId: b?.id ?? null, ...(unit.division ? { division: unit.division } : {}),
      path: unit.path, status, blocks, brackets: bracketsOf(a?.seq ?? null, b?.seq ?? null), comments: commentsOf(a?.seq ?? null, b?.seq ?? null),
    };
  };

  // First the units in reading order of the newer text (removed ones where they stood), then the sequence.
  const pairKey = (i: number | null, j: number | null) => `${i}:${j}`;
  for (const step of steps) {
    if (step.movedFrom) continue;
    const a = step.from != null ? from.sequence[step.from] : null;
    const b = step.to != null ? to.sequence[step.to] : null;
    const type = (b ?? a)!.type;
    if (type === 'article') {
      articles.push(makeArticle(a?.unit as ArticleUnit ?? null, b?.unit as ArticleUnit ?? null, step.moved));
      entryOf.set(pairKey(step.from, step.to), { type: 'article', index: articles.length - 1 });
    } else {
      parts.push(makePart(a?.unit as PartUnit ?? null, b?.unit as PartUnit ?? null, step.moved));
      entryOf.set(pairKey(step.from, step.to), { type: 'part', index: parts.length - 1 });
    }
  }
  const sequence: RedlineStep[] = steps.map((step) => {
    const entry = entryOf.get(pairKey(step.from, step.to))!;
    return step.movedFrom ? { type: 'moved-from', of: entry.type as 'part' | 'article', index: entry.index } : entry;
  });

  const summary: RedlineSummary = {
    added: 0, removed: 0, modified: 0, moved: 0, unchanged: 0, renumbered: 0, parts: { added: 0, removed: 0, modified: 0, moved: 0, unchanged: 0 },
    bracketsOpened: 0, bracketsResolved: 0, bracketsOpen: to.brackets.size, commentsAdded: 0, commentsResolved: 0, wordsAdded: 0, wordsRemoved: 0,
  };
  for (const article of articles) {
    summary[article.status]++;
    if (article.renumbered) summary.renumbered++;
  }
  for (const part of parts) summary.parts[part.status]++;
  const countWords = (changes: Change[]) => {
    for (const c of changes) {
      const n = c.value.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
      if (c.added) summary.wordsAdded += n; else if (c.removed) summary.wordsRemoved += n;
    }
  };
  for (const unit of [...articles, ...parts]) {
    summary.bracketsOpened += unit.brackets.opened.length;
    summary.bracketsResolved += unit.brackets.resolved.length;
    summary.commentsAdded += unit.comments.added.length;
    summary.commentsResolved += unit.comments.resolved.length;
    for (const block of unit.blocks) if (block.move !== 'from') countWords(block.changes);
  }
  for (const article of articles) countWords(article.heading);
  // Brackets and comments not located in any unit still count.
  summary.bracketsOpened += brackets.get('none')?.opened.length ?? 0;
  summary.bracketsResolved += brackets.get('none')?.resolved.length ?? 0;
  summary.commentsAdded += comments.get('none')?.added.length ?? 0;
  summary.commentsResolved += comments.get('none')?.resolved.length ?? 0;

  const side = (given: Partial<RedlineSide> | undefined, units: DocumentUnits, fallback: string): RedlineSide => ({
    ref: given?.ref ?? fallback, label: given?.label ?? fallback, title: given?.title ?? units.title, at: given?.at ?? null,
    symbol: given?.symbol ?? units.symbol, date: given?.date ?? units.date,
  });
  return { from: side(options.from, from, 'from'), to: side(options.to, to, 'to'), summary, parts, articles, sequence };
}
