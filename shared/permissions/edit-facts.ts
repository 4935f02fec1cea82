/**
 * The facts the edit rules compare, read from a treaty document in one walk: its agreed text,
 * every inline bracket, block bracket, option, alternatives node, comment and comment anchor with
 * what it says and where it sits, every id, and every article's status.
 *
 * **Agreed text** is what lies outside every proposal: characters outside every insert-kind
 * bracket mark, in blocks outside every insert-kind block bracket and every sponsored option.
 * Words inside a `delete`-kind bracket (mark or block) still count as agreed: they stay until the
 * chair resolves. An option without sponsors holds existing wording (option 1 of a proposed
 * alternative), so its content counts as agreed too; the `alternatives` and `option` wrappers
 * themselves are transparent. The agreed text is a sequence of tokens: one per agreed block
 * (its type and attributes other than bracket, sponsors and status), and one per agreed text block
 * holding its agreed characters with their em/strong formatting and footnotes.
 *
 * **Places** are stated against agreed text, which delegations cannot change: an inline
 * bracket sits in a text block (its key) between two agreed-character offsets; a block bracket
 * or alternatives node sits in a parent (its key) after a given agreed sibling. A block's key is
 * its type and `id`, or for id-less blocks its parent's key and index.
 */
import type { Mark, Node } from 'prosemirror-model';

/** Normalise a `sponsors` attribute (array, comma/space-separated string, or null) to delegation codes. */
export function sponsorList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((s) => s !== '');
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter((s) => s !== '');
  return [];
}

/** One inline bracket (all text carrying a bracket mark with that id). */
export interface InlineBracketFact {
  id: string;
  sponsors: string[];
  kind: string;
  group: string | null;
  /** Key of the text block of its first run. */
  block: string;
  /** Agreed-character offsets in that block at its start and end. */
  start: number;
  end: number;
  /** Its words: covered text with em/strong, footnotes and the ids of nested brackets. */
  words: string;
  /** Number of separate runs (more than one means two marks share the id). */
  runs: number;
  /** False when runs of the same id carry different attributes. */
  consistent: boolean;
  /** Whether the id was made up because the mark has none. */
  anonymous: boolean;
  attrsKey: string;
  lastBlock: string;
  lastEnd: number;
  lastPrefix: string | null;
}

/** One block bracket (the `bracket` attribute of a block). */
export interface BlockBracketFact {
  id: string;
  sponsors: string[];
  kind: 'insert' | 'delete';
  /** Key of the bracketed block. */
  node: string;
  /** Parent key and previous agreed sibling: where the block sits. */
  place: string;
  /** The block's content and attributes (sponsors left out). */
  words: string;
}

/** One option of an alternatives node. */
export interface OptionFact {
  id: string;
  sponsors: string[];
  label: string | null;
  alternatives: string | null;
  words: string;
  empty: boolean;
  /** The agreed text it holds (an unsponsored option's existing wording), as joined tokens. */
  agreed: string;
}

/** One alternatives node. */
export interface AlternativesFact {
  id: string;
  options: string[];
  place: string;
}

/** One comment. */
export interface CommentFact {
  id: string;
  delegation: string | null;
  /** The `author` attribute (the writer's account name), as stored. */
  author: unknown;
  /** The `createdAt` attribute (when it was written), as stored. */
  createdAt: unknown;
  /** Every attribute and the text. */
  words: string;
}

/** One run of text anchored to a comment, in agreed-character offsets of its text block. */
export interface AnchorFact {
  comment: string;
  block: string;
  start: number;
  end: number;
}

/** One article: its status and node. */
export interface ArticleFact {
  id: string;
  status: string;
  node: Node;
}

/** Everything the edit rules compare about one document. */
export interface EditFacts {
  agreed: string[];
  /** Agreed characters of each text block by key, an inline atom as U+FFFC (for mapping offsets across agreed-text edits). */
  agreedByBlock: Map<string, string>;
  inline: Map<string, InlineBracketFact>;
  blocks: Map<string, BlockBracketFact>;
  options: Map<string, OptionFact>;
  alternatives: Map<string, AlternativesFact>;
  comments: Map<string, CommentFact>;
  anchors: AnchorFact[];
  /** How many elements, block brackets and inline brackets carry each id. */
  ids: Map<string, number>;
  articles: Map<string, ArticleFact>;
}

/** Attributes that say who proposes or how far a text is agreed, not what it says. */
const PROPOSAL_ATTRS = new Set(['bracket', 'sponsors', 'bracketKind', 'status']);

const cache = new WeakMap<Node, EditFacts>();
const childCache = new WeakMap<Node, { facts: EditFacts; last: string }>();
/** Stands for the previous agreed sibling of a top-level block until the document is assembled. */
const BEFORE_CHILD = '\u0000';

function emptyFacts(): EditFacts {
  return {
    agreed: [], agreedByBlock: new Map(), inline: new Map(), blocks: new Map(), options: new Map(),
    alternatives: new Map(), comments: new Map(), anchors: [], ids: new Map(), articles: new Map(),
  };
}

/**
 * The facts of `doc` (computed once per document node). Each top-level block's facts are
 * computed once per block node and reused: an edit in one article re-reads only that article,
 * since ProseMirror shares every untouched subtree between the documents before and after. With
 * `like` (the document before an edit, decoded separately as on the server), top-level blocks
 * equal to `like`'s at the same place in the common prefix or suffix reuse `like`'s facts.
 */
export function editFacts(doc: Node, like?: Node): EditFacts {
  let facts = cache.get(doc);
  if (!facts) {
    facts = emptyFacts();
    const hints = like ? equalChildren(doc, like) : null;
    let prev = '';
    doc.forEach((child, _offset, index) => {
      const part = childFacts(child, index, hints?.get(index) ?? null);
      merge(facts!, part.facts, prev);
      if (part.last !== BEFORE_CHILD) prev = part.last;
    });
    cache.set(doc, facts);
  }
  return facts;
}

/** The children of `like` equal to children of `doc` in their common prefix and suffix, by `doc` index. */
function equalChildren(doc: Node, like: Node): Map<number, { node: Node; sameIndex: boolean }> {
  const out = new Map<number, { node: Node; sameIndex: boolean }>();
  const n = doc.childCount;
  const m = like.childCount;
  let i = 0;
  while (i < n && i < m && (doc.child(i) === like.child(i) || doc.child(i).eq(like.child(i)))) out.set(i, { node: like.child(i), sameIndex: true }), i++;
  for (let j = 1; n - j >= i && m - j >= i; j++) {
    const a = doc.child(n - j);
    const b = like.child(m - j);
    if (a !== b && !a.eq(b)) break;
    out.set(n - j, { node: b, sameIndex: n === m });
  }
  return out;
}

/** Whether the facts of top-level block `child` do not depend on its index (its key is its id or its type). */
function placeFree(child: Node): boolean {
  const name = child.type.name;
  return (child.attrs.id != null && name !== 'comment') || name === 'docinfo' || name === 'title' || name === 'comments';
}

/** The facts of top-level block `child` at `index`, reusing those of an equal block `hint` when it has them. */
function childFacts(child: Node, index: number, hint: { node: Node; sameIndex: boolean } | null): { facts: EditFacts; last: string } {
  const cached = childCache.get(child);
  if (cached) return cached;
  const free = placeFree(child);
  const known = hint && (free || hint.sameIndex) ? childCache.get(hint.node) : undefined;
  if (known) {
    if (free) childCache.set(child, known);
    return known;
  }
  const facts = emptyFacts();
  const tracker = { prev: BEFORE_CHILD };
  walkBlock(child, keyOf(child, 'doc', index), 'doc', true, facts, tracker);
  const part = { facts, last: tracker.prev };
  if (free) childCache.set(child, part);
  return part;
}

/** Add `part` (one top-level block's facts, never mutated) to `into`; `prev` is the agreed block before it. */
function merge(into: EditFacts, part: EditFacts, prev: string): void {
  const unplaced = `doc|${BEFORE_CHILD}`;
  for (const token of part.agreed) into.agreed.push(token);
  for (const [key, text] of part.agreedByBlock) into.agreedByBlock.set(key, text);
  for (const [id, fact] of part.inline) {
    const known = into.inline.get(id);
    into.inline.set(id, known ? {
      ...known, runs: known.runs + fact.runs, words: `${known.words}\u0005${fact.words}`,
      consistent: known.consistent && fact.consistent && known.attrsKey === fact.attrsKey,
    } : fact);
  }
  for (const [id, fact] of part.blocks) into.blocks.set(id, fact.place === unplaced ? { ...fact, place: `doc|${prev}` } : fact);
  for (const [id, fact] of part.alternatives) into.alternatives.set(id, fact.place === unplaced ? { ...fact, place: `doc|${prev}` } : fact);
  for (const [id, fact] of part.options) into.options.set(id, fact);
  for (const [id, fact] of part.comments) into.comments.set(id, fact);
  for (const [id, fact] of part.articles) into.articles.set(id, fact);
  for (const run of part.anchors) into.anchors.push(run);
  for (const [id, count] of part.ids) into.ids.set(id, (into.ids.get(id) ?? 0) + count);
}

const attrNames = new WeakMap<object, Map<ReadonlySet<string>, string[]>>();

/** Names of the attributes of `node`'s type, in schema order, without `drop` (cached per type). */
function namesOf(node: Node, drop: ReadonlySet<string>): string[] {
  let perType = attrNames.get(node.type);
  if (!perType) attrNames.set(node.type, (perType = new Map()));
  let names = perType.get(drop);
  if (!names) perType.set(drop, (names = Object.keys(node.type.spec.attrs ?? {}).filter((name) => !drop.has(name))));
  return names;
}

/** A node's attributes other than proposal attributes (or `drop`), as a stable string. */
function attrsSig(node: Node, drop: ReadonlySet<string> = PROPOSAL_ATTRS): string {
  let out = '';
  for (const name of namesOf(node, drop)) {
    const value = node.attrs[name];
    if (value === null || value === undefined) continue;
    out += ` ${name}=${JSON.stringify(value)}`;
  }
  return out;
}

const SPONSORS_ONLY = new Set(['sponsors']);
const NOTHING = new Set<string>();
const wordsCache = new WeakMap<Node, string>();
const fullCache = new WeakMap<Node, string>();

/**
 * What a node says: its type, attributes (without any sponsors, unless `withSponsors`) and
 * content, with marks but without comment anchors; text split only by anchors reads the same.
 * Sponsors of nested brackets and options are theirs to change, so by default they are left out.
 */
export function nodeWords(node: Node, withSponsors = false): string {
  const cache = withSponsors ? fullCache : wordsCache;
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  let out = `<${node.type.name}${attrsSig(node, withSponsors ? NOTHING : SPONSORS_ONLY)}>`;
  if (node.inlineContent) {
    let prefix = '';
    node.forEach((child) => {
      const marks = marksSig(child.marks, undefined, withSponsors);
      if (marks !== prefix) { out += `\u0002${marks}\u0003`; prefix = marks; }
      out += child.isText ? child.text : `<${child.type.name}${attrsSig(child, NOTHING)}>`;
    });
  } else node.forEach((child) => { out += nodeWords(child, withSponsors); });
  out += '>';
  cache.set(node, out);
  return out;
}

/** Marks other than anchors (and other than `except`), as a stable string: em, strong, bracket ids and kinds (sorted). */
function marksSig(marks: readonly Mark[], except?: Mark, withSponsors = false): string {
  let out = '';
  let brackets: string[] | null = null;
  for (const mark of marks) {
    if (mark === except || mark.type.name === 'anchor') continue;
    if (mark.type.name !== 'bracket') out += `{${mark.type.name}}`;
    else (brackets ??= []).push(withSponsors ? `{b:${JSON.stringify(mark.attrs)}}` : `{b:${mark.attrs.id}:${mark.attrs.kind}}`);
  }
  // Overlapping bracket marks come in the order they were added; what matters is which ones.
  return brackets ? out + brackets.sort().join('') : out;
}

/** em/strong of an inline node, as a stable string. */
function formatSig(marks: readonly Mark[]): string {
  let out = '';
  for (const mark of marks) if (mark.type.name !== 'bracket' && mark.type.name !== 'anchor') out += `{${mark.type.name}}`;
  return out;
}

/** The key identifying block `node`, child `index` of the block keyed `parentKey`. */
function keyOf(node: Node, parentKey: string, index: number): string {
  const id = node.attrs.id;
  if (id !== null && id !== undefined && node.type.name !== 'comment') return `${node.type.name}#${id}`;
  if (node.type.name === 'title' || node.type.name === 'docinfo') return node.type.name;
  return `${parentKey}>${node.type.name}@${index}`;
}

function countId(facts: EditFacts, id: unknown): void {
  if (id === null || id === undefined) return;
  const key = String(id);
  facts.ids.set(key, (facts.ids.get(key) ?? 0) + 1);
}

/** The last agreed sibling seen in a parent (alternatives and options share their parent's). */
interface Tracker {
  prev: string;
}

function walkChildren(parent: Node, parentKey: string, agreed: boolean, facts: EditFacts, tracker: Tracker): void {
  parent.forEach((child, _offset, index) => walkBlock(child, keyOf(child, parentKey, index), parentKey, agreed, facts, tracker));
}

function walkBlock(node: Node, key: string, parentKey: string, agreed: boolean, facts: EditFacts, tracker: Tracker): void {
  const name = node.type.name;
  if (name === 'comments') {
    node.forEach((comment) => walkComment(comment, facts));
    return;
  }
  countId(facts, node.attrs.id);
  if (name === 'article') {
    const id = node.attrs.id != null ? String(node.attrs.id) : key;
    facts.articles.set(id, { id, status: String(node.attrs.status ?? 'open'), node });
  }
  const place = `${parentKey}|${tracker.prev}`;
  let inside = agreed;
  if (node.attrs.bracket != null) {
    const id = String(node.attrs.bracket);
    countId(facts, id);
    const kind = node.attrs.bracketKind === 'delete' ? 'delete' : 'insert';
    facts.blocks.set(id, { id, sponsors: sponsorList(node.attrs.sponsors), kind, node: key, place, words: nodeWords(node) });
    if (kind === 'insert') inside = false;
  }
  if (name === 'alternatives') {
    const options: string[] = [];
    node.forEach((option) => options.push(String(option.attrs.id ?? '')));
    const id = node.attrs.id != null ? String(node.attrs.id) : key;
    facts.alternatives.set(id, { id, options, place });
    // Transparent: options sit in the alternatives' parent, after the same agreed sibling.
    node.forEach((option, _o, index) => {
      const optionKey = keyOf(option, key, index);
      countId(facts, option.attrs.id);
      const sponsors = sponsorList(option.attrs.sponsors);
      const optionId = option.attrs.id != null ? String(option.attrs.id) : optionKey;
      const start = facts.agreed.length;
      walkChildren(option, parentKey, inside && sponsors.length === 0, facts, tracker);
      facts.options.set(optionId, {
        id: optionId, sponsors, label: option.attrs.label ?? null, alternatives: id,
        words: nodeWords(option), empty: option.childCount === 0, agreed: facts.agreed.slice(start).join('\u0001'),
      });
    });
    return;
  }
  if (node.isTextblock) {
    walkTextblock(node, key, inside, facts);
    if (inside) tracker.prev = key;
    return;
  }
  if (inside) facts.agreed.push(`<${name}${attrsSig(node)}`);
  walkChildren(node, key, inside, facts, { prev: '' });
  if (inside) {
    facts.agreed.push(`</${name}>`);
    tracker.prev = key;
  }
}

function walkComment(comment: Node, facts: EditFacts): void {
  const id = comment.attrs.id != null ? String(comment.attrs.id) : `comment@${facts.comments.size}`;
  countId(facts, comment.attrs.id);
  comment.descendants((node) => {
    if (!node.isInline) countId(facts, node.attrs.id);
    if (node.isInline) for (const mark of node.marks) if (mark.type.name === 'bracket') countId(facts, mark.attrs.id);
    return true;
  });
  facts.comments.set(id, {
    id, delegation: comment.attrs.delegation ?? null, author: comment.attrs.author ?? null, createdAt: comment.attrs.createdAt ?? null,
    words: JSON.stringify(comment.toJSON()),
  });
}

function walkTextblock(block: Node, key: string, agreed: boolean, facts: EditFacts): void {
  let offset = 0;
  let text = '';
  let plain = '';
  let format = '';
  block.forEach((child, contentOffset) => {
    let insert = false;
    for (const mark of child.marks) if (mark.type.name === 'bracket' && mark.attrs.kind !== 'delete') insert = true;
    const countsAgreed = agreed && !insert;
    const size = child.isText ? child.text!.length : child.nodeSize;
    const end = offset + (countsAgreed ? size : 0);
    const childEnd = contentOffset + child.nodeSize;
    for (const mark of child.marks) {
      if (mark.type.name === 'bracket') inlineRun(facts, mark, child, key, offset, end, contentOffset, childEnd);
      else if (mark.type.name === 'anchor') anchorRun(facts, String(mark.attrs.comment ?? ''), key, offset, end);
    }
    if (!child.isText) countId(facts, child.attrs.id);
    if (countsAgreed) {
      const f = formatSig(child.marks);
      if (f !== format) { text += `\u0002${f}\u0003`; format = f; }
      text += child.isText ? child.text : `\u0004${child.type.name}${attrsSig(child)}\u0004`;
      plain += child.isText ? child.text : '\ufffc';
    }
    offset = end;
  });
  if (agreed) {
    facts.agreed.push(`<${block.type.name}${attrsSig(block)}>${text}`);
    facts.agreedByBlock.set(key, plain);
  }
}

function inlineRun(facts: EditFacts, mark: Mark, child: Node, block: string, start: number, end: number, from: number, to: number): void {
  const anonymous = mark.attrs.id === null || mark.attrs.id === undefined;
  const id = anonymous ? `@${block}@${from}` : String(mark.attrs.id);
  const attrsKey = JSON.stringify(mark.attrs);
  const prefix = marksSig(child.marks, mark);
  const words = child.isText ? child.text! : `<${child.type.name}${attrsSig(child, NOTHING)}>`;
  const fact = facts.inline.get(id);
  if (!fact) {
    countId(facts, anonymous ? null : id);
    facts.inline.set(id, {
      id, sponsors: sponsorList(mark.attrs.sponsors), kind: String(mark.attrs.kind ?? 'insert'), group: mark.attrs.group ?? null,
      block, start, end, words: prefix + words, runs: 1, consistent: true, anonymous, attrsKey,
      lastBlock: block, lastEnd: to, lastPrefix: prefix,
    });
    return;
  }
  const split = fact.lastBlock !== block || fact.lastEnd !== from;
  if (split) fact.runs++;
  if (fact.attrsKey !== attrsKey) fact.consistent = false;
  fact.words += (split ? '\u0005' : '') + (prefix === fact.lastPrefix && !split ? '' : prefix) + words;
  fact.lastPrefix = prefix;
  fact.lastBlock = block;
  fact.lastEnd = to;
  if (fact.block === block) fact.end = end;
}

/**
 * Record that text of `block` between agreed offsets `start` and `end` is anchored to `comment`.
 * Runs meeting in agreed offsets merge, so proposal text typed inside an anchored stretch (which
 * counts no agreed characters) does not change the anchor.
 */
function anchorRun(facts: EditFacts, comment: string, block: string, start: number, end: number): void {
  for (let i = facts.anchors.length - 1; i >= 0 && facts.anchors[i].block === block; i--) {
    const run = facts.anchors[i];
    if (run.comment === comment && run.end === start) {
      run.end = end;
      return;
    }
  }
  facts.anchors.push({ comment, block, start, end });
}
