/**
 * Browser-test helpers: build the client once (when dist/client is missing or stale), start the
 * real server on port 0 with a temporary SQLite file, create accounts and documents in its store,
 * and open a document in Debian's Chromium (one browser context per delegation).
 */
import { mkdtempSync, rmSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Node } from 'prosemirror-model';
import { startServer, type RunningServer } from '../../server/start.ts';
import { buildClientIfNeeded, clientNeedsBuild } from '../../server/build-client.ts';
import { importProseMirrorDocument } from '../../server/import-document.ts';
import type { Role } from '../../server/storage/types.ts';
import { sampleTreaty } from './sample-treaty.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lockDir = join(root, 'dist', '.client-build.lock');

/** Chromium flags for headless runs in containers and CI. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Build dist/client unless it is fresh. Test files run in parallel, so builds are serialised by a
 * lock folder; a waiting file re-checks freshness once it holds the lock.
 */
export async function ensureClientBuilt(): Promise<void> {
  if (!clientNeedsBuild()) return;
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than two minutes belongs to a dead run.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the client build lock ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await buildClientIfNeeded(() => {});
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Launch Debian's Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A real server on a loopback port with a temporary database. */
export interface TestServer {
  server: RunningServer;
  url: string;
  dbPath: string;
  /** Create an account; resolves with its id and token. */
  account(name: string, delegation: string, role: Role): Promise<{ id: string; token: string }>;
  /** Store `doc` as a new document; resolves with its id. */
  document(doc: Node | unknown, title?: string): Promise<string>;
  close(): Promise<void>;
}

/** Start the server (building the client first if needed). */
export async function startTestServer(options: { importFixtures?: boolean } = {}): Promise<TestServer> {
  await ensureClientBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'plenipo-browser-'));
  const dbPath = join(dir, 'plenipo.db');
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath, quiet: true, importFixtures: options.importFixtures ?? false });
  return {
    server,
    url: server.url,
    dbPath,
    async account(name, delegation, role) {
      const { account, token } = await server.store.createAccount({ name, delegation, role });
      return { id: account.id, token };
    },
    async document(doc, title) {
      const json = doc && typeof doc === 'object' && 'toJSON' in doc ? (doc as Node).toJSON() : doc;
      const record = await importProseMirrorDocument(server.store, { json, title });
      return record.id;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed-in page showing document `docId`, once the editor has mounted. */
export async function openDocument(browser: Browser, url: string, token: string, docId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`browser page error: ${error.message}`));
  await page.goto(`${url}/login?token=${encodeURIComponent(token)}`);
  await page.goto(`${url}/#/doc/${encodeURIComponent(docId)}`);
  await page.waitForSelector('.ProseMirror.treaty');
  return { context, page };
}

/** The text of the editor as the reader sees it (numbers and bracket glyphs are not in it). */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__plenipo!.view.state.doc.textContent);
}

/** Put the cursor at the end of the first line of text of article `index` (0-based). */
export async function focusArticle(page: Page, index: number): Promise<void> {
  const ok = await page.evaluate((i) => window.__plenipoBench!.focusArticle(i), index);
  if (!ok) throw new Error(`No article ${index} with text in the open document`);
}

/** Select the first occurrence of `text` in the editor (within one textblock). */
export async function selectText(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate((wanted) => window.__plenipoBench!.selectText(wanted), text);
  if (!ok) throw new Error(`Text ${JSON.stringify(text)} is not in the editor`);
}

/** FR and KE delegates with the sample treaty open, each in its own browser context. */
export interface TwoDelegations {
  docId: string;
  fr: Page;
  ke: Page;
  close(): Promise<void>;
}

/** Create FR and KE delegates and a fresh sample treaty, and open it in two contexts. */
export async function openTwoDelegations(browser: Browser, server: TestServer): Promise<TwoDelegations> {
  const [frAccount, keAccount] = await Promise.all([
    server.account('Marie Dupont', 'FR', 'delegate'),
    server.account('Wanjiru Kamau', 'KE', 'delegate'),
  ]);
  const docId = await server.document(sampleTreaty(), 'Protocol on Cybersecurity and Cybercrime');
  const [a, b] = await Promise.all([
    openDocument(browser, server.url, frAccount.token, docId),
    openDocument(browser, server.url, keAccount.token, docId),
  ]);
  return {
    docId,
    fr: a.page,
    ke: b.page,
    close: async () => { await Promise.all([a.context.close(), b.context.close()]); },
  };
}
