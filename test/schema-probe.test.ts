import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { schema } from '../shared/schema/index.ts';

describe('probe', () => {
  it('round trips nested brackets', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'docinfo', attrs: { base: 'convention-2001', symbol: null, date: null, language: 'en' } },
        { type: 'title', content: [{ type: 'text', text: 'T' }] },
        { type: 'article', attrs: { id: 'a1', number: null, bracket: 'b9', sponsors: ['FR', 'US'] }, content: [
          { type: 'heading', content: [{ type: 'text', text: 'Definitions' }] },
          { type: 'plain', attrs: { id: 'p1', bracket: null, sponsors: null }, content: [
            { type: 'text', text: 'with ' },
            { type: 'text', text: 'ITU Membership', marks: [{ type: 'bracket', attrs: { id: 'b1', sponsors: ['FR'], group: null, kind: 'insert' } }, { type: 'bracket', attrs: { id: 'b2', sponsors: ['US'], group: null, kind: 'insert' } }] },
            { type: 'text', text: ' for Members', marks: [{ type: 'bracket', attrs: { id: 'b1', sponsors: ['FR'], group: null, kind: 'insert' } }] },
          ] },
        ] },
      ],
    };
    const node = schema.nodeFromJSON(json);
    node.check();
    const ydoc = new Y.Doc();
    const frag = ydoc.getXmlFragment('prosemirror');
    prosemirrorJSONToYXmlFragment(schema, node.toJSON(), frag);
    const back = yXmlFragmentToProsemirrorJSON(frag);
    const ydoc2 = new Y.Doc();
    Y.applyUpdate(ydoc2, Y.encodeStateAsUpdate(ydoc));
    const back2 = yXmlFragmentToProsemirrorJSON(ydoc2.getXmlFragment('prosemirror'));
    expect(schema.nodeFromJSON(back2).eq(node)).toBe(true);
    expect(schema.nodeFromJSON(back).toJSON()).toEqual(node.toJSON());
  });
});
