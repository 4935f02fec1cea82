/**
 * Random edits for the seeded refuseEdit test: `honestEdit` makes one edit shaped as the editor
 * shapes a delegate's action (insertion, deletion, replacement, editing or withdrawing its own
 * proposal, co-sponsoring, a new bracketed paragraph, an alternative, comments and anchors);
 * `hostileEdit` makes one edit a hostile client could craft, which the rules must refuse.
 * Each returns null when the document offers nothing to do it on.
 */
import type { Mark, Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { schema } from '../../shared/schema/index.ts';
import { seededRandom } from './seeded-random.ts';

/** A seeded random source (see `seeded-random.ts`). */
export const random = seededRandom;


/** One generated edit: what it does (for the failure report) and the resulting document. */
export interface GeneratedEdit {
  what: string;
  doc: Node;
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T | null => (list.length ? list[Math.floor(rand() * list.length)] : null);
const WORDS = ['data', 'grave', 'States', 'lawful', 'prompt', 'access', 'shall', 'may', 'any', 'the'];
const word = (rand: Rand) => pick(rand, WORDS)!;

let counter = 0;
/** A fresh id. */
const fresh = (prefix: string) => `${prefix}_r${++counter}`;

/** A character of a text block that the edit generators may reach. */
interface Spot {
  pos: number;
  node: Node;
  /** Inside agreed text: the block is agreed and the character carries no bracket mark. */
  agreed: boolean;
  /** Inside an agreed article. */
  frozen: boolean;
}

const sponsorsOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const brackets = (node: Node) => node.marks.filter((m) => m.type.name === 'bracket');

/** Every text character outside comments, with whether it is agreed text. */
function spots(doc: Node): Spot[] {
  const out: Spot[] = [];
  const visit = (node: Node, pos: number, agreed: boolean, frozen: boolean) => {
    if (node.type.name === 'comments') return;
    // Block-bracketed content (a proposal, or a proposed deletion) belongs to its sponsors: not free agreed text.
    const inside = agreed && node.attrs.bracket == null && !(node.type.name === 'option' && sponsorsOf(node.attrs.sponsors).length);
    const isFrozen = frozen || (node.type.name === 'article' && node.attrs.status === 'agreed');
    if (node.isTextblock) {
      node.forEach((child, offset) => {
        if (!child.isText) return;
        for (let i = 0; i < child.text!.length; i++) out.push({ pos: pos + 1 + offset + i, node: child, agreed: inside && brackets(child).length === 0, frozen: isFrozen });
      });
      return;
    }
    node.forEach((child, offset) => visit(child, pos + 1 + offset, inside, isFrozen));
  };
  doc.forEach((child, offset) => visit(child, offset, true, false));
  return out;
}

/** A run of consecutive agreed, unmarked, non-frozen characters of one text node (1 to 8 long). */
function agreedRange(doc: Node, rand: Rand): { from: number; to: number } | null {
  const start = pick(rand, spots(doc).filter((s) => s.agreed && !s.frozen));
  if (!start) return null;
  let to = start.pos + 1;
  const max = start.pos + 1 + Math.floor(rand() * 8);
  while (to < max && doc.nodeAt(to) === start.node && doc.resolve(to).parent === doc.resolve(start.pos).parent) to++;
  return { from: start.pos, to };
}

/** Inline brackets by id: mark and covered range (first run). */
function inlineBrackets(doc: Node): Map<string, { mark: Mark; from: number; to: number; frozen: boolean }> {
  const out = new Map<string, { mark: Mark; from: number; to: number; frozen: boolean }>();
  for (const spot of spots(doc)) {
    for (const mark of brackets(spot.node)) {
      const known = out.get(mark.attrs.id);
      if (known) known.to = Math.max(known.to, spot.pos + 1);
      else out.set(mark.attrs.id, { mark, from: spot.pos, to: spot.pos + 1, frozen: spot.frozen });
    }
  }
  return out;
}

/** Positions and nodes of blocks matching `test`, outside comments. */
function blocks(doc: Node, test: (node: Node, frozen: boolean, proposed: boolean) => boolean): Array<{ pos: number; node: Node }> {
  const out: Array<{ pos: number; node: Node }> = [];
  const visit = (node: Node, pos: number, frozen: boolean, proposed: boolean) => {
    if (node.type.name === 'comments' || node.isTextblock) return;
    const isFrozen = frozen || (node.type.name === 'article' && node.attrs.status === 'agreed');
    if (test(node, isFrozen, proposed)) out.push({ pos, node });
    const inner = proposed || node.attrs.bracket != null || (node.type.name === 'option' && sponsorsOf(node.attrs.sponsors).length > 0);
    node.forEach((child, offset) => visit(child, pos + 1 + offset, isFrozen, inner));
  };
  doc.forEach((child, offset) => visit(child, offset, false, false));
  return out;
}

function comments(doc: Node): Array<{ pos: number; node: Node }> {
  const out: Array<{ pos: number; node: Node }> = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'comment') out.push({ pos, node });
    return node.type.name === 'comments' || node.type.name === 'doc';
  });
  return out;
}

function apply(doc: Node, change: (tr: Transform) => void): Node {
  const tr = new Transform(doc);
  change(tr);
  return tr.doc;
}

const bracketMark = (id: string, sponsors: string[], kind = 'insert', group: string | null = null) => schema.marks.bracket.create({ id, sponsors, kind, group });
const onlyOwn = (mark: Mark, own: string) => sponsorsOf(mark.attrs.sponsors).length === 1 && sponsorsOf(mark.attrs.sponsors)[0] === own;
/** Whether the range holds no other bracket than `mark` (so editing it touches nobody else's). */
const alone = (doc: Node, from: number, to: number, mark: Mark) => {
  let ok = true;
  doc.nodesBetween(from, to, (node) => { if (node.isInline && brackets(node).some((m) => m !== mark)) ok = false; return ok; });
  return ok;
};

/**
 * One honest edit by delegation `own`, as the editor shapes it, or null when none applies. With
 * `pen` (the secretariat) it also types and deletes agreed text directly.
 */
export function honestEdit(doc: Node, own: string, rand: Rand, pen = false): GeneratedEdit | null {
  if (pen && rand() < 0.25) {
    const range = agreedRange(doc, rand);
    if (!range) return null;
    if (rand() < 0.5) return { what: `${own} types agreed text at ${range.from}`, doc: apply(doc, (tr) => tr.insert(range.from, schema.text(`${word(rand)} `))) };
    return { what: `${own} deletes agreed text ${range.from}-${range.to}`, doc: apply(doc, (tr) => tr.delete(range.from, range.to)) };
  }
  const choice = Math.floor(rand() * 12);
  switch (choice) {
    case 0: case 1: {
      const at = pick(rand, spots(doc).filter((s) => s.agreed && !s.frozen));
      if (!at) return null;
      const text = `${word(rand)} `;
      return { what: `${own} proposes inserting "${text}" at ${at.pos}`, doc: apply(doc, (tr) => tr.insert(at.pos, schema.text(text, [bracketMark(fresh('br'), [own])]))) };
    }
    case 2: {
      const range = agreedRange(doc, rand);
      if (!range) return null;
      return { what: `${own} proposes deleting ${range.from}-${range.to}`, doc: apply(doc, (tr) => tr.addMark(range.from, range.to, bracketMark(fresh('br'), [own], 'delete'))) };
    }
    case 3: {
      const range = agreedRange(doc, rand);
      if (!range) return null;
      const group = rand() < 0.5 ? fresh('grp') : null;
      return {
        what: `${own} proposes replacing ${range.from}-${range.to}${group ? ' as alternatives' : ''}`,
        doc: apply(doc, (tr) => {
          tr.addMark(range.from, range.to, bracketMark(fresh('br'), [own], 'delete', group));
          tr.insert(range.to, schema.text(word(rand), [bracketMark(fresh('br'), [own], 'insert', group)]));
        }),
      };
    }
    case 4: {
      const mine = [...inlineBrackets(doc).values()].filter((b) => !b.frozen && b.mark.attrs.kind === 'insert' && onlyOwn(b.mark, own) && alone(doc, b.from, b.to, b.mark));
      const b = pick(rand, mine);
      if (!b) return null;
      if (rand() < 0.5 || b.to - b.from < 2) {
        const at = b.from + Math.floor(rand() * (b.to - b.from + 1));
        return { what: `${own} types inside its bracket ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.insert(at, schema.text('x', [b.mark]))) };
      }
      const at = b.from + Math.floor(rand() * (b.to - b.from));
      return { what: `${own} deletes a character of its bracket ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.delete(at, at + 1)) };
    }
    case 5: {
      const mine = [...inlineBrackets(doc).values()].filter((b) => !b.frozen && onlyOwn(b.mark, own) && alone(doc, b.from, b.to, b.mark));
      const b = pick(rand, mine);
      if (!b) return null;
      if (b.mark.attrs.kind === 'delete') return { what: `${own} withdraws its deletion ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.removeMark(b.from, b.to, b.mark)) };
      return { what: `${own} withdraws its insertion ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.delete(b.from, b.to)) };
    }
    case 6: {
      const others = [...inlineBrackets(doc).values()].filter((b) => !b.frozen && sponsorsOf(b.mark.attrs.sponsors).length > 0 && !sponsorsOf(b.mark.attrs.sponsors).includes(own));
      const b = pick(rand, others);
      if (!b) return null;
      const next = bracketMark(b.mark.attrs.id, [...sponsorsOf(b.mark.attrs.sponsors), own], b.mark.attrs.kind, b.mark.attrs.group);
      return { what: `${own} co-sponsors ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.removeMark(b.from, b.to, b.mark).addMark(b.from, b.to, next)) };
    }
    case 7: {
      const sponsored = blocks(doc, (n, frozen) => !frozen && (n.attrs.bracket != null || n.type.name === 'option') && sponsorsOf(n.attrs.sponsors).length > 0);
      const target = pick(rand, sponsored);
      if (!target) return null;
      const sponsors = sponsorsOf(target.node.attrs.sponsors);
      const next = sponsors.includes(own) ? (sponsors.length > 1 ? sponsors.filter((s) => s !== own) : null) : [...sponsors, own];
      if (!next) return null;
      return { what: `${own} ${sponsors.includes(own) ? 'stops co-sponsoring' : 'co-sponsors'} ${target.node.attrs.bracket ?? target.node.attrs.id}`, doc: apply(doc, (tr) => tr.setNodeMarkup(target.pos, undefined, { ...target.node.attrs, sponsors: next })) };
    }
    case 8: {
      const agreedParagraphs = blocks(doc, (n, frozen, proposed) => !frozen && !proposed && n.type.name === 'paragraph' && n.attrs.bracket == null);
      const target = pick(rand, agreedParagraphs.filter((p) => doc.resolve(p.pos).parent.type.name === 'article'));
      if (!target) return null;
      const paragraph = schema.nodes.paragraph.create({ id: fresh('par'), bracket: fresh('br'), sponsors: [own] }, schema.nodes.plain.create({ id: fresh('p') }, schema.text(`${word(rand)} ${word(rand)}`)));
      return { what: `${own} proposes a new paragraph after ${target.node.attrs.id}`, doc: apply(doc, (tr) => tr.insert(target.pos + target.node.nodeSize, paragraph)) };
    }
    case 9: {
      const mine = comments(doc).filter((c) => c.node.attrs.delegation === own);
      const c = pick(rand, mine);
      if (!c || rand() < 0.4) {
        const node = schema.nodes.comment.create({ id: fresh('cm'), delegation: own, author: own, createdAt: Date.now() }, schema.nodes.plain.create(null, schema.text(`${own} thinks ${word(rand)}`)));
        return { what: `${own} comments`, doc: apply(doc, (tr) => { if (doc.lastChild!.type.name === 'comments') tr.insert(doc.content.size - 1, node); else tr.insert(doc.content.size, schema.nodes.comments.create(null, node)); }) };
      }
      if (rand() < 0.5) return { what: `${own} edits its comment ${c.node.attrs.id}`, doc: apply(doc, (tr) => tr.insert(c.pos + 2, schema.text('Also: '))) };
      return { what: `${own} resolves its comment ${c.node.attrs.id}`, doc: apply(doc, (tr) => tr.setNodeMarkup(c.pos, undefined, { ...c.node.attrs, status: 'resolved' })) };
    }
    case 10: {
      const mine = comments(doc).filter((c) => c.node.attrs.delegation === own);
      const c = pick(rand, mine);
      const start = pick(rand, spots(doc).filter((s) => s.agreed));
      if (!c || !start) return null;
      const to = Math.min(start.pos + 1 + Math.floor(rand() * 5), doc.resolve(start.pos).end());
      return { what: `${own} anchors comment ${c.node.attrs.id} at ${start.pos}`, doc: apply(doc, (tr) => tr.addMark(start.pos, to, schema.marks.anchor.create({ comment: c.node.attrs.id }))) };
    }
    default: {
      if (rand() < 0.5) {
        const grouped = [...inlineBrackets(doc).values()].filter((b) => !b.frozen && b.mark.attrs.group);
        const b = pick(rand, grouped);
        if (!b) return null;
        return { what: `${own} adds an alternative to group ${b.mark.attrs.group}`, doc: apply(doc, (tr) => tr.insert(b.to, schema.text(` ${word(rand)}`, [bracketMark(fresh('br'), [own], 'insert', b.mark.attrs.group)]))) };
      }
      const groups = blocks(doc, (n, frozen, proposed) => !frozen && !proposed && n.type.name === 'alternatives');
      const alt = pick(rand, groups);
      if (!alt) return null;
      const option = schema.nodes.option.create({ id: fresh('opt'), sponsors: [own] }, schema.nodes.plain.create({ id: fresh('p') }, schema.text(word(rand))));
      return { what: `${own} adds an option to ${alt.node.attrs.id}`, doc: apply(doc, (tr) => tr.insert(alt.pos + alt.node.nodeSize - 1, option)) };
    }
  }
}

/**
 * One hostile edit by delegation `own`, which the rules must refuse, or null when none applies.
 * With `pen` (the secretariat) direct edits of agreed text are not generated: they are its right.
 */
export function hostileEdit(doc: Node, own: string, rand: Rand, pen = false): GeneratedEdit | null {
  const choice = pen ? 2 + Math.floor(rand() * 10) : Math.floor(rand() * 12);
  const foreign = [...inlineBrackets(doc).values()].filter((b) => !onlyOwn(b.mark, own));
  switch (choice) {
    case 0: {
      const at = pick(rand, spots(doc).filter((s) => s.agreed));
      if (!at) return null;
      return { what: `${own} types plain text into agreed text at ${at.pos}`, doc: apply(doc, (tr) => tr.insert(at.pos, schema.text(word(rand)))) };
    }
    case 1: {
      const range = agreedRange(doc, rand);
      if (!range) return null;
      return { what: `${own} deletes agreed text ${range.from}-${range.to}`, doc: apply(doc, (tr) => tr.delete(range.from, range.to)) };
    }
    case 2: {
      const b = pick(rand, foreign);
      if (!b) return null;
      return { what: `${own} types into ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.insert(b.from + 1 > b.to ? b.from : b.from + 1, schema.text('x', doc.nodeAt(b.from)!.marks))) };
    }
    case 3: {
      const b = pick(rand, foreign);
      if (!b) return null;
      if (rand() < 0.5) return { what: `${own} unwraps ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.removeMark(b.from, b.to, b.mark)) };
      return { what: `${own} deletes the words of ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.delete(b.from, b.to)) };
    }
    case 4: {
      const b = pick(rand, foreign);
      if (!b) return null;
      const current = sponsorsOf(b.mark.attrs.sponsors);
      const sponsors = current.length === 0 ? [own] : rand() < 0.5 && !(current.length === 1 && current[0] === own) ? [own] : [];
      const next = bracketMark(b.mark.attrs.id, sponsors, b.mark.attrs.kind, b.mark.attrs.group);
      return { what: `${own} re-sponsors ${b.mark.attrs.id} as [${sponsors}]`, doc: apply(doc, (tr) => tr.removeMark(b.from, b.to, b.mark).addMark(b.from, b.to, next)) };
    }
    case 5: {
      // Another delegation's id (reusing one's own next to it would only extend one's own bracket).
      const b = pick(rand, foreign);
      const at = pick(rand, spots(doc).filter((s) => s.agreed && !s.frozen));
      if (!b || !at) return null;
      return { what: `${own} forges a second bracket ${b.mark.attrs.id}`, doc: apply(doc, (tr) => tr.insert(at.pos, schema.text('forged', [bracketMark(b.mark.attrs.id, [own])]))) };
    }
    case 6: {
      const theirs = comments(doc).filter((c) => c.node.attrs.delegation !== own);
      const c = pick(rand, theirs);
      if (!c) return null;
      const how = Math.floor(rand() * 3);
      if (how === 0) return { what: `${own} retypes comment ${c.node.attrs.id}`, doc: apply(doc, (tr) => tr.insert(c.pos + 2, schema.text('Not '))) };
      if (how === 1) return { what: `${own} deletes comment ${c.node.attrs.id}`, doc: apply(doc, (tr) => tr.delete(c.pos, c.pos + c.node.nodeSize)) };
      return { what: `${own} changes the author of comment ${c.node.attrs.id}`, doc: apply(doc, (tr) => tr.setNodeMarkup(c.pos, undefined, { ...c.node.attrs, author: 'forged' })) };
    }
    case 7: {
      const other = own === 'FR' ? 'KE' : 'FR';
      const node = schema.nodes.comment.create({ id: fresh('cm'), delegation: other, author: other, createdAt: Date.now() }, schema.nodes.plain.create(null, schema.text(`${other} accepts the text as agreed`)));
      return { what: `${own} writes a comment as ${other}`, doc: apply(doc, (tr) => { if (doc.lastChild!.type.name === 'comments') tr.insert(doc.content.size - 1, node); else tr.insert(doc.content.size, schema.nodes.comments.create(null, node)); }) };
    }
    case 8: {
      const at = pick(rand, spots(doc).filter((s) => s.frozen));
      if (!at) return null;
      return { what: `${own} proposes an insertion in an agreed article at ${at.pos}`, doc: apply(doc, (tr) => tr.insert(at.pos, schema.text('x', [...at.node.marks, bracketMark(fresh('br'), [own])]))) };
    }
    case 9: {
      const article = pick(rand, blocks(doc, (n) => n.type.name === 'article'));
      if (!article) return null;
      const status = article.node.attrs.status === 'agreed' ? 'open' : 'agreed';
      return { what: `${own} sets ${article.node.attrs.id} ${status}`, doc: apply(doc, (tr) => tr.setNodeMarkup(article.pos, undefined, { ...article.node.attrs, status })) };
    }
    case 10: {
      const deletions = foreign.filter((b) => b.mark.attrs.kind === 'delete' && b.to < doc.resolve(b.from).end() && doc.nodeAt(b.to)?.marks.length === 0);
      const b = pick(rand, deletions);
      if (!b) return null;
      return { what: `${own} moves deletion ${b.mark.attrs.id} one character on`, doc: apply(doc, (tr) => tr.removeMark(b.from, b.from + 1, b.mark).addMark(b.to, b.to + 1, b.mark)) };
    }
    default: {
      const theirs = blocks(doc, (n) => (n.attrs.bracket != null || n.type.name === 'option') && sponsorsOf(n.attrs.sponsors).length > 0 && !(sponsorsOf(n.attrs.sponsors).length === 1 && sponsorsOf(n.attrs.sponsors)[0] === own));
      const target = pick(rand, theirs);
      if (!target) {
        const at = pick(rand, spots(doc).filter((s) => s.agreed && !s.frozen));
        if (!at) return null;
        return { what: `${own} proposes jointly in another's name`, doc: apply(doc, (tr) => tr.insert(at.pos, schema.text('x', [bracketMark(fresh('br'), [own, 'ZZ'])]))) };
      }
      if (rand() < 0.5) return { what: `${own} removes ${target.node.attrs.bracket ?? target.node.attrs.id}`, doc: apply(doc, (tr) => tr.delete(target.pos, target.pos + target.node.nodeSize)) };
      return { what: `${own} retypes inside ${target.node.attrs.bracket ?? target.node.attrs.id}`, doc: apply(doc, (tr) => {
        let at = -1;
        target.node.descendants((n, p) => { if (at < 0 && n.isTextblock) at = target.pos + 1 + p + 1; return at < 0; });
        tr.insert(at, schema.text('x'));
      }) };
    }
  }
}
