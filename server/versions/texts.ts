/**
 * The texts a redline or an export can name: `base` (the document's base text fixture, e.g. the
 * 2001 Convention), `current` (the live text), a version id, or an ISO time (the text as it stood
 * then, rebuilt from the update log). Each resolves to a treaty node and a `RedlineSide`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { HTTPException } from 'hono/http-exception';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import type { RedlineSide } from '../../shared/redline/index.ts';
import type { DocumentRecord, DocumentStore, VersionRecord } from '../storage/types.ts';
import type { Rooms } from '../sync/rooms.ts';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';

const fixturesDir = new URL('../../fixtures/', import.meta.url);

/** A text of a document, ready to compare or export. */
export interface NamedText {
  doc: Node;
  side: RedlineSide;
  /** The version, when the text is one. */
  version?: VersionRecord;
  /** The Yjs state the text was read from (absent for a base text), for attribution. */
  state?: Uint8Array;
}

/** The treaty node of a Yjs state (an empty doc when the state holds no text yet). */
export function treatyOfState(state: Uint8Array): Node {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(PROSEMIRROR_ROOT), schema);
  } finally {
    ydoc.destroy();
  }
}

/** The ProseMirror JSON of a base text fixture `key` ("convention-2001"), or null when there is none. */
export async function loadBaseText(key: string): Promise<unknown | null> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(key)) throw new RangeError(`Invalid base text key ${JSON.stringify(key)}`);
  const registry = new URL('index.ts', fixturesDir);
  let json: unknown = null;
  if (existsSync(fileURLToPath(registry))) {
    const mod = (await import(pathToFileURL(fileURLToPath(registry)).href)) as { loadFixture?: (k: string) => unknown };
    try {
      json = mod.loadFixture ? await mod.loadFixture(key) : null;
    } catch {
      json = null;
    }
  }
  if (json == null) {
    const file = fileURLToPath(new URL(`${key}.json`, fixturesDir));
    if (!existsSync(file)) return null;
    json = JSON.parse(readFileSync(file, 'utf8'));
  }
  const value = json as { type?: string; doc?: unknown };
  return value?.type === 'doc' ? value : value?.doc ?? null;
}

/** The version `versionId` of document `docId`; HTTPException 404 when unknown or of another document. */
export async function versionOf(store: DocumentStore, docId: string, versionId: string): Promise<VersionRecord> {
  const version = await store.getVersion(versionId);
  if (!version || version.docId !== docId) throw new HTTPException(404, { message: `Unknown version ${JSON.stringify(versionId)} of document ${JSON.stringify(docId)}` });
  return version;
}

/**
 * Resolve `ref` (base | current | version id | ISO time) for `record` into a text.
 * HTTPException 404 for an unknown version or a document without base text, 400 for a time before
 * the document existed.
 */
export async function resolveText(store: DocumentStore, rooms: Rooms, record: DocumentRecord, ref: string): Promise<NamedText> {
  if (ref === 'current') {
    await rooms.get(record.id)?.drain();
    const ydoc = await rooms.snapshot(record.id);
    try {
      const state = Y.encodeStateAsUpdate(ydoc);
      return { doc: treatyOfState(state), state, side: { ref, label: 'Current text', title: record.title, at: new Date().toISOString() } };
    } finally {
      ydoc.destroy();
    }
  }
  if (ref === 'base') {
    if (!record.base) throw new HTTPException(404, { message: `Document ${JSON.stringify(record.id)} has no base text` });
    const json = await loadBaseText(record.base);
    if (!json) throw new HTTPException(404, { message: `Base text ${JSON.stringify(record.base)} of document ${JSON.stringify(record.id)} is not available` });
    const doc = schema.nodeFromJSON(json);
    return { doc, side: { ref, label: `Base text (${record.base})`, title: doc.childCount > 1 ? doc.child(1).textContent : record.base, at: null } };
  }
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(ref)) {
    const time = Date.parse(ref);
    if (Number.isNaN(time)) throw new HTTPException(400, { message: `Invalid time ${JSON.stringify(ref)}` });
    if (time < record.createdAt) throw new HTTPException(400, { message: `Time ${ref} is before document ${JSON.stringify(record.id)} was created (${new Date(record.createdAt).toISOString()})` });
    await rooms.get(record.id)?.drain();
    const state = await store.stateAt(record.id, time);
    const doc = treatyOfState(state);
    return { doc, state, side: { ref, label: `Text as of ${new Date(time).toISOString()}`, title: record.title, at: new Date(time).toISOString() } };
  }
  const version = await versionOf(store, record.id, ref);
  return { doc: treatyOfState(version.state), state: version.state, version, side: { ref, label: version.label, title: record.title, at: new Date(version.createdAt).toISOString() } };
}
