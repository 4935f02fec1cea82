/**
 * Suggesting mode: a delegate's edit turned into its proposal form, in the negotiation's own
 * notation (docs/editor.md):
 * - typing in agreed text writes an insertion bracket (`bracket` mark, kind `insert`) sponsored by
 *   the delegation alone; typing next to one's own insertion bracket extends it;
 * - deleting agreed text (Backspace, Delete, cut, selection + Delete) proposes the deletion: the
 *   words get a `delete`-kind bracket sponsored by the delegation and stay in the text; deleting
 *   a whole paragraph or article proposes deleting that block (`block-deletion.ts`);
 * - typing over agreed words proposes a replacement: a `delete` bracket on the old words
 *   immediately followed by an `insert` bracket with the new words;
 * - inside one's own insertion bracket (or own bracketed block or option) the edit is made as
 *   typed: it is one's own proposal;
 * - pasted text is typing: pasted bracket marks are dropped and the text becomes the paster's
 *   proposal; pasted paragraphs are joined into one line of proposed words;
 * - inside a bracket or option the delegation does not sponsor alone, or in an article agreed ad
 *   referendum, the edit is refused with one plain sentence.
 * New blocks (Enter, a new paragraph or article) are bracketed by the structure commands
 * themselves, which mark their transactions as proposals (`markAsProposal`), as every proposal
 * command does; those pass unchanged. The chair and the secretariat edit directly.
 *
 * Pure: `shapeEdit` reads the state and the user's transaction and returns a new transaction;
 * the rule function (`refuseEdit`) then has the last word.
 */
import { Fragment, type Mark, type Node, type Slice } from 'prosemirror-model';
import { Mapping, ReplaceStep } from 'prosemirror-transform';
import { TextSelection, type EditorState, type Selection, type Transaction } from 'prosemirror-state';
import { newId } from '../model/ids.ts';
import { proposeBlockDeletions, wholeAgreedBlocks } from './block-deletion.ts';
import {
  blockContext, contextAt, bracketMarks, enclosingMark, soleSponsor, notYoursMessage, agreedArticleMessage, type Enclosing,
} from './context.ts';

/** Transaction meta key of edits already in proposal form (proposal and structure commands). */
export const PROPOSAL_META = 'plenipoProposal';

/** Mark `tr` as already in proposal form, so suggesting mode passes it unchanged. */
export function markAsProposal(tr: Transaction): Transaction {
  return tr.setMeta(PROPOSAL_META, true);
}

/** Who edits: `role` and `delegation` (as `Author` in shared/permissions). */
export interface Suggester {
  role: string;
  delegation: string;
}

/** Why an edit was stopped: `message` for the user (one plain sentence), `detail` for logs and tests. */
export interface SuggestRefusal {
  message: string;
  detail: string;
}

/** The shaped transaction, or the refusal. */
export type ShapeResult = { tr: Transaction; refusal?: undefined } | { tr?: undefined; refusal: SuggestRefusal };

/** Whether `author` edits agreed text directly (the chair and the secretariat hold the pen). */
export function holdsThePen(author: Suggester): boolean {
  return author.role === 'chair' || author.role === 'secretariat';
}

class Stop extends Error {
  constructor(readonly refusal: SuggestRefusal) {
    super(refusal.detail);
  }
}

const stop = (message: string, detail: string): never => {
  throw new Stop({ message, detail });
};

/** Every node of `fragment` without its bracket marks. */
function withoutBrackets(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => nodes.push(node.mark(node.marks.filter((m) => m.type.name !== 'bracket'))));
  return Fragment.fromArray(nodes);
}

/** Whether `slice` is inline content only (typing, an inline paste). */
function isInline(slice: Slice): boolean {
  let inline = slice.openStart === 0 && slice.openEnd === 0;
  slice.content.forEach((node) => { if (!node.isInline) inline = false; });
  return inline;
}

/** Whether `fragment` holds any inline node (text, footnote). */
function holdsInline(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (node.isInline) found = true;
    return !found;
  });
  return found;
}

/** The inline content of `slice`: as it is when it is inline, else its textblocks joined by spaces. */
function inlineContent(slice: Slice, doc: Node): Fragment {
  if (isInline(slice)) return slice.content;
  const nodes: Node[] = [];
  const visit = (fragment: Fragment) => fragment.forEach((node) => {
    if (node.isInline) nodes.push(node);
    else if (node.isTextblock) {
      if (nodes.length && node.childCount) nodes.push(doc.type.schema.text(' '));
      node.forEach((child) => nodes.push(child));
    } else visit(node.content);
  });
  visit(slice.content);
  return Fragment.fromArray(nodes);
}

/** The mark of bracket `id` as the document holds it (DOM re-reads lose its attributes), or null. */
function documentMark(doc: Node, id: string, near: number): Mark | null {
  const look = (node: Node): Mark | null => {
    let found: Mark | null = null;
    node.descendants((child) => {
      if (found) return false;
      found = child.marks.find((m) => m.type.name === 'bracket' && String(m.attrs.id) === id) ?? null;
      return !found;
    });
    return found;
  };
  const $near = doc.resolve(near);
  return look($near.parent) ?? look(doc);
}

/** `fragment` with each bracket mark whose id the document knows replaced by the document's own mark. */
function restoreBracketAttrs(fragment: Fragment, doc: Node, near: number): Fragment {
  const cache = new Map<string, Mark | null>();
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.map((mark) => {
      if (mark.type.name !== 'bracket' || mark.attrs.id == null) return mark;
      const id = String(mark.attrs.id);
      if (!cache.has(id)) cache.set(id, documentMark(doc, id, near));
      return cache.get(id) ?? mark;
    });
    nodes.push(node.mark(marks.reduce((set: readonly Mark[], m) => m.addToSet(set), [])));
  });
  return Fragment.fromArray(nodes);
}

interface Piece {
  from: number;
  to: number;
  action: 'real' | 'mark' | 'skip';
  /** The own insertion bracket the piece sits in (for a replacement typed over it). */
  own: Mark | null;
}

/** Outcome of a deletion: where the cursor goes, where new words of a replacement go, and the bracket they inherit. */
interface Deleted {
  cursor: number;
  insertAt: number;
  inherit: Mark | null;
}

function firstForeign(list: Enclosing[], delegation: string): Enclosing | null {
  return list.find((e) => !soleSponsor(e.sponsors, delegation)) ?? null;
}

/** An own `delete` bracket on the text right before `from` or right after `to`, to extend. */
function ownDeletionNear(doc: Node, from: number, to: number, delegation: string): Mark | null {
  const isOwnDelete = (m: Mark) => m.attrs.kind === 'delete' && soleSponsor(enclosingMark(m).sponsors, delegation) && !m.attrs.group;
  return bracketMarks(doc.resolve(from).nodeBefore).find(isOwnDelete) ?? bracketMarks(doc.resolve(to).nodeAfter).find(isOwnDelete) ?? null;
}

/** Bracketed blocks and options that make a place a proposal (a block proposed for deletion holds agreed text). */
function proposalBlocks(blocks: Enclosing[]): Enclosing[] {
  return blocks.filter((b) => b.kind !== 'block-delete');
}

/**
 * Shape the deletion of `from`..`to` of `tr.doc`; `forward` when it was the Delete key; with
 * `wholeBlocks` (a deletion, not a replacement), agreed blocks it covers whole are proposed for
 * deletion as blocks (`block-deletion.ts`).
 */
function shapeDeletion(tr: Transaction, from: number, to: number, delegation: string, forward: boolean, wholeBlocks = false): Deleted {
  const doc = tr.doc;
  let pieces: Piece[] = [];
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  const crosses = !$from.sameParent($to);
  let ownBlocksOnly = true;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const context = blockContext(doc.resolve(pos + 1));
    if (context.agreedArticle !== null) stop(agreedArticleMessage(doc, context.agreedArticle), `deletion in agreed article at ${context.agreedArticle}`);
    const foreignBlock = firstForeign(context.blocks, delegation);
    const proposal = proposalBlocks(context.blocks);
    if (proposal.length === 0 || foreignBlock) ownBlocksOnly = false;
    node.forEach((child, offset) => {
      const start = Math.max(from, pos + 1 + offset);
      const end = Math.min(to, pos + 1 + offset + child.nodeSize);
      if (start >= end) return;
      const marks = bracketMarks(child).map(enclosingMark);
      const foreign = firstForeign(marks, delegation) ?? foreignBlock;
      if (foreign) stop(notYoursMessage(foreign, delegation), `deletion ${start}-${end} inside ${foreign.kind} sponsored by [${foreign.sponsors.join(', ')}]`);
      const ownInsert = marks.filter((m) => m.kind === 'insert');
      const action = ownInsert.length || proposal.length ? 'real' : marks.length ? 'skip' : 'mark';
      pieces.push({ from: start, to: end, action, own: ownInsert.length ? ownInsert[ownInsert.length - 1].mark : null });
    });
    return false;
  });
  const allReal = pieces.every((p) => p.action === 'real');
  if (allReal && (!crosses || ownBlocksOnly)) {
    tr.delete(from, to);
    const own = pieces[0]?.own ?? null;
    const inherit = own && pieces.every((p) => p.own?.eq(own)) ? own : null;
    return { cursor: from, insertAt: from, inherit };
  }
  const blocks = wholeBlocks ? wholeAgreedBlocks(doc, from, to) : [];
  const inBlock = (piece: Piece) => blocks.some((b) => piece.from >= b.pos && piece.to <= b.pos + b.node.nodeSize);
  if (blocks.length) pieces = pieces.filter((p) => !inBlock(p));
  if (pieces.length === 0 && blocks.length === 0) {
    stop('Agreed paragraphs cannot be joined or split by a delegation: select the words to propose deleting them.', `structural deletion ${from}-${to}`);
  }
  const start = tr.steps.length;
  proposeBlockDeletions(tr, blocks, delegation);
  // One deletion bracket per textblock (an inline bracket is one run), extending an own one next to it.
  const byBlock = new Map<number, Piece[]>();
  for (const piece of pieces.filter((p) => p.action === 'mark')) {
    const block = doc.resolve(piece.from).before();
    byBlock.set(block, [...(byBlock.get(block) ?? []), piece]);
  }
  for (const marked of byBlock.values()) {
    const mark = ownDeletionNear(doc, marked[0].from, marked[marked.length - 1].to, delegation)
      ?? doc.type.schema.marks.bracket.create({ id: newId('br'), sponsors: [delegation], group: null, kind: 'delete' });
    for (const piece of marked) tr.addMark(piece.from, piece.to, mark);
  }
  for (const piece of [...pieces].reverse()) if (piece.action === 'real') tr.delete(piece.from, piece.to);
  const map = tr.mapping.slice(start);
  const end = map.map(to, -1);
  return { cursor: forward ? end : map.map(from, -1), insertAt: end, inherit: null };
}

/**
 * Where words typed at `pos` go: inside the delegation's own proposed deletion they go right
 * after it (a deletion followed by an insertion: a bracket is one run and is not split).
 */
function afterOwnDeletion(doc: Node, pos: number, delegation: string): number {
  const $pos = doc.resolve(pos);
  const inside = contextAt(doc, pos).inline.find((e) => e.kind === 'delete' && soleSponsor(e.sponsors, delegation));
  if (!inside || !$pos.parent.isTextblock) return pos;
  let end = pos;
  $pos.parent.forEach((child, offset) => {
    const from = $pos.start() + offset;
    if (from <= end && from + child.nodeSize > end && child.marks.some((m) => m.eq(inside.mark!))) end = from + child.nodeSize;
  });
  return end;
}

/** Shape the insertion of inline `content` at `pos` of `tr.doc`; returns the cursor after it. */
function shapeInsertion(tr: Transaction, at: number, content: Fragment, delegation: string, inherit: Mark | null): number {
  const doc = tr.doc;
  const pos = inherit ? at : afterOwnDeletion(doc, at, delegation);
  const $pos = doc.resolve(pos);
  if (!$pos.parent.inlineContent) stop('Put the cursor in a line of text to propose new wording.', `insertion at ${pos} outside a textblock`);
  const context = contextAt(doc, pos);
  if (context.agreedArticle !== null) stop(agreedArticleMessage(doc, context.agreedArticle), `insertion in agreed article at ${context.agreedArticle}`);
  const foreign = inherit ? firstForeign(context.blocks, delegation) : firstForeign([...context.inline, ...context.blocks], delegation);
  if (foreign) stop(notYoursMessage(foreign, delegation), `insertion at ${pos} inside ${foreign.kind} sponsored by [${foreign.sponsors.join(', ')}]`);
  let marks: Mark[];
  const insideOwn = context.inline.filter((e) => e.kind === 'insert').map((e) => e.mark!);
  if (inherit) marks = [inherit];
  else if (insideOwn.length) marks = insideOwn;
  else if (proposalBlocks(context.blocks).length) marks = [];
  else {
    const isOwnInsert = (m: Mark) => m.attrs.kind !== 'delete' && soleSponsor(enclosingMark(m).sponsors, delegation);
    const extend = bracketMarks($pos.nodeBefore).filter(isOwnInsert).pop() ?? bracketMarks($pos.nodeAfter).find(isOwnInsert);
    marks = [extend ?? doc.type.schema.marks.bracket.create({ id: newId('br'), sponsors: [delegation], group: null, kind: 'insert' })];
  }
  const nodes: Node[] = [];
  withoutBrackets(content).forEach((node) => nodes.push(node.mark(marks.reduce((set: readonly Mark[], m) => m.addToSet(set), node.marks))));
  tr.insert(pos, Fragment.fromArray(nodes));
  return pos + content.size;
}

/** Shape one replacement of `from`..`to` of `tr.doc` by `slice`; returns the cursor, or null to keep the mapped one. */
function shapeReplace(tr: Transaction, from: number, to: number, slice: Slice, delegation: string, forward: boolean, pasted: boolean): number | null {
  const doc = tr.doc;
  const first = slice.content.firstChild?.type.name;
  // A deletion across blocks comes as a replace whose slice only re-creates the blocks' ends: a deletion.
  const structural = slice.size > 0 && !pasted && !isInline(slice) && !(to > from && !holdsInline(slice.content));
  if (structural || first === 'comment' || first === 'comments' || blockContext(doc.resolve(from)).inComments || blockContext(doc.resolve(to)).inComments) {
    // Comments, and block changes of the structure commands (indent, outdent): the rules decide.
    tr.replace(from, to, slice);
    return null;
  }
  let content = restoreBracketAttrs(inlineContent(slice, doc), doc, from);
  let delFrom = from;
  let delTo = to;
  if (doc.resolve(from).sameParent(doc.resolve(to)) && doc.resolve(from).parent.inlineContent) {
    // Keep only what really differs: a re-read of the DOM replaces more than what was typed.
    const old = doc.slice(from, to).content;
    const start = old.findDiffStart(content);
    if (start === null) return null;
    const end = old.findDiffEnd(content)!;
    let endA = end.a;
    let endB = end.b;
    if (endA < start) { endB += start - endA; endA = start; }
    if (endB < start) { endA += start - endB; endB = start; }
    delFrom = from + start;
    delTo = from + endA;
    content = content.cut(start, endB);
  }
  let insertAt = delFrom;
  let inherit: Mark | null = null;
  let cursor = delFrom;
  if (delTo > delFrom) ({ cursor, insertAt, inherit } = shapeDeletion(tr, delFrom, delTo, delegation, forward && content.size === 0, content.size === 0));
  if (content.size > 0) cursor = shapeInsertion(tr, insertAt, content, delegation, inherit);
  return cursor;
}

/** The meta of `tr`, copied (prosemirror-state keeps it private). */
function copyMeta(from: Transaction, to: Transaction): void {
  const meta = (from as unknown as { meta: Record<string, unknown> }).meta;
  for (const key of Object.keys(meta)) to.setMeta(key, meta[key]);
}

/**
 * `tr`, dispatched by `author` on `state`, in its proposal form; or why it cannot be made. Edits
 * of the chair and the secretariat, edits already in proposal form and edits that change no text
 * come back unchanged.
 */
export function shapeEdit(state: EditorState, tr: Transaction, author: Suggester): ShapeResult {
  if (!tr.docChanged || author.role !== 'delegate' || tr.getMeta(PROPOSAL_META)) return { tr };
  const out = state.tr;
  const old: Selection = state.selection;
  const ui = tr.getMeta('uiEvent');
  const pasted = Boolean(tr.getMeta('paste')) || ui === 'paste' || ui === 'drop';
  let mapping = new Mapping();
  let cursor = null as number | null;
  try {
    tr.steps.forEach((step, index) => {
      const before = out.steps.length;
      if (step instanceof ReplaceStep) {
        const from = mapping.map(step.from, 1);
        const to = Math.max(from, mapping.map(step.to, -1));
        const forward = index === 0 && old.empty && old.from === step.from && step.to > step.from;
        cursor = shapeReplace(out, from, to, step.slice, author.delegation, forward, pasted);
      } else {
        const mapped = step.map(mapping);
        if (mapped) out.maybeStep(mapped);
        cursor = null;
      }
      mapping = new Mapping([step.getMap().invert(), ...mapping.maps, ...out.mapping.maps.slice(before)]);
    });
  } catch (error) {
    if (error instanceof Stop) return { refusal: error.refusal };
    throw error;
  }
  copyMeta(tr, out);
  const selection = cursor !== null
    ? TextSelection.create(out.doc, Math.min(cursor, out.doc.content.size))
    : tr.selection.map(out.doc, mapping);
  out.setSelection(selection);
  if (tr.scrolledIntoView) out.scrollIntoView();
  return { tr: out };
}
