import { describe, it, expect } from 'vitest';
import { importTreaty, classify } from '../shared/import/index.ts';
import { articles, articleBlocks, plainText, listBrackets, listComments } from '../shared/model/index.ts';

/** Import a source and return the provisions of its first article as "label|text". */
function provisions(source: string): string[] {
  const { doc } = importTreaty(source);
  return articleBlocks(articles(doc)[0].node).map((b) => `${b.label}|${b.text}`);
}

describe('importer: headings', () => {
  it('reads "### Article  16" followed by a "####Heading" line', () => {
    const { doc } = importTreaty('####Convention\n\n### Article  16  \n\n####Expedited preservation\n\nText.\n');
    expect(articles(doc).map((a) => [a.number, a.heading])).toEqual([['16', 'Expedited preservation']]);
  });

  it('reads article lines with a dash, a colon, bold or italic wrapping', () => {
    const { doc } = importTreaty('# T\n\n### Article 1 – Definitions\n\n### **Article 2 – Illegal access**\n\n**Article 3 – Interception**\n\n#### Article 4: Data interference\n');
    expect(articles(doc).map((a) => a.heading)).toEqual(['Definitions', 'Illegal access', 'Interception', 'Data interference']);
  });

  it('does not take prose starting with "Article 5 limits" for an article', () => {
    expect(classify('Article 5 limits the jurisdiction to the most serious crimes.').line.kind).toBe('text');
  });

  it('nests chapters, sections and titles ("### CHAPTER  I", "SECTION 1", "*Title 2 – ...*")', () => {
    const { doc } = importTreaty('# T\n\n### CHAPTER  II\n\n####PROCEDURAL LAW\n\n### SECTION  1\n\n####Common\n\n*Title 2 – Preservation*\n\n### Article 16 – X\n\nText.\n');
    expect(articles(doc)[0].path).toEqual(['Chapter II', 'Section 1', 'Title 2']);
    expect(plainText(doc)).toContain('Chapter II – PROCEDURAL LAW');
  });

  it('keeps an explicit number only where position would give another one', () => {
    const { json } = importTreaty('# T\n\n### Article 1 – A\n\n### Article 2 – B\n\n### Article 14 – C\n\n### Article 15 – D\n');
    const numbers = (json.content as { type: string; attrs?: { number?: unknown } }[]).filter((n) => n.type === 'article').map((n) => n.attrs!.number);
    expect(numbers).toEqual([null, null, '14', null]);
  });
});

describe('importer: numbered provisions', () => {
  it('reads paragraphs written "1 ", "1." and "- 1 "', () => {
    expect(provisions('# T\n\n### Article 1 – X\n\n1 One\n\n2. Two\n\n- 3 Three\n').map((p) => p.split('|')[0])).toEqual(['1', '2', '3']);
  });

  it('reads sub-paragraphs written "a)", "(b)", "c." and "- d "', () => {
    expect(provisions('# T\n\n### Article 1 – X\n\nChapeau:\n\na) one\n\n(b) two\n\nc. three\n\n- d four\n')).toEqual(['|Chapeau:', 'a|one', 'b|two', 'c|three', 'd|four']);
  });

  it('reads roman items written "(i)", "ii.", "- iii " under their sub-paragraph', () => {
    expect(provisions('# T\n\n### Article 1 – X\n\n1 One\n\na) alpha\n\n(i) first\n\nii. second\n\n- iii third\n')).toEqual(['1|One', '1.a|alpha', '1.a.i|first', '1.a.ii|second', '1.a.iii|third']);
  });

  it('reads "(i)" after "(h)" as a letter, not a roman item', () => {
    const letters = 'abcdefghi'.split('').map((l) => `(${l}) ${l}`).join('\n\n');
    expect(provisions(`# T\n\n### Article 1 – X\n\n${letters}\n`).at(-1)).toBe('i|i');
  });

  it('reads numbered recommendations "1.1." with their number', () => {
    expect(provisions('# T\n\n### Article 1 – R\n\n1.1. First\n\n1.2. Second\n')).toEqual(['1.1|First', '1.2|Second']);
  });

  it('splits the closing text of a list merged into its last item with extra spaces', () => {
    expect(provisions('# T\n\n### Article 8 – Fraud\n\nBy:\n\na) input;\n\nb) interference with a system,   with fraudulent intent.\n'))
      .toEqual(['|By:', 'a|input;', 'b|interference with a system,', '|with fraudulent intent.']);
  });

  it('puts closing text one level up after the up directive', () => {
    expect(provisions('# T\n\n### Article 20 – X\n\n1 To:\n\na) collect\n\n(i) one\n\n(ii) two,\n\n<!-- up -->\n\ntraffic data.\n').at(-1)).toBe('1|traffic data.');
  });
});

describe('importer: noise', () => {
  it('skips page-break debris and footnote blocks, reporting them', () => {
    const { doc, unplaced } = importTreaty('# T\n\n### Article 1 – X\n\nText one.\n\n---\n\n<sup>4</sup> See www.itu.int\n\nText two.\n');
    expect(plainText(doc)).not.toMatch(/---|See www/);
    expect(unplaced.map((u) => [u.line, u.reason])).toEqual([[7, 'page break'], [9, 'footnote block']]);
  });

  it('removes footnote markers and keeps the text of Markdown links', () => {
    const { doc } = importTreaty('# T\n\nSee [www.coe.int](http://www.coe.int)<sup>42</sup> now.\n');
    expect(plainText(doc)).toContain('See www.coe.int now.');
  });

  it('rejoins a sentence split over a page break', () => {
    expect(provisions('# T\n\n### Article 2 – X\n\ncommitted by infringing security\n\n---\n\nmeasures, with intent.\n')).toEqual(['|committed by infringing security measures, with intent.']);
  });

  it('repairs TeX quotes, NBSP and a missing space after a comma', () => {
    expect(provisions('# T\n\n### Article 1 – X\n\n``computer system" under domestic law,when\u00a0committed\n')).toEqual(['|“computer system” under domestic law, when committed']);
  });

  it('turns *emphasis* into the em mark', () => {
    const { json } = importTreaty('# T\n\nby *inter alia*, adopting\n');
    expect(JSON.stringify(json)).toContain('{"type":"text","marks":[{"type":"em"}],"text":"inter alia"}');
  });
});

describe('importer: brackets and comments', () => {
  it('turns square brackets into bracket marks, nested ones too', () => {
    const { doc } = importTreaty('# T\n\n### Article 1 – X\n\nwith [[ITU Membership] for Members] and [international]{FR,US} bodies\n', { sponsors: ['HLEG'] });
    expect(listBrackets(doc).map((b) => [b.text, b.sponsors, b.depth])).toEqual([
      ['[ITU Membership] for Members', ['HLEG'], 0],
      ['ITU Membership', ['HLEG'], 1],
      ['international', ['FR', 'US'], 0],
    ]);
    expect(plainText(doc)).toContain('with [[ITU Membership] for Members] and [international] bodies');
  });

  it('reports an unbalanced bracket and keeps it as text', () => {
    const { doc, unplaced } = importTreaty('# T\n\nsee paragraph 3] above\n');
    expect(plainText(doc)).toContain('see paragraph 3] above');
    expect(unplaced[0].reason).toMatch(/unbalanced "\]"/);
  });

  it('makes italic members\' positions comments anchored to their recommendation', () => {
    const { doc } = importTreaty('# T\n\n### Article 1 – R\n\n1.1. First\n\n1.2. Second\n\n*Two members wished to delete this recommendation.*\n', { italicComments: true, commentDelegation: 'HLEG' });
    const [thread] = listComments(doc);
    expect(thread).toMatchObject({ text: 'Two members wished to delete this recommendation.', delegation: 'HLEG', status: 'open' });
    expect(doc.nodeAt(thread.pos!)!.attrs.number).toBe('1.2');
  });
});

describe('importer: what it cannot place', () => {
  it('reports a roman item outside any sub-paragraph', () => {
    const { unplaced } = importTreaty('# T\n\n### Article 1 – X\n\n1 One\n\n(ii) stray\n');
    expect(unplaced).toEqual([{ line: 7, text: 'stray', reason: 'item "ii" outside a sub-paragraph' }]);
  });

  it('reports an unknown directive', () => {
    const { unplaced } = importTreaty('# T\n\n<!-- sideways -->\n');
    expect(unplaced[0]).toMatchObject({ line: 3, reason: 'unknown directive "sideways"' });
  });

  it('reports the source title heading when the title is given as an option', () => {
    const { doc, unplaced } = importTreaty('# Source title\n\nText.\n', { title: 'Given' });
    expect(doc.child(1).textContent).toBe('Given');
    expect(unplaced).toEqual([{ line: 1, text: 'Source title', reason: 'heading before the first article' }]);
  });

  it('produces a schema-valid document from the unrepaired Convention file', async () => {
    const { readFileSync } = await import('node:fs');
    const raw = readFileSync(new URL('../../shared/convention/ets-185-convention-on-cybercrime.md', import.meta.url), 'utf8');
    const { doc, unplaced } = importTreaty(raw);
    expect(articles(doc)).toHaveLength(48);
    expect(unplaced).toEqual([]);
  });
});
