/**
 * The decorations that make the text read as a treaty: bracket glyphs in reading order (nested
 * brackets included), numbers on headings and blocks, option labels, and the typing fast path
 * giving the same result as a full recomputation.
 */
import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Decoration, DecorationSet } from 'prosemirror-view';
import { schema } from '../shared/schema/index.ts';
import { syntheticTreaty } from '../fixtures/synthetic.ts';
import { treatyDecorations, treatyDecorationsPlugin, treatyDecorationsKey } from '../client/editor/decorations.ts';

type Spec = { side?: number; key?: string; kind?: string };

/** The text of every textblock with "[" and "]" where the bracket widgets are. */
function bracketedText(doc: Node, set: DecorationSet): string[] {
  const lines: string[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'comments') return false;
    if (!node.isTextblock) return true;
    const start = pos + 1;
    const widgets = set.find(start, start + node.content.size).filter((d: Decoration) => d.from === d.to && (d.spec as Spec).key)
      .map((d: Decoration) => ({ at: d.from, side: (d.spec as Spec).side ?? 0, glyph: /^b?o:/.test((d.spec as Spec).key!) ? '[' : ']' }))
      .sort((a, b) => a.at - b.at || a.side - b.side);
    let out = '';
    let cursor = start;
    for (const w of widgets) {
      out += doc.textBetween(cursor, w.at, '', '*') + w.glyph;
      cursor = w.at;
    }
    lines.push(out + doc.textBetween(cursor, start + node.content.size, '', '*'));
    return false;
  });
  return lines;
}

const synthetic = () => schema.nodeFromJSON(syntheticTreaty());

describe('bracket glyphs', () => {
  it('read "[[ITU Membership] for Members]" for nested brackets', () => {
    const doc = synthetic();
    const lines = bracketedText(doc, treatyDecorations(doc));
    expect(lines.find((l) => l.includes('ITU'))).toContain('open to [[ITU Membership] for Members] and Parties [shall] [may] attend*.');
  });

  it('enclose a bracketed article from its heading to its last line', () => {
    const doc = synthetic();
    const lines = bracketedText(doc, treatyDecorations(doc));
    expect(lines).toContain('[Trans-border access');
    expect(lines).toContain('No Party shall access data stored in another Party without consent.]');
  });
});

describe('numbers and options', () => {
  it('label article headings, paragraphs and options', () => {
    const doc = synthetic();
    const attrs = treatyDecorations(doc).find().map((d) => (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs ?? {});
    const labels = attrs.map((a) => a['data-num']).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['Chapter I', 'Article 1', '1', 'a)', '(i)', 'Article 2bis']));
    expect(attrs.map((a) => a['data-label']).filter(Boolean)).toEqual(['Option 1', 'Option 2']);
  });
});

describe('typing', () => {
  it('updates one textblock and matches a full recomputation', () => {
    const doc = synthetic();
    let state = EditorState.create({ doc, plugins: [treatyDecorationsPlugin()] });
    let pos = -1;
    doc.descendants((node, at) => {
      if (pos < 0 && node.isText && node.text!.includes('Membership')) pos = at + node.text!.indexOf('Membership');
      return pos < 0;
    });
    expect(pos).toBeGreaterThan(0);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
    for (const ch of 'New ') state = state.apply(state.tr.insertText(ch));
    const fast = bracketedText(state.doc, treatyDecorationsKey.getState(state)!);
    expect(fast).toEqual(bracketedText(state.doc, treatyDecorations(state.doc)));
    expect(fast.find((l) => l.includes('ITU'))).toContain('[[ITU New Membership] for Members]');
  });
});
