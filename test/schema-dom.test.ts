/**
 * Every node and mark attribute survives the DOM: each fixture (and the synthetic treaty, which
 * has every kind of bracket, alternatives and comments) is rendered with `DOMSerializer`, parsed
 * back with `DOMParser` in Chromium — as ProseMirror does when it re-reads the DOM — and compared
 * with `eq`. Issue 11 defect 2 came from the bracket mark's parseDOM reading only its id.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/browser.ts';
import { FIXTURES, loadFixture } from '../fixtures/index.ts';
import { syntheticTreaty } from '../fixtures/synthetic.ts';
import { schema } from '../shared/schema/index.ts';
import { sample } from './helpers/edit-samples.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `import { DOMSerializer, DOMParser } from 'prosemirror-model';
        import { schema } from './shared/schema/index.ts';
        window.roundTrip = (json) => {
          const doc = schema.nodeFromJSON(json);
          const dom = DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document });
          const host = document.createElement('div');
          host.appendChild(dom);
          const back = DOMParser.fromSchema(schema).parse(host, { preserveWhitespace: 'full' });
          return { same: back.eq(doc), back: back.toJSON() };
        };`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true, format: 'iife', write: false, platform: 'browser',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
}, 60_000);

afterAll(async () => { await browser?.close(); });

const documents: Array<[string, () => unknown]> = [
  ...FIXTURES.map((f) => [f.key, () => loadFixture(f.key)] as [string, () => unknown]),
  ['synthetic', () => syntheticTreaty()],
  ['edit-rules sample', () => sample().toJSON()],
  ['attribute corner cases', () => schema.nodes.doc.create(null, [
    schema.nodes.docinfo.create({ base: 'convention-2001', symbol: 'X/1', date: '2026-01-01', language: null }),
    schema.nodes.title.create(null, schema.text('T')),
    schema.nodes.division.create({ id: 'd1', kind: 'section', number: 'IV', numbering: 'roman' }, [
      schema.nodes.heading.create(null, schema.text('H')),
      schema.nodes.article.create({ id: 'a1', number: '2bis', status: 'second-reading', bracket: 'bk', sponsors: ['FR', 'KE'], bracketKind: 'delete' }, [
        schema.nodes.heading.create(null, schema.text('Art')),
        schema.nodes.plain.create({ id: 'p1' }, [
          schema.text('x', [schema.marks.bracket.create({ id: 'b1', sponsors: ['FR'], group: 'g1', kind: 'delete' }), schema.marks.anchor.create({ comment: 'c1' })]),
          schema.nodes.footnote.create({ id: 'f1', text: 'note "quoted"' }),
        ]),
      ]),
    ]),
    schema.nodes.comments.create(null, [
      schema.nodes.comment.create({ id: 'c1', target: 'a1', replyTo: 'c0', delegation: 'FR', author: 'Marie', status: 'resolved', createdAt: 1700000000000 }, schema.nodes.plain.create(null, schema.text('Comment'))),
    ]),
  ]).toJSON()],
];

describe('schema attributes in the DOM', () => {
  it.each(documents)('%s renders to the DOM and parses back equal', async (_name, make) => {
    const json = make();
    const result = await page.evaluate((j) => (window as unknown as { roundTrip: (j: unknown) => { same: boolean; back: unknown } }).roundTrip(j), json);
    if (!result.same) expect(result.back).toEqual(schema.nodeFromJSON(json).toJSON());
    expect(result.same).toBe(true);
  });
});
