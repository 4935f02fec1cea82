/**
 * The editor in Chromium against the server's limits: a paste above the update limit is stopped
 * before it enters the shared text, with a plain message and no reconnect; a change that reaches
 * the Y.Doc anyway is never sent, and the editor reopens the shared text once (no loop).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDocument } from './helpers/browser.ts';
import { useBrowserAndServer, type OpenedEditor } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openAsChair(): Promise<{ chair: OpenedEditor; docId: string }> {
  const account = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
  const docId = await env.server.document(sampleTreaty(), 'Protocol');
  const chair = await openDocument(env.browser, env.server.url, account.token, docId);
  cleanups.push(() => chair.context.close());
  return { chair, docId };
}

async function logLength(docId: string): Promise<number> {
  return (await env.server.server.store.updatesAfter(docId, 0)).length;
}

const MB = 1024 * 1024;

describe('a change above the update limit', () => {
  it('pasted is stopped in the editor with a plain message, and nothing is sent', async () => {
    const { chair, docId } = await openAsChair();
    const before = await logLength(docId);
    await chair.page.click('.ProseMirror.treaty p, .ProseMirror.treaty .plain');
    await chair.page.evaluate((size: number) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'z'.repeat(size));
      window.__plenipo!.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, 5 * MB);
    await chair.page.waitForSelector('.edit-status:not([hidden])');
    expect(await chair.page.locator('.edit-status').textContent()).toBe('Your change is too large to send (5 MB; the limit is 4 MB).');
    expect(await chair.page.evaluate(() => window.__plenipo!.view.state.doc.textContent.includes('zzzz'))).toBe(false);
    expect(await chair.page.evaluate(() => window.__plenipo!.session.provider.wsconnected)).toBe(true);
    expect(await logLength(docId)).toBe(before);
  });

  it('that reaches the Y.Doc anyway is not sent, and the editor reopens the shared text once', async () => {
    const { chair, docId } = await openAsChair();
    const before = await logLength(docId);
    await chair.page.evaluate((size: number) => {
      const fragment = window.__plenipo!.session.ydoc.getXmlFragment('prosemirror');
      for (const node of fragment.createTreeWalker((n) => (n as { nodeName?: string }).nodeName === 'plain')) {
        const text = (node as unknown as { get(i: number): { insert(at: number, s: string): void; length: number } }).get(0);
        if (text && text.length > 0) {
          text.insert(0, 'y'.repeat(size));
          return;
        }
      }
    }, 5 * MB);
    await chair.page.waitForFunction(() => (window.__plenipoRecoveries ?? 0) >= 1);
    await chair.page.waitForFunction(() => window.__plenipo!.session.provider.synced);
    expect(await chair.page.evaluate(() => window.__plenipo!.view.state.doc.textContent.includes('yyyy'))).toBe(false);
    expect(await chair.page.evaluate(() => window.__plenipoRecoveries)).toBe(1);
    expect(await logLength(docId)).toBe(before);
  });
});
