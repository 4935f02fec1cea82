/** A real server with the permission guard, a bracketed treaty and helpers to edit it as an editor or by hand. */
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import { importProseMirrorDocument } from '../../server/import-document.ts';
import { createPermissionGuard, type GuardPath } from '../../server/sync/permission-guard.ts';
import { startTestServer, synced, type TestServer } from '../server-helpers.ts';
import { treaty, article, heading, paragraph, plain, br } from './bracket-builders.ts';

/** The test treaty: FR's inline bracket b1 nested with US's b2, KE's block bracket bp, a whole-article bracket ba. */
export function bracketedTreaty(): Node {
  return treaty(
    article({ id: 'a1' }, heading('Definitions'),
      plain({ id: 'x1' }, 'open to States ', br('b1', 'FR')(br('b2', 'US')('with ITU Membership'), ' for Members'), '.'),
      paragraph({ id: 'p1', bracket: 'bp', sponsors: ['KE'] }, plain('Only text.'))),
    article({ id: 'a2', bracket: 'ba', sponsors: ['US'] }, heading('Scope'), plain('Whole ', br('b3', 'FR')('article'), ' text.')),
  );
}

/** A decision of the guard, as observed. */
export interface Decision { path: GuardPath; reason: string | null }

/** Start a server with the permission guard and the bracketed treaty as its document. */
export async function startBracketServer(): Promise<TestServer & { decisions: Decision[]; nextDecision(path?: GuardPath): Promise<Decision> }> {
  const decisions: Decision[] = [];
  const waiters: Array<{ path?: GuardPath; resolve: (d: Decision) => void }> = [];
  const guard = createPermissionGuard({
    observe: (path, reason) => {
      const decision = { path, reason };
      decisions.push(decision);
      const index = waiters.findIndex((w) => !w.path || w.path === path);
      if (index >= 0) waiters.splice(index, 1)[0].resolve(decision);
    },
  });
  const test = await startTestServer({ updateGuard: guard });
  const record = await importProseMirrorDocument(test.server.store, { json: bracketedTreaty().toJSON(), title: 'Bracketed' });
  test.docId = record.id;
  return Object.assign(test, {
    decisions,
    nextDecision: (path?: GuardPath) => new Promise<Decision>((resolve) => waiters.push({ path, resolve })),
  });
}

/** The treaty held by a client's Y.Doc. */
export function treatyOf(doc: Y.Doc): Node {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('prosemirror'), schema);
}

/** Make `doc` hold `next`, as the editor binding does. */
export function editAs(doc: Y.Doc, next: Node): void {
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment('prosemirror'), next, { mapping: new Map(), isOMark: new Map() }));
}

/** Connect `who` and wait for the first sync. */
export async function join(test: TestServer, who: string) {
  const client = test.connect(who, { docId: test.docId });
  await synced(client.provider);
  return client;
}

/** Ids of the inline and block brackets of a treaty. */
export function bracketIds(doc: Node): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.attrs.bracket) ids.add(node.attrs.bracket);
    node.marks.forEach((m) => { if (m.type.name === 'bracket') ids.add(m.attrs.id); });
  });
  return [...ids].sort();
}

/** The first XmlText of the first `plain` of article a1 (holds b1/b2). */
export function definitionsText(doc: Y.Doc): Y.XmlText {
  const articleEl = doc.getXmlFragment('prosemirror').toArray().find((e) => e instanceof Y.XmlElement && e.nodeName === 'article') as Y.XmlElement;
  const plainEl = articleEl.toArray().find((e) => e instanceof Y.XmlElement && e.nodeName === 'plain') as Y.XmlElement;
  return plainEl.toArray().find((e) => e instanceof Y.XmlText) as Y.XmlText;
}

/** An HTTP request to the test document's API as account `who` (GET without a body, POST with one). */
export async function requestAs(test: Awaited<ReturnType<typeof startBracketServer>>, who: string, path: string, body?: unknown): Promise<Response> {
  return test.server.app.request(`/api/documents/${test.docId}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${test.tokens[who]}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
