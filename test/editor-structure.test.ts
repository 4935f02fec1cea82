/**
 * Structural editing commands of the editor on plain ProseMirror states: Enter starts the next
 * numbered block, Tab / Shift-Tab move blocks between paragraph, sub-paragraph and item, new
 * articles and blocks get fresh ids, and split blocks never keep a duplicate id.
 */
import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { treaty, art, h, para, sub, item, p } from './helpers/builders.ts';
import { splitNumbered, indent, outdent, insertArticle, insertItem } from '../client/editor/structure.ts';
import { uniqueIdsPlugin } from '../client/editor/ids.ts';
import { numberLabels } from '../shared/model/index.ts';

function stateAt(doc: Node): EditorState {
  const tags = (doc as Node & { tag: Record<string, number> }).tag;
  return EditorState.create({ doc, selection: TextSelection.create(doc, tags.a), plugins: [uniqueIdsPlugin()] });
}

function run(command: Command, state: EditorState): EditorState {
  let next = state;
  const ok = command(state, (tr) => { next = state.apply(tr); });
  if (!ok) throw new Error(`Command refused at ${state.selection.from}: ${state.doc}`);
  return next;
}

const shape = (node: Node): unknown => node.isTextblock ? `${node.type.name}:${node.textContent}` : [node.type.name, ...node.content.content.map(shape)];
const articleShape = (state: EditorState, index = 0) => {
  const articles: Node[] = [];
  state.doc.descendants((n) => { if (n.type.name === 'article') articles.push(n); return n.type.name !== 'article'; });
  return shape(articles[index]);
};

describe('Enter', () => {
  it('starts the next paragraph, taking the text after the cursor with it', () => {
    const state = stateAt(treaty(art({ id: 'a' }, h('Scope'), para({ id: 'p1' }, p({ id: 'x' }, 'One.<a> Two.')))));
    const next = run(splitNumbered, state);
    expect(articleShape(next)).toEqual(['article', 'heading:Scope', ['paragraph', 'plain:One.'], ['paragraph', 'plain: Two.']]);
    expect([...numberLabels(next.doc).values()]).toEqual(['1', '1', '2']);
  });

  it('gives the new paragraph and its line fresh ids', () => {
    const state = stateAt(treaty(art({ id: 'a' }, h('Scope'), para({ id: 'p1' }, p({ id: 'x' }, 'One.<a>')))));
    const next = run(splitNumbered, state);
    const ids: string[] = [];
    next.doc.descendants((n) => { if (n.attrs.id) ids.push(String(n.attrs.id)); return true; });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(5);
  });

  it('in an article heading starts the article text', () => {
    const state = stateAt(treaty(art({ id: 'a' }, h('Scope<a>'), para({ id: 'p1' }, p('Text.')))));
    const next = run(splitNumbered, state);
    expect(articleShape(next)).toEqual(['article', 'heading:Scope', ['paragraph', 'plain:'], ['paragraph', 'plain:Text.']]);
  });
});

describe('indent and outdent', () => {
  it('Tab makes a paragraph a sub-paragraph of the paragraph before it', () => {
    const state = stateAt(treaty(art(h('S'), para(p('Intro:')), para(p('fi<a>rst')))));
    const next = run(indent, state);
    expect(articleShape(next)).toEqual(['article', 'heading:S', ['paragraph', 'plain:Intro:', ['subparagraph', 'plain:first']]]);
    expect(next.selection.$from.parent.textContent).toBe('first');
    expect(next.selection.$from.parentOffset).toBe(2);
  });

  it('Tab makes a sub-paragraph an item of the sub-paragraph before it', () => {
    const state = stateAt(treaty(art(h('S'), para(p('Intro:'), sub(p('a')), sub(p('b<a>'))))));
    const next = run(indent, state);
    expect(articleShape(next)).toEqual(['article', 'heading:S', ['paragraph', 'plain:Intro:', ['subparagraph', 'plain:a', ['item', 'plain:b']]]]);
  });

  it('Tab on an item is refused: items are the deepest level', () => {
    const state = stateAt(treaty(art(h('S'), para(p('I'), sub(p('a'), item(p('i<a>')))))));
    expect(indent(state)).toBe(false);
  });

  it('Shift-Tab lifts a sub-paragraph out of its paragraph, taking the blocks after it', () => {
    const state = stateAt(treaty(art(h('S'), para(p('Intro:'), sub(p('a<a>')), sub(p('b'))))));
    const next = run(outdent, state);
    expect(articleShape(next)).toEqual(['article', 'heading:S', ['paragraph', 'plain:Intro:'], ['paragraph', 'plain:a', ['subparagraph', 'plain:b']]]);
  });

  it('Shift-Tab on a paragraph is refused', () => {
    expect(outdent(stateAt(treaty(art(h('S'), para(p('x<a>'))))))).toBe(false);
  });

  it('indent then outdent gives back the same structure', () => {
    const state = stateAt(treaty(art(h('S'), para(p('one')), para(p('two<a>')))));
    const back = run(outdent, run(indent, state));
    expect(articleShape(back)).toEqual(articleShape(state));
  });
});

describe('new blocks', () => {
  it('a new article goes after the current one, with the cursor in its heading', () => {
    const state = stateAt(treaty(art({ id: 'a1' }, h('One'), para(p('x<a>'))), art({ id: 'a2' }, h('Two'), para(p('y')))));
    const next = run(insertArticle, state);
    expect(articleShape(next, 1)).toEqual(['article', 'heading:', ['paragraph', 'plain:']]);
    expect(next.selection.$from.parent.type.name).toBe('heading');
    expect([...numberLabels(next.doc).values()].filter((_, i) => i % 2 === 0)).toEqual(['1', '2', '3']);
  });

  it('a new item is only offered inside a sub-paragraph', () => {
    expect(insertItem(stateAt(treaty(art(h('S'), para(p('x<a>'))))))).toBe(false);
    const next = run(insertItem, stateAt(treaty(art(h('S'), para(p('I'), sub(p('a<a>')))))));
    expect(articleShape(next)).toEqual(['article', 'heading:S', ['paragraph', 'plain:I', ['subparagraph', 'plain:a', ['item', 'plain:']]]]);
  });
});

describe('block ids', () => {
  it('a pasted block without an id gets one, and existing blocks keep theirs', () => {
    const state = stateAt(treaty(art({ id: 'a' }, h('S'), para({ id: 'p1' }, p({ id: 'x' }, 'one<a>')))));
    const pasted = para(p('pasted'));
    const next = state.apply(state.tr.insert(state.doc.content.size, art(h('T'), pasted)));
    const ids: Array<string | null> = [];
    next.doc.descendants((n) => { if (n.type.spec.attrs && 'id' in n.type.spec.attrs && !n.isInline) ids.push(n.attrs.id); return true; });
    expect(ids.slice(0, 3)).toEqual(['a', 'p1', 'x']);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
