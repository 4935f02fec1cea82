/**
 * Suggesting mode on documents (no browser): a delegate deleting a whole paragraph or article of
 * agreed text proposes deleting that block (a block bracket of kind `delete`), which the rules
 * accept; the chair's Keep text / Drop then keep or delete the block.
 */
import { describe, it, expect } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { shapeEdit, type Suggester } from '../shared/suggesting/index.ts';
import { refuseEdit } from '../shared/permissions/index.ts';
import { resolveBracket } from '../shared/resolution/index.ts';
import { treaty, article, heading, paragraph, subparagraph, plain } from './helpers/bracket-builders.ts';

const FR: Suggester = { role: 'delegate', delegation: 'FR' };
const KE: Suggester = { role: 'delegate', delegation: 'KE' };

const sample = (): Node => treaty(
  article({ id: 'a1' }, heading('Scope'),
    paragraph({ id: 'p1' }, plain({ id: 'l1' }, 'First agreed paragraph.')),
    paragraph({ id: 'p2' }, plain({ id: 'l2' }, 'Chapeau:'), subparagraph({ id: 's1' }, plain({ id: 'l3' }, 'a point.')))),
  article({ id: 'a2' }, heading('Other'), paragraph({ id: 'p3' }, plain({ id: 'l4' }, 'Second article text.'))),
);

/** Position and node of the block whose `id` is `id`. */
function block(doc: Node, id: string): { pos: number; node: Node } {
  let found: { pos: number; node: Node } | null = null;
  doc.descendants((node, pos) => {
    if (!found && node.attrs.id === id) found = { pos, node };
    return !found;
  });
  if (!found) throw new RangeError(`No block ${JSON.stringify(id)}`);
  return found;
}

/** The text span (first line's start to last line's end) of block `id`. */
function span(doc: Node, id: string): { from: number; to: number } {
  const { pos, node } = block(doc, id);
  if (node.isTextblock) return { from: pos + 1, to: pos + 1 + node.content.size };
  let from = -1;
  let to = -1;
  node.descendants((child, offset) => {
    if (!child.isTextblock) return true;
    if (from < 0) from = pos + 2 + offset;
    to = pos + 2 + offset + child.content.size;
    return false;
  });
  return { from, to };
}

/** Delete `from`..`to` of `doc` as `who` in suggesting mode; the rules must accept the result. */
function deleteAs(doc: Node, from: number, to: number, who: Suggester): Node {
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
  const result = shapeEdit(state, state.tr.deleteSelection(), who);
  if (result.refusal) throw new Error(`refused: ${result.refusal.detail}`);
  const next = state.apply(result.tr);
  expect(refuseEdit(doc, next.doc, who)).toBeNull();
  return next.doc;
}

const bracketAttrs = (doc: Node, id: string) => {
  const { attrs } = block(doc, id).node;
  return { bracket: attrs.bracket, sponsors: attrs.sponsors, bracketKind: attrs.bracketKind };
};
const inlineMarks = (doc: Node) => {
  let count = 0;
  doc.descendants((node) => { if (node.marks.some((m) => m.type.name === 'bracket')) count++; });
  return count;
};

describe('deleting whole blocks of agreed text', () => {
  it('selecting a whole paragraph and deleting proposes deleting the paragraph: its words stay, no inline bracket', () => {
    const doc = sample();
    const { from, to } = span(doc, 'p1');
    const after = deleteAs(doc, from, to, FR);
    expect(bracketAttrs(after, 'p1')).toEqual({ bracket: expect.stringMatching(/^br/), sponsors: ['FR'], bracketKind: 'delete' });
    expect(after.textContent).toBe(doc.textContent);
    expect(inlineMarks(after)).toBe(0);
  });

  it('a selection from a paragraph into the start of the next (a triple click) proposes deleting only the first', () => {
    const doc = sample();
    const after = deleteAs(doc, span(doc, 'p1').from, span(doc, 'p2').from, FR);
    expect(bracketAttrs(after, 'p1').bracketKind).toBe('delete');
    expect(bracketAttrs(after, 'p2').bracket).toBeNull();
    expect(after.textContent).toBe(doc.textContent);
  });

  it('selecting a whole article proposes deleting the article, not its paragraphs', () => {
    const doc = sample();
    const { from, to } = span(doc, 'a1');
    const after = deleteAs(doc, from, to, KE);
    expect(bracketAttrs(after, 'a1')).toEqual({ bracket: expect.any(String), sponsors: ['KE'], bracketKind: 'delete' });
    for (const id of ['p1', 'p2', 's1', 'l2']) expect(bracketAttrs(after, id).bracket).toBeNull();
    expect(inlineMarks(after)).toBe(0);
  });

  it('a deletion covering a whole paragraph and part of the next marks the paragraph and brackets the words', () => {
    const doc = sample();
    const after = deleteAs(doc, span(doc, 'p1').from, span(doc, 'p2').from + 'Chap'.length, FR);
    expect(bracketAttrs(after, 'p1').bracketKind).toBe('delete');
    expect(bracketAttrs(after, 'p2').bracket).toBeNull();
    let marked = '';
    after.descendants((node) => { if (node.isText && node.marks.some((m) => m.attrs.kind === 'delete')) marked += node.text; });
    expect(marked).toBe('Chap');
  });

  it('the chapeau of a paragraph alone is words, not a block: its words get a deletion bracket', () => {
    const doc = sample();
    const { from, to } = span(doc, 'l2');
    const after = deleteAs(doc, from, to, FR);
    expect(bracketAttrs(after, 'p2').bracket).toBeNull();
    expect(bracketAttrs(after, 'l2').bracket).toBeNull();
    expect(inlineMarks(after)).toBe(1);
  });

  it('typing over a whole paragraph stays a replacement: a deletion bracket followed by an insertion bracket', () => {
    const doc = sample();
    const { from, to } = span(doc, 'p1');
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
    const result = shapeEdit(state, state.tr.insertText('New'), FR);
    const next = state.apply(result.tr!).doc;
    expect(refuseEdit(doc, next, FR)).toBeNull();
    expect(bracketAttrs(next, 'p1').bracket).toBeNull();
    expect(block(next, 'l1').node.textContent).toBe('First agreed paragraph.New');
  });

  it('the sponsor types its own proposal inside the paragraph it proposed to delete: an insertion bracket', () => {
    const doc = sample();
    const { from, to } = span(doc, 'p1');
    const marked = deleteAs(doc, from, to, FR);
    const state = EditorState.create({ doc: marked, selection: TextSelection.create(marked, from + 5) });
    const result = shapeEdit(state, state.tr.insertText('X'), FR);
    const next = state.apply(result.tr!).doc;
    expect(refuseEdit(marked, next, FR)).toBeNull();
    expect(inlineMarks(next)).toBe(1);
  });

  it('another delegation cannot type in it: one plain sentence', () => {
    const doc = sample();
    const { from, to } = span(doc, 'p1');
    const marked = deleteAs(doc, from, to, FR);
    const state = EditorState.create({ doc: marked, selection: TextSelection.create(marked, from + 5) });
    expect(shapeEdit(state, state.tr.insertText('X'), KE).refusal?.message)
      .toBe('This proposed deletion is proposed by FR: you can co-sponsor, propose an alternative or comment.');
  });

  it('an article agreed ad referendum is not proposed for deletion', () => {
    const doc = treaty(article({ id: 'a1', status: 'agreed' }, heading('Scope'), paragraph({ id: 'p1' }, plain('Agreed words.'))));
    const { from, to } = span(doc, 'p1');
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
    expect(shapeEdit(state, state.tr.deleteSelection(), FR).refusal?.message).toMatch(/^Article 1 is agreed ad referendum/);
  });
});

describe('the chair resolving a proposed block deletion', () => {
  it('Keep text keeps the block and clears its bracket; Drop deletes the block', () => {
    const doc = sample();
    const { from, to } = span(doc, 'p1');
    const marked = deleteAs(doc, from, to, FR);
    const id = String(bracketAttrs(marked, 'p1').bracket);
    const kept = resolveBracket(marked, id, 'keep');
    expect(bracketAttrs(kept, 'p1')).toEqual({ bracket: null, sponsors: null, bracketKind: null });
    expect(kept.eq(doc)).toBe(true);
    const dropped = resolveBracket(marked, id, 'drop');
    expect(dropped.textContent).not.toContain('First agreed paragraph.');
    expect(() => block(dropped, 'p1')).toThrow(RangeError);
    dropped.check();
  });

  it('Drop of a proposed article deletion removes the article and nothing else', () => {
    const doc = sample();
    const { from, to } = span(doc, 'a2');
    const marked = deleteAs(doc, from, to, KE);
    const dropped = resolveBracket(marked, String(bracketAttrs(marked, 'a2').bracket), 'drop');
    expect(dropped.textContent).toBe(doc.textContent.replace('OtherSecond article text.', ''));
    dropped.check();
  });
});
