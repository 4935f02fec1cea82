/**
 * refuseEdit on documents as the server's precise path reads them: the text lives in a Y.Doc,
 * an edit arrives as the update y-prosemirror makes, and before and after are decoded from Yjs
 * separately (marks in y-prosemirror's order, no shared subtrees).
 */
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../shared/schema/index.ts';
import { refuseEdit } from '../shared/permissions/index.ts';
import { coSponsor } from '../shared/commands/index.ts';
import { EditorState } from 'prosemirror-state';
import { treaty, article, heading, plain, br } from './helpers/bracket-builders.ts';
import { FR, KE, US, at, bracket, edit } from './helpers/edit-samples.ts';

const nested = () => treaty(article({ id: 'a1' }, heading('Definitions'),
  plain({ id: 'x1' }, 'open to States ', br('b1', 'FR')(br('b2', 'US')('with ITU Membership'), ' for Members'), '.')));

/** A Y.Doc holding `doc`. */
function yDocOf(doc: Node): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, doc.toJSON(), ydoc.getXmlFragment('prosemirror'));
  return ydoc;
}

const read = (ydoc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment('prosemirror'), schema);

/** Apply `change` to the Y.Doc's text as the editor binding would; return before and after read back from Yjs. */
function throughYjs(start: Node, change: (doc: Node) => Node): { before: Node; after: Node } {
  const ydoc = yDocOf(start);
  const before = read(ydoc);
  const next = change(before);
  ydoc.transact(() => updateYFragment(ydoc, ydoc.getXmlFragment('prosemirror'), next, { mapping: new Map(), isOMark: new Map() }));
  return { before: read(yDocOf(before)), after: read(ydoc) };
}

describe('refuseEdit on documents read from Yjs', () => {
  it('allows co-sponsoring an outer bracket around another delegation\'s nested bracket', () => {
    const { before, after } = throughYjs(nested(), (doc) => {
      let out = doc;
      coSponsor('b1', 'KE')(EditorState.create({ doc }), (tr) => { out = tr.doc; });
      return out;
    });
    expect(refuseEdit(before, after, KE)).toBeNull();
  });

  it('allows a proposed insertion and refuses plain typing in agreed text', () => {
    const proposed = throughYjs(nested(), (doc) => edit(doc, (tr) => tr.insert(at(doc, 'States'), schema.text('all ', [bracket('n1', ['KE'])]))));
    expect(refuseEdit(proposed.before, proposed.after, KE)).toBeNull();
    const typed = throughYjs(nested(), (doc) => edit(doc, (tr) => tr.insert(at(doc, 'States'), schema.text('all '))));
    expect(refuseEdit(typed.before, typed.after, KE)?.detail).toMatch(/agreed text changes/);
  });

  it('refuses retyping the words of another delegation\'s nested bracket, and lets its sponsor do it', () => {
    const change = (doc: Node) => edit(doc, (tr) => tr.insert(at(doc, 'ITU'), schema.text('the ', doc.nodeAt(at(doc, 'ITU'))!.marks)));
    const { before, after } = throughYjs(nested(), change);
    expect(refuseEdit(before, after, FR)?.detail).toMatch(/bracket b2 sponsored by \[US\]: its words would change/);
    expect(refuseEdit(before, after, US)?.detail).toMatch(/bracket b1 sponsored by \[FR\]: its words would change/);
  });
});
