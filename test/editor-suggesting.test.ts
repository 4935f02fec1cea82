/**
 * Suggesting mode on documents (no browser): a delegate's typing, deleting, replacing and pasting
 * come out in the negotiation's notation; edits inside others' brackets and agreed articles stop.
 */
import { describe, it, expect } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { Slice, Fragment, type Mark, type Node } from 'prosemirror-model';
import { shapeEdit, markAsProposal, type Suggester } from '../shared/suggesting/index.ts';
import { listBrackets } from '../shared/model/index.ts';
import { refuseEdit } from '../shared/permissions/index.ts';
import { schema } from '../shared/schema/index.ts';
import { treaty, article, heading, paragraph, plain, br } from './helpers/bracket-builders.ts';

const FR: Suggester = { role: 'delegate', delegation: 'FR' };
const KE: Suggester = { role: 'delegate', delegation: 'KE' };
const CHAIR: Suggester = { role: 'chair', delegation: 'CHAIR' };

const sample = (): Node => treaty(article({ id: 'a1' }, heading('Scope'),
  paragraph({ id: 'p1' }, plain({ id: 'l1' }, 'The serious hindering of ', br('b-ke', 'KE')('or private entity'), ' systems.'))));

/** Position of the first character of `text` in `doc` (+ `offset`). */
function at(doc: Node, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + offset;
    return true;
  });
  if (found < 0) throw new RangeError(`Text ${JSON.stringify(text)} is not in the document`);
  return found;
}

function stateWith(doc: Node, from: number, to = from): EditorState {
  return EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
}

function shaped(state: EditorState, tr: Transaction, who: Suggester): EditorState {
  const result = shapeEdit(state, tr, who);
  if (result.refusal) throw new Error(`refused: ${result.refusal.detail}`);
  const next = state.apply(result.tr);
  // What suggesting mode makes of an edit is what the rules accept.
  expect(refuseEdit(state.doc, next.doc, who)).toBeNull();
  return next;
}

const brackets = (doc: Node) => listBrackets(doc).filter((b) => b.kind === 'inline')
  .map((b) => ({ text: b.text, sponsors: b.sponsors, kind: b.markKind }));

describe('suggesting mode', () => {
  it('typing in agreed text writes an insertion bracket that further typing extends', () => {
    let state = stateWith(sample(), at(sample(), 'hindering') + 'hindering'.length);
    state = shaped(state, state.tr.insertText(' and'), FR);
    state = shaped(state, state.tr.insertText(' grave'), FR);
    expect(state.doc.textContent).toContain('serious hindering and grave of');
    expect(brackets(state.doc)).toContainEqual({ text: ' and grave', sponsors: ['FR'], kind: 'insert' });
    expect(state.selection.from).toBe(at(state.doc, ' of'));
  });

  it('Backspace over agreed words proposes deleting them, one bracket, cursor moving left', () => {
    let state = stateWith(sample(), at(sample(), ' hindering'));
    for (let i = 0; i < 3; i++) {
      const { from } = state.selection;
      state = shaped(state, state.tr.delete(from - 1, from), FR);
    }
    expect(state.doc.textContent).toContain('The serious hindering');
    expect(brackets(state.doc)).toContainEqual({ text: 'ous', sponsors: ['FR'], kind: 'delete' });
    expect(state.selection.from).toBe(at(state.doc, 'ous'));
  });

  it('the Delete key moves the cursor past the words it proposes to delete', () => {
    const doc = sample();
    let state = stateWith(doc, at(doc, 'serious'));
    state = shaped(state, state.tr.delete(at(doc, 'serious'), at(doc, 'serious') + 1), FR);
    expect(state.selection.from).toBe(at(state.doc, 'erious'));
  });

  it('typing over selected agreed words proposes a deletion followed by an insertion', () => {
    const doc = sample();
    const from = at(doc, 'serious');
    let state = stateWith(doc, from, from + 'serious'.length);
    state = shaped(state, state.tr.insertText('grave'), FR);
    expect(state.doc.textContent).toContain('The seriousgrave hindering');
    expect(brackets(state.doc)).toEqual(expect.arrayContaining([
      { text: 'serious', sponsors: ['FR'], kind: 'delete' },
      { text: 'grave', sponsors: ['FR'], kind: 'insert' },
    ]));
  });

  it('deleting inside the own insertion bracket really deletes', () => {
    const doc = sample();
    let state = stateWith(doc, at(doc, 'or private'));
    state = shaped(state, state.tr.delete(at(doc, 'private'), at(doc, 'private') + 'private '.length), KE);
    expect(state.doc.textContent).toContain('of or entity systems');
    expect(brackets(state.doc)).toEqual([{ text: 'or entity', sponsors: ['KE'], kind: 'insert' }]);
  });

  it("typing inside another delegation's bracket is stopped with a plain sentence", () => {
    const doc = sample();
    const state = stateWith(doc, at(doc, 'private'));
    const result = shapeEdit(state, state.tr.insertText('x'), FR);
    expect(result.refusal?.message).toBe('These words are proposed by KE: you can co-sponsor, propose an alternative or comment.');
    expect(result.refusal?.message).not.toMatch(/b-ke|\d{4}/);
  });

  it('paste drops the pasted bracket ids and sponsors: the text becomes the paster\'s proposal', () => {
    const doc = sample();
    const state = stateWith(doc, at(doc, ' systems'));
    const pasted = new Slice(Fragment.from(schema.text('public', [schema.marks.bracket.create({ id: 'b-ke', sponsors: ['KE'] })])), 0, 0);
    const next = shaped(state, state.tr.replaceSelection(pasted).setMeta('paste', true), FR);
    const list = brackets(next.doc);
    expect(list).toContainEqual({ text: 'public', sponsors: ['FR'], kind: 'insert' });
    expect(listBrackets(next.doc).filter((b) => b.id === 'b-ke')).toHaveLength(1);
  });

  it('an article agreed ad referendum takes no delegate edit', () => {
    const doc = treaty(article({ id: 'a1', status: 'agreed' }, heading('Scope'), paragraph(plain('Agreed words.'))));
    const state = stateWith(doc, at(doc, 'words'));
    expect(shapeEdit(state, state.tr.insertText('x'), FR).refusal?.message).toMatch(/^Article 1 is agreed ad referendum/);
  });

  it('typing inside the own proposed deletion goes right after it: one deletion, then one insertion', () => {
    const doc = treaty(article({ id: 'a1' }, heading('Scope'), paragraph(plain('Data ', br('d', 'FR', null, 'delete')('and interoperable'), ' only.'))));
    let state = stateWith(doc, at(doc, 'interoperable'));
    state = shaped(state, state.tr.insertText('new'), FR);
    expect(state.doc.textContent).toContain('Data and interoperablenew only.');
    expect(brackets(state.doc)).toEqual([
      { text: 'and interoperable', sponsors: ['FR'], kind: 'delete' }, { text: 'new', sponsors: ['FR'], kind: 'insert' },
    ]);
  });

  it('deleting across two agreed paragraphs gives each its own deletion bracket and keeps both paragraphs', () => {
    const doc = treaty(article({ id: 'a1' }, heading('Scope'), paragraph(plain('First words.')), paragraph(plain('Second words.'))));
    const from = at(doc, 'words.');
    const to = at(doc, 'Second') + 'Second'.length;
    let state = stateWith(doc, from, to);
    state = shaped(state, state.tr.deleteSelection(), FR);
    expect(state.doc.textContent).toContain('First words.Second words.');
    expect(brackets(state.doc).map((b) => b.text)).toEqual(['words.', 'Second']);
    expect(new Set(listBrackets(state.doc).map((b) => b.id)).size).toBe(2);
  });

  it('the chair and proposal commands pass unchanged', () => {
    const doc = sample();
    const state = stateWith(doc, at(doc, 'serious'));
    const tr = state.tr.insertText('x');
    expect(shapeEdit(state, tr, CHAIR).tr).toBe(tr);
    const proposal = markAsProposal(state.tr.insertText('y'));
    expect(shapeEdit(state, proposal, FR).tr).toBe(proposal);
  });

  it('a re-read of the DOM that loses bracket attributes keeps the sponsors', () => {
    const doc = sample();
    const start = at(doc, 'or private');
    const end = start + 'or private entity'.length;
    const state = stateWith(doc, end);
    const bare = schema.marks.bracket.create({ id: 'b-ke' });
    const reread = new Slice(Fragment.from([schema.text('or private entity', [bare]), schema.text('!')]), 0, 0);
    const next = shaped(state, state.tr.replace(start, end, reread), FR);
    expect(brackets(next.doc)).toContainEqual({ text: 'or private entity', sponsors: ['KE'], kind: 'insert' });
    expect(brackets(next.doc)).toContainEqual({ text: '!', sponsors: ['FR'], kind: 'insert' });
  });
});

describe('the rules on documents read back from Yjs', () => {
  it('do not see a change when overlapping brackets come back in another order', () => {
    const a = schema.marks.bracket.create({ id: 'b1', sponsors: ['FR'], kind: 'insert' });
    const b = schema.marks.bracket.create({ id: 'b2', sponsors: ['FR'], kind: 'insert' });
    const make = (marks: readonly Mark[]) => treaty(article({ id: 'a1' }, heading('Scope'),
      paragraph({ id: 'p1' }, plain({ id: 'l1' }, 'Words ', schema.text('both', marks)))));
    const before = make([a, b]);
    const after = make([b, a]);
    expect(JSON.stringify(before.toJSON())).not.toBe(JSON.stringify(after.toJSON()));
    expect(refuseEdit(before, after, KE)).toBeNull();
  });
});
