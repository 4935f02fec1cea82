import { afterEach, describe, expect, it } from 'vitest';
import { firstPlain, firstPlainText, startTestServer, synced, whenDoc, type TestServer } from './server-helpers.ts';

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

describe('sync server', () => {
  it('sends a connecting client the stored document', async () => {
    test = await startTestServer();
    const { doc, provider } = test.connect('fr');
    await synced(provider);
    expect(firstPlainText(doc)).toBe('Each Party shall adopt such measures.');
  });

  it('makes two clients converge', async () => {
    test = await startTestServer();
    const a = test.connect('fr');
    const b = test.connect('ke');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    firstPlain(a.doc).insert(0, '[FR] ');
    firstPlain(b.doc).insert(firstPlainText(b.doc).length, ' [KE]');
    const expected = '[FR] Each Party shall adopt such measures. [KE]';
    await Promise.all([whenDoc(a.doc, () => firstPlainText(a.doc) === expected), whenDoc(b.doc, () => firstPlainText(b.doc) === expected)]);
    expect(firstPlainText(a.doc)).toBe(firstPlainText(b.doc));
  });
});
