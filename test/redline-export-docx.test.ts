import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { schema } from '../shared/schema/index.ts';
import { redlineToDocx, documentToDocx, treatyParagraphs } from '../shared/export/index.ts';
import { paragraphText } from '../shared/export/docx/index.ts';
import { loadFixture } from '../fixtures/index.ts';
import { zipEntry } from './helpers/zip.ts';
import { rev1, rev2 } from './helpers/redline-samples.ts';
import { treaty, art, para, plain, preamble, closing, comments, comment, br, division, heading, subparagraph, item } from './helpers/redline-builders.ts';

const hasUno = spawnSync('sh', ['-c', 'command -v soffice && /usr/bin/python3 -c "import uno"'], { encoding: 'utf8' }).status === 0;
const fixture = (key: string) => schema.nodeFromJSON(loadFixture(key));
const DATE = '2026-01-15T10:00:00Z';

/** Rev.3: Rev.2 plus a proposed deletion, a nested bracket, an item and a comment anchored on words. */
function rev3(): Node {
  const anchor = schema.marks.anchor.create({ comment: 'c2' });
  const del = schema.marks.bracket.create({ id: 'b3', sponsors: ['KE'], kind: 'delete' });
  const outer = schema.marks.bracket.create({ id: 'b4', sponsors: ['FR'], kind: 'insert' });
  const inner = schema.marks.bracket.create({ id: 'b5', sponsors: ['US', 'KE'], kind: 'insert' });
  return treaty('Protocol on cybersecurity and cybercrime',
    preamble(plain('The Parties to this Protocol,')),
    division({ kind: 'chapter', numbering: 'roman' }, heading('Use of terms'),
      art('1', 'Definitions', para(plain('For the purposes of this Protocol:'), subparagraph(plain('"computer system" means any device'), item(plain('including its programs'))))),
      art('2', 'Illegal access', para(plain({ id: 'p2' }, 'Each Party ', schema.text('may adopt', [anchor]), ' such ', schema.text('legislative', [del]), ' measures as may be necessary.'))),
      art('4', 'Data interference', para(plain('Each Party shall criminalise the damaging of computer data ', br('b2', 'US', 'BR')('without right'), '.'))),
      art('3', 'Illegal interception', para(plain('Open to ', schema.text('ITU Membership', [outer, inner]), schema.text(' for Members', [outer]), '.')))),
    closing(plain('DONE at Geneva.')),
    comments(comment({ id: 'c1', target: 'p2', delegation: 'KE', status: 'resolved' }, plain('Should cover attempts.')),
      comment({ id: 'c2', delegation: 'FR', createdAt: '2026-01-10T09:00:00Z' }, plain('We prefer "shall".')),
      comment({ id: 'c3', delegation: 'US', replyTo: 'c2' }, plain('We do not.'))));
}

describe('redlineToDocx', () => {
  let xml: string;
  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = redlineToDocx(rev1(), rev3(), { author: 'UNODC Secretariat', date: DATE, versionLabel: 'Rev.1 → Rev.3' });
    xml = zipEntry(bytes, 'word/document.xml');
  });

  it('writes insertions and deletions as tracked revisions with author and date', () => {
    expect(xml).toMatch(/<w:ins [^>]*w:author="UNODC Secretariat"[^>]*w:date="2026-01-15T10:00:00Z"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="UNODC Secretariat"/);
    expect(xml).toMatch(/<w:delText[^>]*>shall<\/w:delText>/);
  });

  it('writes a moved article as moveFrom and moveTo with their named ranges', () => {
    expect(xml).toMatch(/<w:moveFromRangeStart w:id="(\d+)" w:name="move1"[^>]*\/>[\s\S]*<w:moveFromRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveToRangeStart w:id="(\d+)" w:name="move1"[^>]*\/>[\s\S]*<w:moveToRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveFrom [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">Article 4 – <\/w:t>/);
  });

  it('numbers provisions as the editor does and never as "1.a"', () => {
    const texts = treatyParagraphs(rev3()).map(paragraphText);
    expect(texts).toContain('1.\tFor the purposes of this Protocol:');
    expect(texts).toContain('a)\t"computer system" means any device');
    expect(texts).toContain('(i)\tincluding its programs');
    expect(texts.join('\n')).not.toMatch(/\b1\.a\b|c\.i/);
  });

  it('shows sponsors in superscript after a bracket and a proposed deletion struck through', () => {
    expect(xml).toMatch(/<w:rStyle w:val="Sponsors"\/><\/w:rPr><w:t xml:space="preserve">US, BR<\/w:t>/);
    expect(xml).toMatch(/<w:rStyle w:val="ProposedDeletion"\/><\/w:rPr><w:t xml:space="preserve">legislative<\/w:t>/);
    expect(zipEntry(bytes, 'word/styles.xml')).toMatch(/w:styleId="ProposedDeletion">.*?<w:strike\/>/);
    expect(treatyParagraphs(rev3()).map(paragraphText)).toContain('1.\tOpen to [[ITU Membership]US, KE for Members]FR.');
  });

  it('uses black Times New Roman treaty styles with hanging indents, no blue Calibri headings', () => {
    const styles = zipEntry(bytes, 'word/styles.xml');
    expect(styles).not.toMatch(/Calibri|2F5496|4472C4/);
    expect(styles).toMatch(/w:styleId="Heading2">.*?<w:keepNext\/>.*?<w:b\/><w:color w:val="000000"\/>/);
    expect(styles).toMatch(/w:styleId="Provision1">.*?<w:ind w:left="1134" w:hanging="567"\/>/);
  });

  it('writes member comments as Word comments on their words, replies in the thread', () => {
    const notes = zipEntry(bytes, 'word/comments.xml');
    expect(notes).toMatch(/<w:comment w:id="(\d+)" w:author="FR"[^>]*w:date="2026-01-10T09:00:00.000Z">.*We prefer &quot;shall&quot;\..*Reply — US: We do not\./);
    expect(xml).toMatch(/<w:commentRangeStart w:id="(\d+)"\/><w:ins[^>]*><w:r><w:t xml:space="preserve">may<\/w:t><\/w:r><\/w:ins><w:r><w:t xml:space="preserve"> adopt<\/w:t><\/w:r><w:commentRangeEnd w:id="\1"\/>/);
  });

  it('puts the symbol, version label and date in the header and the page number in the footer', () => {
    const header = zipEntry(documentToDocx(fixture('convention-2001'), { versionLabel: 'Base text' }), 'word/header1.xml');
    expect(header).toContain('ETS No. 185 · Base text');
    expect(header).toContain('2001-11-23');
    expect(zipEntry(bytes, 'word/footer1.xml')).toContain('<w:fldSimple w:instr=" PAGE ">');
  });

  it('prints the whole document in the plain export: division headings, text in divisions, annexes', () => {
    const law = fixture('model-law-2009');
    const text = zipEntry(documentToDocx(law), 'word/document.xml');
    expect(text).not.toContain('<w:ins ');
    const all = treatyParagraphs(law).map(paragraphText);
    expect(all.filter((t) => /^Chapter /i.test(t)).length).toBeGreaterThanOrEqual(4);
    let words = 0;
    law.descendants((n) => { if (n.isText) words += n.text!.split(/\s+/).filter(Boolean).length; return true; });
    const printed = all.join(' ').split(/\s+/).filter(Boolean).length;
    expect(printed).toBeGreaterThanOrEqual(words);
  });

  it('strips characters XML 1.0 forbids', () => {
    const d = treaty('Bad\u0001title', art('1', 'X\u0008', para(plain('a\uffffb'))));
    const out = zipEntry(documentToDocx(d), 'word/document.xml');
    expect(out).not.toMatch(/[\u0001\u0008\uffff]/);
    expect(out).toContain('ab');
  });
});

/** One soffice for every document: the paragraphs after Accept All and Reject All. */
describe.skipIf(!hasUno)('Word redlines in LibreOffice (skipped only when soffice or python3-uno is absent)', () => {
  const pairs: { name: string; from: Node; to: Node }[] = [
    { name: 'model-law-vs-convention', from: fixture('convention-2001'), to: fixture('model-law-2009') },
    { name: 'protocol-vs-convention', from: fixture('convention-2001'), to: fixture('protocol-2009') },
    { name: 'rev1-vs-rev3', from: rev1(), to: rev3() },
    { name: 'rev3-vs-rev2', from: rev3(), to: rev2() },
  ];
  let report: Record<string, { accept: string[]; reject: string[]; redlines: { type: string; author: string }[]; comments: { author: string; content: string; anchor: string }[] }>;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'plenipo-uno-'));
    try {
      const files = pairs.map((p) => {
        const file = join(dir, `${p.name}.docx`);
        writeFileSync(file, redlineToDocx(p.from, p.to, { date: DATE }));
        return file;
      });
      report = JSON.parse(execFileSync('/usr/bin/python3', ['test/tools/lo-tracked-changes.py', ...files], { encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 28 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  /** LibreOffice keeps the document's last paragraph mark: a trailing changed paragraph leaves one empty paragraph at the end. */
  const withoutTrailingEmpty = (list: string[]) => (list.length && list[list.length - 1] === '' ? list.slice(0, -1) : list);

  for (const p of pairs) {
    it(`Accept All gives the newer text and Reject All the older one, paragraph by paragraph: ${p.name}`, () => {
      const entry = report[`${p.name}.docx`];
      expect(entry.redlines.length).toBeGreaterThan(0);
      expect(withoutTrailingEmpty(entry.accept.map(norm))).toEqual(treatyParagraphs(p.to).map(paragraphText).map(norm));
      expect(withoutTrailingEmpty(entry.reject.map(norm))).toEqual(treatyParagraphs(p.from).map(paragraphText).map(norm));
      expect(withoutTrailingEmpty(entry.accept).filter((t) => !norm(t) || /^Article\s*–?\s*$/.test(norm(t)))).toEqual([]);
      expect(withoutTrailingEmpty(entry.reject).filter((t) => !norm(t) || /^Article\s*–?\s*$/.test(norm(t)))).toEqual([]);
    });
  }

  it('LibreOffice reads the member comments on their words', () => {
    const entry = report['rev1-vs-rev3.docx'];
    expect(entry.comments).toContainEqual(expect.objectContaining({ author: 'FR', anchor: 'may adopt' }));
  });
});
