import { describe, it, expect } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { resolveBracket, resolveAllInArticle, resolveBracketCommand } from '../shared/resolution/index.ts';
import { treaty, preamble, article, heading, paragraph, subparagraph, item, plain, alternatives, option, br } from './helpers/bracket-builders.ts';

function text(doc: Node): string {
  return doc.textBetween(0, doc.content.size, '\n');
}

function resolved(doc: Node, id: string, action: 'keep' | 'drop' | 'choose', optionId?: string): Node {
  const out = resolveBracket(doc, id, action, optionId);
  out.check();
  return out;
}

const nested = treaty(
  article({ id: 'a1' }, heading('Definitions'),
    plain('open to States ', br('b1', 'FR')(br('b2', 'US')('with ITU Membership'), ' for Members'), '.')),
);

describe('resolving inline brackets', () => {
  it('keeps the words of a bracket and removes only its mark', () => {
    const out = resolved(nested, 'b1', 'keep');
    expect(text(out)).toContain('open to States with ITU Membership for Members.');
    const marks = new Set<string>();
    out.descendants((n) => { n.marks.forEach((m) => marks.add(m.attrs.id)); });
    expect([...marks]).toEqual(['b2']);
  });

  it('drops the outer bracket of a nested pair together with the inner one', () => {
    const out = resolved(nested, 'b1', 'drop');
    expect(text(out)).toContain('open to States.');
    let marks = 0;
    out.descendants((n) => { marks += n.marks.length; });
    expect(marks).toBe(0);
  });

  it('drops an inner bracket and leaves the outer one around the rest', () => {
    const out = resolved(nested, 'b2', 'drop');
    expect(text(out)).toContain('open to States for Members.');
  });

  it('chooses one bracket of an inline alternatives group and deletes the others', () => {
    const doc = treaty(article({ id: 'a1' }, heading('H'), plain('Parties ', br('s', 'FR', 'g1')('shall'), ' ', br('m', 'US', 'g1')('may'), ' adopt.')));
    expect(text(resolved(doc, 'g1', 'choose', 'm'))).toContain('Parties may adopt.');
    expect(text(resolved(doc, 'g1', 'choose', 's'))).toContain('Parties shall adopt.');
    expect(text(resolved(doc, 'm', 'choose'))).toContain('Parties may adopt.');
  });

  it('keeps one inline alternative without deleting the other', () => {
    const doc = treaty(article({ id: 'a1' }, heading('H'), plain('Parties ', br('s', 'FR', 'g1')('shall'), ' ', br('m', 'US', 'g1')('may'), ' adopt.')));
    const out = resolved(doc, 's', 'keep');
    expect(text(out)).toContain('Parties shall may adopt.');
    const ids = new Set<string>();
    out.descendants((n) => { n.marks.forEach((m) => ids.add(m.attrs.id)); });
    expect([...ids]).toEqual(['m']);
  });

  it('drops a whole inline alternatives group by its group id and refuses to keep it', () => {
    const doc = treaty(article({ id: 'a1' }, heading('H'), plain('Parties ', br('s', 'FR', 'g1')('shall'), ' ', br('m', 'US', 'g1')('may'), ' adopt.')));
    expect(text(resolved(doc, 'g1', 'drop'))).toContain('Parties adopt.');
    expect(() => resolveBracket(doc, 'g1', 'keep')).toThrow(/"g1" need "choose" or "drop"/);
  });

  it('chooses between a proposed deletion and a proposed replacement sharing a group', () => {
    const doc = treaty(article({ id: 'a1' }, heading('H'), plain('Parties ', br('d', 'KE', 'g2', 'delete')('shall'), br('i', 'KE', 'g2')('may'), ' adopt.')));
    expect(text(resolved(doc, 'g2', 'choose', 'i'))).toContain('Parties may adopt.');
    expect(text(resolved(doc, 'g2', 'choose', 'd'))).toContain('Parties shall adopt.');
  });

  it('refuses to choose in a bracket that is not in a group', () => {
    expect(() => resolveBracket(nested, 'b1', 'choose', 'x')).toThrow(RangeError);
  });

  it('names the unknown bracket', () => {
    expect(() => resolveBracket(nested, 'zz', 'keep')).toThrow(/"zz"/);
  });
});

describe('resolving block brackets', () => {
  const numbered = treaty(
    article({ id: 'a1' }, heading('Scope'),
      paragraph({ id: 'p1', bracket: 'bp', sponsors: ['KE'] }, plain({ id: 'x1', bracket: 'bx', sponsors: ['FR'] }, 'Only text.')),
      paragraph({ id: 'p2' }, plain({ bracket: 'bc', sponsors: ['US'] }, 'Chapeau:'), subparagraph(plain('a text')))),
  );

  it('keeps a block proposed for deletion by clearing its bracket kind too', () => {
    const doc = treaty(article({ id: 'a1' }, heading('H'), paragraph({ id: 'p1', bracket: 'bd', sponsors: ['KE'], bracketKind: 'delete' }, plain('Old words.'))));
    let attrs: Record<string, unknown> = {};
    resolved(doc, 'bd', 'keep').descendants((n) => { if (n.attrs.id === 'p1') attrs = n.attrs; });
    expect(attrs).toMatchObject({ bracket: null, sponsors: null, bracketKind: null });
    expect(text(resolved(doc, 'bd', 'drop'))).not.toContain('Old words.');
  });

  it('keeps a block by clearing its bracket attributes', () => {
    const out = resolved(numbered, 'bp', 'keep');
    expect(out.nodeAt(findPos(out, 'p1'))!.attrs.bracket).toBe(null);
  });

  it('drops the only plain of a numbered paragraph by removing the paragraph', () => {
    const out = resolved(numbered, 'bx', 'drop');
    expect(text(out)).not.toContain('Only text.');
    expect(findPos(out, 'p1')).toBe(-1);
  });

  it('drops the chapeau of a paragraph with subparagraphs by leaving an empty chapeau', () => {
    const out = resolved(numbered, 'bc', 'drop');
    expect(text(out)).not.toContain('Chapeau');
    expect(text(out)).toContain('a text');
  });

  it('drops the only plain of an item by removing the item', () => {
    const doc = treaty(article({ id: 'a1' }, heading('H'), paragraph(plain('p'), subparagraph(plain('s'), item(plain({ bracket: 'bi', sponsors: ['FR'] }, 'i text'))))));
    const out = resolved(doc, 'bi', 'drop');
    let items = 0;
    out.descendants((n) => { if (n.type.name === 'item') items++; });
    expect(items).toBe(0);
  });

  it('drops a whole bracketed article with the brackets inside it', () => {
    const doc = treaty(
      article({ id: 'a1', bracket: 'ba', sponsors: ['FR', 'US'] }, heading('Definitions'), plain('with ', br('b1', 'FR')('ITU'))),
      article({ id: 'a2' }, heading('Scope'), plain('text')),
    );
    const out = resolved(doc, 'ba', 'drop');
    expect(text(out)).not.toContain('Definitions');
    expect(text(out)).toContain('Scope');
  });
});

describe('resolving alternatives', () => {
  const doc = treaty(
    article({ id: 'a1' }, heading('H'),
      alternatives({ id: 'alt' },
        option({ id: 'o1', sponsors: ['FR'] }, paragraph(plain('Option one.'))),
        option({ id: 'o2', sponsors: ['US'] }, paragraph(plain('Option two.')), paragraph(plain('And more.'))),
        option({ id: 'o3', sponsors: ['KE'] }))),
  );

  it('replaces the alternatives by the chosen option', () => {
    const out = resolved(doc, 'alt', 'choose', 'o2');
    expect(text(out)).toContain('Option two.\nAnd more.');
    expect(text(out)).not.toContain('Option one');
  });

  it('chooses the empty option by deleting the alternatives', () => {
    const out = resolved(doc, 'alt', 'choose', 'o3');
    expect(text(out)).not.toContain('Option');
  });

  it('accepts an option id as the bracket to choose', () => {
    expect(text(resolved(doc, 'o1', 'choose'))).toContain('Option one.');
  });

  it('deletes the only alternatives of a preamble with the preamble', () => {
    const d = treaty(preamble(alternatives({ id: 'pa' }, option({ id: 'k', sponsors: ['FR'] }, plain('Recalling.')), option({ id: 'e', sponsors: ['US'] }))));
    const out = resolved(d, 'pa', 'choose', 'e');
    expect(out.childCount).toBe(2);
    expect(text(resolved(d, 'pa', 'choose', 'k'))).toContain('Recalling.');
  });
});

describe('resolving a whole article', () => {
  const doc = treaty(
    article({ id: 'a1' }, heading('H'),
      paragraph({ bracket: 'bp', sponsors: ['KE'] }, plain('one ', br('b1', 'FR')('two'), ' three')),
      plain('four ', br('b2', 'US')('five'), ' ', br('s', 'FR', 'g')('shall'), ' ', br('m', 'US', 'g')('may'))),
    article({ id: 'a2' }, heading('Other'), plain('x ', br('b3', 'FR')('y'))),
  );

  it('keeps every bracket of the article and leaves alternatives and other articles', () => {
    const out = resolveAllInArticle(doc, 'a1', 'keep');
    out.doc.check();
    expect(out.resolved.sort()).toEqual(['b1', 'b2', 'bp']);
    expect(out.skipped).toEqual(['g']);
    expect(text(out.doc)).toContain('one two three');
    expect(locateMarks(out.doc)).toEqual(['s', 'm', 'b3']);
  });

  it('drops every bracket of the article', () => {
    const out = resolveAllInArticle(doc, 'a1', 'drop');
    out.doc.check();
    expect(text(out.doc)).not.toContain('one');
    expect(text(out.doc)).toContain('four shall may');
  });
});

describe('the resolution command', () => {
  it('is enabled only for an existing bracket and dispatches a valid document', () => {
    const state = EditorState.create({ doc: nested });
    expect(resolveBracketCommand('nope', 'keep')(state)).toBe(false);
    let next = state;
    expect(resolveBracketCommand('b2', 'drop')(state, (tr) => { next = state.apply(tr); })).toBe(true);
    next.doc.check();
    expect(text(next.doc)).toContain('States for Members.');
  });
});

function findPos(doc: Node, id: string): number {
  let found = -1;
  doc.descendants((n, pos) => { if (n.attrs.id === id) found = pos; });
  return found;
}

function locateMarks(doc: Node): string[] {
  const ids: string[] = [];
  doc.descendants((n) => { n.marks.forEach((m) => { if (!ids.includes(m.attrs.id)) ids.push(m.attrs.id); }); });
  return ids;
}
