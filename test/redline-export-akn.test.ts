import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Node } from 'prosemirror-model';
import { documentToAkn } from '../shared/export/index.ts';
import { listComments } from '../shared/model/index.ts';
import { loadFixture } from '../fixtures/index.ts';
import { schema } from '../shared/schema/index.ts';
import { rev1 } from './helpers/redline-samples.ts';
import { treaty, art, para, plain, preamble, alternatives, option, br, subparagraph, item, comments, comment, footnote } from './helpers/redline-builders.ts';

/** The Akoma Ntoso XSD beside the repository (from /work/main or from a worktree under /work/wt). */
const SCHEMA = [process.env.PLENIPO_AKN_XSD, resolve(import.meta.dirname, '../../shared/akn/akomantoso30.xsd'), resolve(import.meta.dirname, '../../../shared/akn/akomantoso30.xsd')]
  .find((p): p is string => !!p && existsSync(p)) ?? resolve(import.meta.dirname, '../../shared/akn/akomantoso30.xsd');
const dir = mkdtempSync(join(tmpdir(), 'plenipo-akn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Validate XML with xmllint against the Akoma Ntoso 3.0 schema; returns xmllint's report. */
function validate(xml: string, name: string): { ok: boolean; report: string } {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return { ok: run.status === 0, report: run.stderr };
}

const fixture = (key: string): Node => schema.nodeFromJSON(loadFixture(key));

describe('documentToAkn', () => {
  it('writes articles, paragraphs and points with the eIds of the Akoma Ntoso naming convention', () => {
    const xml = documentToAkn(rev1());
    expect(xml).toContain('<article eId="art_2"');
    expect(xml).toContain('<paragraph eId="art_2__para_1"');
    expect(xml).toContain('<point eId="art_1__para_1__list_1__point_a"');
    expect(xml).toContain('<chapter eId="chp_I">');
  });

  it('validates a text with inline, block and overlapping brackets, alternatives, comments and footnotes', () => {
    const d = treaty('Protocol',
      preamble(plain('Considering'), alternatives({ id: 'pa' }, option({ sponsors: ['FR'] }, plain('one')), option())),
      art('1', 'Scope', para(plain({ id: 'p1' }, 'with ', br('b1', 'FR')('ITU'), schema.text(' Membership', [schema.marks.bracket.create({ id: 'b1', sponsors: ['FR'] }), schema.marks.bracket.create({ id: 'b2', sponsors: ['US'] })]), br('b2', 'US')(' for Members'), footnote({ text: 'See HLEG report.' })),
        subparagraph(plain('a'), item(plain('i'))), plain('closing words'))),
      schema.nodes.article.create({ id: 'a2', bracket: 'b3', sponsors: ['KE'] }, [schema.nodes.heading.create(null, schema.text('Bracketed')), schema.nodes.plain.create(null, schema.text('x'))]),
      art('3', 'Alternatives', alternatives({ id: 'alt' }, option({ sponsors: ['US'] }, para('A')), option({ sponsors: ['FR'] }, para('B')))),
      comments(comment({ id: 'c1', target: 'p1', delegation: 'FR' }, plain('Too narrow.')), comment({ id: 'c2', replyTo: 'c1', delegation: 'US' }, plain('Agree.'))));
    const xml = documentToAkn(d);
    const result = validate(xml, 'brackets');
    expect(result.report).toContain('validates');
    expect(result.ok).toBe(true);
    expect(xml).toContain('<inline name="bracket" class="insert" refersTo="#br_b1 #dlg_FR">[ITU<inline name="bracket" class="insert" refersTo="#br_b2 #dlg_US">[ Membership</inline>]</inline>');
    expect(xml).toContain('<note eId="cmt_c1" class="comment open" refersTo="#dlg_FR" placementBase="art_1__para_1">');
  });

  it('validates the whole 2001 Convention', () => {
    const doc = fixture('convention-2001');
    const xml = documentToAkn(doc, { name: 'convention' });
    const result = validate(xml, 'convention');
    expect(result.report).toContain('validates');
    expect(xml).toContain('<article eId="art_48"');
    expect(xml.match(/<article /g)).toHaveLength(48);
  });

  it('validates the HLEG Work Area 1 text with its brackets and comments', () => {
    const doc = fixture('hleg-wa1-2008');
    const xml = documentToAkn(doc, { name: 'recommendations' });
    const result = validate(xml, 'hleg');
    expect(result.report).toContain('validates');
    expect(xml).toContain('<inline name="bracket"');
    expect(xml).toContain('<note ');
  });

  it('nests a bracket inside the bracket that encloses it', () => {
    const outer = schema.marks.bracket.create({ id: 'o', sponsors: ['FR'] });
    const inner = schema.marks.bracket.create({ id: 'i', sponsors: ['US'] });
    const d = treaty('T', art('1', 'Scope', para(plain(schema.text('ITU Membership', [outer, inner]), schema.text(' for Members', [outer])))));
    expect(documentToAkn(d)).toContain('<inline name="bracket" class="insert" refersTo="#br_o #dlg_FR">[<inline name="bracket" class="insert" refersTo="#br_i #dlg_US">[ITU Membership]</inline> for Members]</inline>');
  });

  it('takes the document type, issuing body, date and a unique Work IRI from each fixture, never today', () => {
    const works = new Set<string>();
    const expected: Record<string, [string, string, string]> = {
      'convention-2001': ['<act name="convention">', 'Council of Europe', '2001-11-23'],
      'hleg-wa1-2008': ['<doc name="report">', 'International Telecommunication Union', '2008-01-01'],
      'model-law-2009': ['<bill name="modelLaw">', 'Secretariat', '2009-08-01'],
      'protocol-2009': ['<bill name="protocol">', 'Secretariat', '2009-08-01'],
    };
    for (const [key, [element, issuer, date]] of Object.entries(expected)) {
      const xml = documentToAkn(fixture(key));
      expect(validate(xml, `meta-${key}`).ok).toBe(true);
      expect(xml).toContain(element);
      expect(xml).toContain(`<TLCOrganization eId="issuer" href="/ontology/organization/int/`);
      expect(xml).toContain(`showAs="${issuer}"`);
      const work = /<FRBRWork><FRBRthis value="[^"]*"\/><FRBRuri value="([^"]*)"/.exec(xml)![1];
      expect(work).toContain(`/${date}/`);
      expect(work).not.toContain(new Date().toISOString().slice(0, 10));
      works.add(work);
    }
    expect(works.size).toBe(4);
  });

  it('gives each version its own Expression of the same Work', () => {
    const a = documentToAkn(fixture('protocol-2009'), { date: '2026-01-15', version: 'Rev.1' });
    const b = documentToAkn(fixture('protocol-2009'), { date: '2026-02-20', version: 'Rev.2' });
    const uri = (xml: string, part: string) => new RegExp(`<${part}><FRBRthis value="[^"]*"/><FRBRuri value="([^"]*)"`).exec(xml)![1];
    expect(uri(a, 'FRBRWork')).toBe(uri(b, 'FRBRWork'));
    expect(uri(a, 'FRBRExpression')).not.toBe(uri(b, 'FRBRExpression'));
    expect(a).toContain('<FRBRversionNumber value="Rev.1"/>');
    expect(validate(a, 'rev1').ok).toBe(true);
  });

  it('gives every HLEG comment thread its noteRef at the end of the paragraph it targets', () => {
    const doc = fixture('hleg-wa1-2008');
    const xml = documentToAkn(doc);
    const threads = listComments(doc);
    expect(threads.length).toBeGreaterThan(10);
    for (const t of threads) {
      const id = `cmt_${t.id.replace(/_/g, '-')}`;
      expect(xml).toContain(`<note eId="${id}" class="comment ${t.status}"`);
      expect(xml.match(new RegExp(`<noteRef href="#${id}" class="comment"/>`, 'g'))).toHaveLength(1);
      const base = new RegExp(`<note eId="${id}"[^>]*placementBase="([^"]+)"`).exec(xml)![1];
      expect(xml).toMatch(new RegExp(`<paragraph eId="${base}"(?:(?!</paragraph>)[\\s\\S])*<noteRef href="#${id}" class="comment"/></p>`));
    }
  });

  it('places a reply at the note it answers and a comment on a bracket after the bracket', () => {
    const d = treaty('T', art('1', 'Scope', para(plain({ id: 'p1' }, 'Open to ', br('b1', 'FR')('ITU Members'), ' only.'))),
      comments(comment({ id: 'c1', target: 'b1', delegation: 'US' }, plain('Why?')), comment({ id: 'c2', replyTo: 'c1', delegation: 'FR' }, plain('Because.')), comment({ id: 'c3', replyTo: 'c2', delegation: 'US' }, plain('Fine.'))));
    const xml = documentToAkn(d);
    expect(xml).toContain('[ITU Members]</inline><noteRef href="#cmt_c1" class="comment"/> only.');
    expect(xml).toContain('<note eId="cmt_c2" class="comment reply open" refersTo="#dlg_FR" placementBase="cmt_c1"><p><noteRef href="#cmt_c1" class="inReplyTo"/>Because.</p></note>');
    expect(xml).toContain('placementBase="cmt_c2"><p><noteRef href="#cmt_c2" class="inReplyTo"/>Fine.</p></note>');
    expect(xml).not.toContain('href="#cmt_c2" class="comment"');
    expect(validate(xml, 'replies').ok).toBe(true);
  });

  it('groups alternatives: each later option points at the first with alternativeTo, inline alternatives by their group', () => {
    const shall = schema.marks.bracket.create({ id: 'b1', sponsors: ['FR'], kind: 'delete', group: 'g' });
    const may = schema.marks.bracket.create({ id: 'b2', sponsors: ['US'], group: 'g' });
    const d = treaty('T', art('1', 'Scope', para(plain('Each Party ', schema.text('shall', [shall]), ' ', schema.text('may', [may]), ' adopt.'))),
      art('2', 'Options', alternatives({ id: 'alt' }, option({ sponsors: ['US'] }, para('A')), option({ sponsors: ['FR'] }, para('B')), option())));
    const xml = documentToAkn(d);
    expect(xml).toContain('<inline name="bracket" class="delete" eId="inl_b1" refersTo="#br_b1 #dlg_FR">[shall]</inline> <inline name="bracket" class="insert" eId="inl_b2" alternativeTo="inl_b1" refersTo="#br_b2 #dlg_US">[may]</inline>');
    expect(xml).toContain('<hcontainer name="option" eId="art_2__hcontainer_alt__hcontainer_1" refersTo="#dlg_US">');
    expect(xml).toContain('<hcontainer name="option" eId="art_2__hcontainer_alt__hcontainer_2" alternativeTo="art_2__hcontainer_alt__hcontainer_1" refersTo="#dlg_FR">');
    expect(xml).toContain('<hcontainer name="option" eId="art_2__hcontainer_alt__hcontainer_3" alternativeTo="art_2__hcontainer_alt__hcontainer_1">');
    expect(validate(xml, 'alternatives').ok).toBe(true);
  });

  it('never writes characters XML 1.0 forbids', () => {
    const xml = documentToAkn(treaty('Bad\u0001title', art('1', 'X', para(plain('a\uffffb\u0008')))));
    expect(xml).not.toMatch(/[\u0001\u0008\uffff]/);
    expect(validate(xml, 'invalid-chars').ok).toBe(true);
  });
});
