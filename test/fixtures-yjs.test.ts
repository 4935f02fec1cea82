import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { schema } from '../shared/schema/index.ts';
import { listBrackets, listComments } from '../shared/model/index.ts';
import { FIXTURES, loadFixture, fixturePath } from '../fixtures/index.ts';
import { syntheticTreaty } from '../fixtures/synthetic.ts';
import { decodeDocument, encodeDocument, FRAGMENT } from '../fixtures/golden.ts';

const documents: [string, Record<string, unknown>][] = [
  // Through the schema, so attributes added since the fixture was imported carry their defaults.
  ...FIXTURES.map((f) => [f.key, schema.nodeFromJSON(loadFixture(f.key)).toJSON()] as [string, Record<string, unknown>]),
  ['synthetic', schema.nodeFromJSON(syntheticTreaty()).toJSON()],
];

describe('Yjs round trip', () => {
  it.each(documents)('%s goes to a Y.XmlFragment and back unchanged', (_name, json) => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment(FRAGMENT);
    prosemirrorJSONToYXmlFragment(schema, json, fragment);
    expect(schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(fragment)).toJSON()).toEqual(json);
  });

  it.each(documents)('%s survives encodeStateAsUpdate / applyUpdate into a fresh Y.Doc', (_name, json) => {
    expect(decodeDocument(encodeDocument(json))).toEqual(json);
  });

  it('keeps nested brackets, inline alternatives, block brackets and alternatives of the synthetic treaty', () => {
    const back = schema.nodeFromJSON(decodeDocument(encodeDocument(syntheticTreaty())));
    expect(listBrackets(back).map((b) => [b.id, b.kind, b.text])).toEqual([
      ['b_1', 'inline', '[ITU Membership] for Members'],
      ['b_2', 'inline', 'ITU Membership'],
      ['b_3', 'inline', 'shall'],
      ['b_4', 'inline', 'may'],
      ['b_5', 'block', 'a regional and international organizations;\ni first'],
      ['alt_1', 'alternatives', 'Option 1 [FR, DE]: 2 Each Party shall report annually.\nOption 2 [US]: [delete]'],
      ['b_6', 'block', 'Article 2bis – Trans-border access\nNo Party shall access data stored in another Party without consent.'],
    ]);
    expect(listComments(back)[0].replies.map((r) => r.id)).toEqual(['c_2']);
  });
});

describe('golden Yjs documents', () => {
  const names = readdirSync(fixturePath('golden/')).filter((f) => f.endsWith('.yjs')).map((f) => f.slice(0, -4));

  it('exist for every fixture and the synthetic treaty', () => {
    expect(names.sort()).toEqual([...FIXTURES.map((f) => f.key), 'synthetic'].sort());
  });

  it.each(names)('%s.yjs still decodes to its expected JSON', (name) => {
    const update = new Uint8Array(readFileSync(fixturePath(`golden/${name}.yjs`)));
    // Attributes added to the schema since the golden file was written decode to their defaults.
    const expected = schema.nodeFromJSON(JSON.parse(readFileSync(fixturePath(`golden/${name}.json`), 'utf8'))).toJSON();
    const decoded = decodeDocument(update);
    expect(decoded).toEqual(expected);
    expect(() => schema.nodeFromJSON(decoded).check()).not.toThrow();
  });
});
