/**
 * A malformed presence state cannot break the chair's editor in Chromium: sent by a raw client
 * (the server drops it), or handed to the editor as if a server had relayed it (the cursor plugin
 * skips it). Either way the chair's editor still shows the next remote edit, and a well-formed
 * remote cursor is still drawn.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { openDocument, editorText } from './helpers/browser.ts';
import { useBrowserAndServer, type OpenedEditor } from './helpers/browser-hooks.ts';
import { presenceFrame } from './helpers/raw-presence.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The chair's editor on a fresh sample treaty, and a secretariat member editing it from Node. */
async function chairAndRemote(): Promise<{ chair: OpenedEditor; remote: { doc: Y.Doc; provider: WebsocketProvider }; docId: string }> {
  const chairAccount = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
  const secretariat = await env.server.account('Secretariat', 'SEC', 'secretariat');
  const docId = await env.server.document(sampleTreaty(), 'Protocol');
  const chair = await openDocument(env.browser, env.server.url, chairAccount.token, docId);
  cleanups.push(() => chair.context.close());
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${env.server.url.replace('http', 'ws')}/sync`, docId, doc, {
    params: { token: secretariat.token }, WebSocketPolyfill: WebSocket as never, disableBc: true,
  });
  cleanups.push(() => provider.destroy());
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { chair, remote: { doc, provider }, docId };
}

/** Insert `words` at the start of the first text of the document, as a remote editor. */
function typeRemotely(doc: Y.Doc, words: string): void {
  const walker = doc.getXmlFragment('prosemirror').createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'plain');
  for (const plain of walker) {
    const text = (plain as Y.XmlElement).get(0);
    if (text instanceof Y.XmlText && text.length > 0) {
      text.insert(0, words);
      return;
    }
  }
  throw new RangeError('The document has no plain block with text');
}

const MALFORMED = { cursor: { anchor: null, head: null } };

describe('a malformed remote cursor', () => {
  it("sent by a raw client does not stop the chair's editor from showing the next remote edit", async () => {
    const { chair, remote, docId } = await chairAndRemote();
    const ke = await env.server.account('Wanjiru Kamau', 'KE', 'delegate');
    const socket = new WebSocket(`${env.server.url.replace('http', 'ws')}/sync/${docId}?token=${ke.token}`);
    cleanups.push(() => socket.terminate());
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(presenceFrame([{ client: 4242, clock: 1, state: MALFORMED }]));
    remote.provider.awareness.setLocalStateField('cursor', null);
    typeRemotely(remote.doc, 'Remote words. ');
    await chair.page.waitForFunction(() => window.__plenipo!.view.state.doc.textContent.includes('Remote words. '));
    expect(await editorText(chair.page)).toContain('Remote words. ');
  });

  it("relayed to the editor is skipped: the next remote edit shows and a well-formed cursor is still drawn", async () => {
    const { chair, remote } = await chairAndRemote();
    const errors: string[] = [];
    chair.page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    // As if a server had relayed the malformed state: put it straight into the chair's awareness.
    await chair.page.evaluate((state) => {
      const awareness = window.__plenipo!.session.awareness;
      awareness.states.set(4242, { ...state, user: { name: 'Forged', delegation: 'XX', color: '#123456' } });
      awareness.meta.set(4242, { clock: 1, lastUpdated: Date.now() });
      awareness.emit('change', [{ added: [4242], updated: [], removed: [] }, 'test']);
    }, MALFORMED);
    typeRemotely(remote.doc, 'Remote words. ');
    await chair.page.waitForFunction(() => window.__plenipo!.view.state.doc.textContent.includes('Remote words. '));
    // The secretariat's well-formed cursor, just after the words it typed.
    const text = (() => {
      for (const plain of remote.doc.getXmlFragment('prosemirror').createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === 'plain')) {
        const t = (plain as Y.XmlElement).get(0);
        if (t instanceof Y.XmlText && t.length > 0) return t;
      }
      throw new RangeError('no text');
    })();
    const at = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text, 5)));
    remote.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
    await chair.page.waitForSelector('.remote-caret-label:text-is("SEC")');
    await expect(chair.page.locator('.remote-caret-label:text-is("XX")').count()).resolves.toBe(0);
    expect(errors.filter((e) => e.includes('Caught error'))).toEqual([]);
  });
});
