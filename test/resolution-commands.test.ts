import { describe, it, expect } from 'vitest';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { wrapInBracket, proposeDeletion, bracketBlock, proposeAlternative, coSponsor, addComment, replyToComment, setCommentStatus } from '../shared/commands/index.ts';
import { listBrackets, listComments } from '../shared/model/index.ts';
import { treaty, article, heading, paragraph, plain, br } from './helpers/bracket-builders.ts';

const base = treaty(article({ id: 'a1' }, heading('Scope'), paragraph({ id: 'p1' }, plain('Parties shall ', br('b1', 'FR')('adopt'), ' laws.'))));

/** Run `command` on `doc` with the selection from..to (positions of the text "needle" when a string). */
function run(doc: Node, command: Command, needle?: string): Node {
  let state = EditorState.create({ doc });
  if (needle) {
    let at = -1;
    doc.descendants((n, pos) => { if (at < 0 && n.isText && n.text!.includes(needle)) at = pos + n.text!.indexOf(needle); });
    state = state.apply(state.tr.setSelection(TextSelection.create(doc, at, at + needle.length)));
  }
  let out: Node | null = null;
  expect(command(state, (tr) => { out = tr.doc; })).toBe(true);
  out!.check();
  return out!;
}

describe('delegate commands', () => {
  it('wraps the selection in a bracket sponsored by the delegation', () => {
    const out = run(base, wrapInBracket('KE', { id: 'k1' }), 'laws');
    expect(listBrackets(out).find((b) => b.id === 'k1')).toMatchObject({ kind: 'inline', text: 'laws', sponsors: ['KE'] });
  });

  it('is disabled on an empty selection', () => {
    expect(wrapInBracket('KE')(EditorState.create({ doc: base }))).toBe(false);
  });

  it('proposes existing wording for deletion with a delete bracket', () => {
    const out = run(base, proposeDeletion('US', { id: 'd1' }), 'shall');
    expect(listBrackets(out).find((b) => b.id === 'd1')?.markKind).toBe('delete');
  });

  it('brackets the whole block around the cursor', () => {
    const out = run(base, bracketBlock('KE', 'paragraph', 'bp'), 'Parties');
    expect(listBrackets(out).find((b) => b.id === 'bp')).toMatchObject({ kind: 'block', sponsors: ['KE'] });
  });

  it('turns a bracket into an inline alternatives group with the new wording', () => {
    const out = run(base, proposeAlternative('US', 'enact', { group: 'g', bracket: 'u1' }), 'adopt');
    const brackets = listBrackets(out);
    expect(brackets.find((b) => b.id === 'b1')?.group).toBe('g');
    // The separating space is part of the new wording: the proposer adds nothing to the agreed text.
    expect(brackets.find((b) => b.id === 'u1')).toMatchObject({ group: 'g', text: ' enact', sponsors: ['US'] });
  });

  it('turns a block into an alternatives node when nothing is selected', () => {
    let state = EditorState.create({ doc: base });
    state = state.apply(state.tr.setSelection(TextSelection.create(base, 20)));
    let out: Node | null = null;
    expect(proposeAlternative('US', '', { alternatives: 'alt1', option: 'o2' })(state, (tr) => { out = tr.doc; })).toBe(true);
    out!.check();
    const alt = listBrackets(out!).find((b) => b.id === 'alt1');
    expect(alt?.options?.map((o) => o.sponsors)).toEqual([[], ['US']]);
  });

  it('adds a co-sponsor to someone else\'s bracket once', () => {
    const out = run(base, coSponsor('b1', 'KE'));
    expect(listBrackets(out).find((b) => b.id === 'b1')?.sponsors).toEqual(['FR', 'KE']);
    expect(coSponsor('b1', 'KE')(EditorState.create({ doc: out }))).toBe(false);
  });

  it('adds, answers and resolves a comment thread', () => {
    let doc = run(base, addComment({ id: 'c1', delegation: 'FR', author: 'fr1', text: 'Why?', target: 'b1' }));
    doc = run(doc, replyToComment('c1', { id: 'c2', delegation: 'US', author: 'us1', text: 'Because.' }));
    doc = run(doc, setCommentStatus('c1', 'resolved'));
    const [thread] = listComments(doc);
    expect(thread).toMatchObject({ id: 'c1', status: 'resolved', target: 'b1' });
    expect(thread.replies.map((r) => r.text)).toEqual(['Because.']);
  });
});
