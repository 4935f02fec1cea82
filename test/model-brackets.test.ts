import { describe, it, expect } from 'vitest';
import { listBrackets, bracketCounts } from '../shared/model/index.ts';
import { treaty, h, art, para, p, alts, opt, br, em } from './helpers/builders.ts';

const fr = { id: 'b1', sponsors: ['FR'] };
const us = { id: 'b2', sponsors: ['US'] };

describe('listBrackets', () => {
  it('lists an inline bracket with its text, sponsors and article', () => {
    const doc = treaty(art({ id: 'a1' }, h('Scope'), para(p('with the ', br(fr, 'ITU Membership'), ' only'))));
    const [b] = listBrackets(doc);
    expect(b).toMatchObject({ id: 'b1', kind: 'inline', text: 'ITU Membership', sponsors: ['FR'], articleId: 'a1', articleNumber: '1', depth: 0 });
    expect(doc.textBetween(b.from, b.to)).toBe('ITU Membership');
  });

  it('lists nested brackets each once, outer first, the outer showing the inner', () => {
    const doc = treaty(art(h('x'), p(br(fr, br(us, 'ITU Membership'), ' for Members'))));
    const list = listBrackets(doc);
    expect(list.map((b) => [b.id, b.text, b.depth])).toEqual([
      ['b1', '[ITU Membership] for Members', 0],
      ['b2', 'ITU Membership', 1],
    ]);
  });

  it('joins one bracket spanning several text nodes', () => {
    const doc = treaty(art(h('x'), p('a ', br(fr, 'plain ', em('italic'), ' text'), ' b')));
    const list = listBrackets(doc);
    expect(list).toHaveLength(1);
    expect(list[0].text).toBe('plain italic text');
  });

  it('lists a bracketed block with its number', () => {
    const doc = treaty(art(h('x'), para(p('one')), para({ bracket: 'bb', sponsors: ['KE'] }, p('two'))));
    const [b] = listBrackets(doc);
    expect(b).toMatchObject({ id: 'bb', kind: 'block', text: '2 two', sponsors: ['KE'] });
  });

  it('lists an alternatives group with its options, an empty option included', () => {
    const doc = treaty(art(h('x'), alts({ id: 'g1' },
      opt({ id: 'o1', sponsors: ['FR'] }, p('shall')),
      opt({ id: 'o2', sponsors: ['US', 'KE'] }))));
    const [b] = listBrackets(doc);
    expect(b.kind).toBe('alternatives');
    expect(b.sponsors).toEqual(['FR', 'US', 'KE']);
    expect(b.options).toEqual([
      { id: 'o1', label: 'Option 1', text: 'shall', sponsors: ['FR'] },
      { id: 'o2', label: 'Option 2', text: '', sponsors: ['US', 'KE'] },
    ]);
  });

  it('reports the group of inline alternatives', () => {
    const doc = treaty(art(h('x'), p('Parties ', br({ id: 'x1', group: 'g' }, 'shall'), ' ', br({ id: 'x2', group: 'g' }, 'may'))));
    expect(listBrackets(doc).map((b) => b.group)).toEqual(['g', 'g']);
  });

  it('places brackets outside articles under no article', () => {
    const doc = treaty(p('Recital ', br(fr, 'new')));
    expect(listBrackets(doc)[0].articleId).toBeNull();
  });

  it('counts open brackets per article', () => {
    const doc = treaty(
      art({ id: 'a1' }, h('x'), p(br(fr, br(us, 'a')), ' ', br({ id: 'b3' }, 'b'))),
      art({ id: 'a2' }, h('y'), para({ bracket: 'bb' }, p('z'))),
      art({ id: 'a3' }, h('z'), p('clean')),
    );
    const counts = bracketCounts(doc);
    expect(counts.get('a1')).toBe(3);
    expect(counts.get('a2')).toBe(1);
    expect(counts.has('a3')).toBe(false);
  });

  it('numbers the paragraphs of an option as the document does', () => {
    const doc = treaty(art(h('x'), para(p('one')), alts({ id: 'g1' }, opt({ id: 'o1' }, para(p('two'))), opt({ id: 'o2' }))));
    expect(listBrackets(doc)[0].options![0].text).toBe('2 two');
  });
});
