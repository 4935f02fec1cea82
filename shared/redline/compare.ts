/**
 * `compareDocuments`: the article-aware Redline of two treaty texts. Articles are aligned (see
 * align.ts), then the provisions of each aligned article, then the words of each aligned provision
 * with jsdiff's `diffWords`. Word diffs therefore only ever run on a pair of provisions, never on
 * the whole text, which keeps the work small and the result readable.
 */
import type { Node } from 'prosemirror-model';
import { diffWords } from 'diff';
import type {
  Change, Redline, RedlineArticle, RedlineBlock, RedlineBrackets, RedlineComments, RedlinePart, RedlineSide, RedlineStatus, RedlineSummary,
} from './types.ts';
import { documentUnits, type DocumentUnits, type Owner, type Provision, type BracketUnit, type CommentUnit } from './units.ts';
import { alignArticles, alignProvisions, mergeOrder } from './align.ts';

/** Options of `compareDocuments`: how to describe the two sides. */
export interface CompareOptions {
  from?: Partial<RedlineSide>;
  to?: Partial<RedlineSide>;
}

/** Word diff of two strings as plain `Change` objects (jsdiff's, without its `count`). */
export function wordChanges(from: string, to: string): Change[] {
  if (from === to) return from ? [{ value: from }] : [];
  if (!from) return [{ value: to, added: true }];
  if (!to) return [{ value: from, removed: true }];
  return diffWords(from, to).map((c) => (c.added ? { value: c.value, added: true } : c.removed ? { value: c.value, removed: true } : { value: c.value }));
}

function compareProvisions(from: Provision[], to: Provision[]): RedlineBlock[] {
  const pairs = alignProvisions(from, to);
  return mergeOrder(from.length, to.length, pairs).map((step): RedlineBlock => {
    const a = step.from != null ? from[step.from] : null;
    const b = step.to != null ? to[step.to] : null;
    const label = (b ?? a)!.label;
    if (a && b) {
      const same = a.text === b.text;
      return { label, fromLabel: a.label, toLabel: b.label, fromId: a.id, toId: b.id, status: same ? 'unchanged' : 'modified', changes: wordChanges(a.text, b.text) };
    }
    if (b) return { label, fromLabel: null, toLabel: b.label, fromId: null, toId: b.id, status: 'added', changes: wordChanges('', b.text) };
    return { label, fromLabel: a!.label, toLabel: null, fromId: a!.id, toId: null, status: 'removed', changes: wordChanges(a!.text, '') };
  });
}

const emptyBrackets = (): RedlineBrackets => ({ opened: [], resolved: [], open: 0 });
const emptyComments = (): RedlineComments => ({ added: [], resolved: [] });
const publicBracket = ({ where: _where, ...bracket }: BracketUnit) => bracket;
const publicComment = ({ where: _where, ...comment }: CommentUnit) => comment;

/** Bracket and comment changes, grouped by the article (key of the to/from index) or part they sit in. */
function bracketAndCommentChanges(from: DocumentUnits, to: DocumentUnits) {
  const brackets = new Map<string, RedlineBrackets>();
  const comments = new Map<string, RedlineComments>();
  const slot = <T>(map: Map<string, T>, key: string, make: () => T) => { let v = map.get(key); if (!v) { v = make(); map.set(key, v); } return v; };
  const keyOf = (side: 'from' | 'to', where: Owner) => (where == null ? 'none' : typeof where === 'number' ? `${side}:${where}` : where);
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

function blocksStatus(blocks: RedlineBlock[]): 'modified' | 'unchanged' {
  return blocks.every((b) => b.status === 'unchanged') ? 'unchanged' : 'modified';
}

/** Compare two treaty documents article by article; see the module comment. */
export function compareDocuments(fromDoc: Node, toDoc: Node, options: CompareOptions = {}): Redline {
  const from = documentUnits(fromDoc);
  const to = documentUnits(toDoc);
  const { brackets, comments } = bracketAndCommentChanges(from, to);

  const parts: RedlinePart[] = [];
  for (const key of ['title', 'preamble', 'closing'] as const) {
    const a = from.parts.get(key);
    const b = to.parts.get(key);
    if (!a && !b) continue;
    const blocks = compareProvisions(a ?? [], b ?? []);
    const status: RedlinePart['status'] = !a ? 'added' : !b ? 'removed' : blocksStatus(blocks);
    parts.push({ key, kind: key, fromId: null, toId: null, path: [], status, blocks, brackets: mergeBrackets(brackets.get(key)), comments: mergeComments(comments.get(key)) });
  }

  const pairs = alignArticles(from.articles, to.articles);
  const pairByTo = new Map(pairs.map((p) => [p.to, p]));
  const articles = mergeOrder(from.articles.length, to.articles.length, pairs).map((step): RedlineArticle => {
    const a = step.from != null ? from.articles[step.from] : null;
    const b = step.to != null ? to.articles[step.to] : null;
    const key = `art-${a?.number ?? ''}-${b?.number ?? ''}`;
    const articleBrackets = mergeBrackets(step.from != null ? brackets.get(`from:${step.from}`) : undefined, step.to != null ? brackets.get(`to:${step.to}`) : undefined);
    const articleComments = mergeComments(step.from != null ? comments.get(`from:${step.from}`) : undefined, step.to != null ? comments.get(`to:${step.to}`) : undefined);
    const base = { key, fromNumber: a?.number ?? null, toNumber: b?.number ?? null, fromHeading: a?.heading ?? null, toHeading: b?.heading ?? null, path: (b ?? a)!.path, fromPath: a?.path ?? null, fromId: a?.id ?? null, toId: b?.id ?? null, brackets: articleBrackets, comments: articleComments };
    if (a && b) {
      const pair = pairByTo.get(step.to!)!;
      const blocks = compareProvisions(a.provisions, b.provisions);
      const heading = wordChanges(a.heading, b.heading);
      const textChanged = a.heading !== b.heading || blocksStatus(blocks) === 'modified';
      const status: RedlineStatus = step.moved ? 'moved' : textChanged ? 'modified' : 'unchanged';
      return { ...base, status, renumbered: a.number !== b.number, textChanged, matchedBy: pair.rule, similarity: Math.round(pair.similarity * 1000) / 1000, heading, blocks };
    }
    if (b) return { ...base, status: 'added', heading: wordChanges('', b.heading), blocks: compareProvisions([], b.provisions) };
    return { ...base, status: 'removed', heading: wordChanges(a!.heading, ''), blocks: compareProvisions(a!.provisions, []) };
  });

  const summary: RedlineSummary = {
    added: 0, removed: 0, modified: 0, moved: 0, unchanged: 0, renumbered: 0, parts: { added: 0, removed: 0, modified: 0, moved: 0, unchanged: 0 },
    bracketsOpened: 0, bracketsResolved: 0, bracketsOpen: to.brackets.size, commentsAdded: 0, commentsResolved: 0, wordsAdded: 0, wordsRemoved: 0,
  };
  for (const article of articles) {
    summary[article.status]++;
    if (article.renumbered) summary.renumbered++;
  }
  for (const unit of [...articles, ...parts]) {
    summary.bracketsOpened += unit.brackets.opened.length;
    summary.bracketsResolved += unit.brackets.resolved.length;
    summary.commentsAdded += unit.comments.added.length;
    summary.commentsResolved += unit.comments.resolved.length;
    for (const block of unit.blocks) for (const c of block.changes) {
      const n = c.value.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
      if (c.added) summary.wordsAdded += n; else if (c.removed) summary.wordsRemoved += n;
    }
  }
  // Brackets and comments not located in any article or part still count.
  for (const key of ['none'] as const) {
    summary.bracketsOpened += brackets.get(key)?.opened.length ?? 0;
    summary.bracketsResolved += brackets.get(key)?.resolved.length ?? 0;
    summary.commentsAdded += comments.get(key)?.added.length ?? 0;
    summary.commentsResolved += comments.get(key)?.resolved.length ?? 0;
  }

  const side = (given: Partial<RedlineSide> | undefined, units: DocumentUnits, fallback: string): RedlineSide => ({
    ref: given?.ref ?? fallback, label: given?.label ?? fallback, title: given?.title ?? units.title, at: given?.at ?? null,
  });
  const sequence: Redline['sequence'] = [
    ...parts.filter((p) => p.kind !== 'closing').map((_, index) => ({ type: 'part' as const, index })),
    ...articles.map((_, index) => ({ type: 'article' as const, index })),
    ...parts.flatMap((p, index) => (p.kind === 'closing' ? [{ type: 'part' as const, index }] : [])),
  ];
  return { from: side(options.from, from, 'from'), to: side(options.to, to, 'to'), summary, parts, articles, sequence };
}
