/**
 * Vitest hooks shared by the browser tests: one browser and server per test file, and FR and KE
 * delegates opened afresh for each test. Kept apart from browser.ts, which the bench imports
 * outside vitest.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Node } from 'prosemirror-model';
import { launchChromium, startTestServer, openDocument, openTwoDelegations, type TestServer, type TwoDelegations } from './browser.ts';

/** The browser and server of a test file, readable once its `beforeAll` has run. */
export interface BrowserAndServer {
  readonly browser: Browser;
  readonly server: TestServer;
}

/**
 * Launch Chromium and start a test server before the file's tests, and close both after them.
 * Call at the top level of a test file; read `browser` and `server` inside tests and hooks.
 */
export function useBrowserAndServer(options: { importFixtures?: boolean } = {}): BrowserAndServer {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer(options)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useBrowserAndServer: the browser is read before beforeAll launched it');
      return browser;
    },
    get server() {
      if (!server) throw new Error('useBrowserAndServer: the server is read before beforeAll started it');
      return server;
    },
  };
}

/** The FR and KE pages of the current test, opened on a fresh sample treaty. */
export interface CurrentTwoDelegations {
  readonly pair: TwoDelegations;
  readonly fr: Page;
  readonly ke: Page;
}

/**
 * Open FR and KE on a fresh sample treaty before each test (with `env`'s browser and server) and
 * close both contexts after it. Call at the top level of a test file, after `useBrowserAndServer`.
 */
export function useTwoDelegations(env: BrowserAndServer): CurrentTwoDelegations {
  let pair: TwoDelegations | undefined;
  beforeEach(async () => {
    pair = await openTwoDelegations(env.browser, env.server);
  });
  afterEach(async () => {
    await pair!.close();
  });
  const current = (): TwoDelegations => {
    if (!pair) throw new Error('useTwoDelegations: the delegations are read before beforeEach opened them');
    return pair;
  };
  return {
    get pair() { return current(); },
    get fr() { return current().fr; },
    get ke() { return current().ke; },
  };
}

/** An editor page and its browser context, as `openDocument` returns them. */
export type OpenedEditor = Awaited<ReturnType<typeof openDocument>>;

/**
 * A new document holding `doc`, opened by the chair (on the brackets tab) and by KE's delegate:
 * the set-up of the chair's desk tests. Close both contexts at the end of the test.
 */
export async function openChairDesk(env: BrowserAndServer, doc: Node): Promise<{ docId: string; chair: OpenedEditor; ke: OpenedEditor }> {
  const chairAccount = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
  const keAccount = await env.server.account('Wanjiru Kamau', 'KE', 'delegate');
  const docId = await env.server.document(doc, 'Protocol');
  const chair = await openDocument(env.browser, env.server.url, chairAccount.token, docId);
  const ke = await openDocument(env.browser, env.server.url, keAccount.token, docId);
  await chair.page.click('.tab[data-tab="brackets"]');
  return { docId, chair, ke };
}
