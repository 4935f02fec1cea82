/**
 * Browser-test set-up for a negotiation: FR and KE delegates and the chair, each in its own
 * browser context, on one new document; and what each of them and the server hold.
 */
import { expect } from 'vitest';
import type { Page, BrowserContext } from 'playwright-core';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/index.ts';
import { openDocument } from './browser.ts';
import type { BrowserAndServer } from './browser-hooks.ts';

/** One participant: its page, context and account. */
export interface Party {
  page: Page;
  context: BrowserContext;
  accountId: string;
  token: string;
}

/** The three participants of a negotiation test on document `docId`. */
export interface Negotiation {
  docId: string;
  fr: Party;
  ke: Party;
  chair: Party;
  all: Party[];
  /** The document as the server holds it now. */
  serverDoc(): Promise<Node>;
  close(): Promise<void>;
}

let serial = 0;

/** Create FR, KE and the chair, store `doc`, and open it in three contexts. */
export async function openNegotiation(env: BrowserAndServer, doc: Node): Promise<Negotiation> {
  const n = ++serial;
  const accounts = await Promise.all([
    env.server.account(`Marie Dupont ${n}`, 'FR', 'delegate'),
    env.server.account(`Wanjiru Kamau ${n}`, 'KE', 'delegate'),
    env.server.account(`Chair ${n}`, 'CHAIR', 'chair'),
  ]);
  const docId = await env.server.document(doc, 'Protocol');
  const opened = await Promise.all(accounts.map((a) => openDocument(env.browser, env.server.url, a.token, docId)));
  const [fr, ke, chair] = opened.map((o, i) => ({ ...o, accountId: accounts[i].id, token: accounts[i].token }));
  const serverDoc = async () => {
    const response = await fetch(`${env.server.url}/api/documents/${encodeURIComponent(docId)}`, { headers: { authorization: `Bearer ${chair.token}` } });
    if (!response.ok) throw new Error(`GET document ${docId}: ${response.status} ${await response.text()}`);
    const body = await response.json() as { doc: unknown };
    return schema.nodeFromJSON(body.doc);
  };
  return {
    docId, fr, ke, chair, all: [fr, ke, chair], serverDoc,
    close: async () => { await Promise.all(opened.map((o) => o.context.close())); },
  };
}

/** The document `page`'s editor holds now, as JSON. */
export function pageDoc(page: Page): Promise<unknown> {
  return page.evaluate(() => window.__plenipo!.view.state.doc.toJSON());
}

/** `json` (a ProseMirror document) as a string, each node's marks in one order (Yjs keeps overlapping marks unordered). */
export function canonical(json: unknown): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = sort(inner);
    if (Array.isArray(out.marks)) out.marks = (out.marks as unknown[]).map((m) => JSON.stringify(m)).sort().map((m) => JSON.parse(m));
    return out;
  };
  return JSON.stringify(sort(json));
}

/** Wait until every party's editor holds exactly the server's document (marks in any order); resolves with it. */
export async function converged(negotiation: Negotiation, timeout = 10_000): Promise<Node> {
  let server: Node | null = null;
  let pages: unknown[] = [];
  try {
    await expect.poll(async () => {
      server = await negotiation.serverDoc();
      const json = canonical(server.toJSON());
      pages = await Promise.all(negotiation.all.map((p) => pageDoc(p.page)));
      return pages.every((d) => canonical(d) === json);
    }, { timeout, interval: 50 }).toBe(true);
  } catch (error) {
    const json = canonical(server!.toJSON());
    const names = ['FR', 'KE', 'chair'];
    const differing = pages.map((d, i) => [names[i], canonical(d)] as const).filter(([, d]) => d !== json)
      .map(([name, d]) => {
        let at = 0;
        while (at < d.length && d[at] === json[at]) at++;
        return `${name} differs at ${at}: screen …${d.slice(Math.max(0, at - 80), at + 120)}… server …${json.slice(Math.max(0, at - 80), at + 120)}…`;
      });
    throw new Error(`The editors did not converge with the server: ${differing.join(' | ')}`, { cause: error });
  }
  return server!;
}

/** Permission-denied messages `page` received from the server. */
export function refusalsOf(page: Page): Promise<number> {
  return page.evaluate(() => window.__plenipoRefusals ?? 0);
}

/** Put the cursor right before (`edge` start) or after (`edge` end) the first occurrence of `text`. */
export async function cursorAt(page: Page, text: string, edge: 'start' | 'end' = 'end', offset = 0): Promise<void> {
  const ok = await page.evaluate(({ text, edge, offset }) => {
    const view = window.__plenipo!.view;
    let pos = -1;
    view.state.doc.descendants((node, at) => {
      if (pos >= 0) return false;
      if (!node.isTextblock) return true;
      const index = node.textContent.indexOf(text);
      if (index >= 0) pos = at + 1 + index + (edge === 'end' ? text.length : 0) + offset;
      return false;
    });
    if (pos < 0) return false;
    window.__plenipoBench!.setSelection(pos);
    return true;
  }, { text, edge, offset });
  if (!ok) throw new Error(`Text ${JSON.stringify(text)} is not in one line of the editor`);
}
