/**
 * Create a stored document from ProseMirror JSON: checked against the treaty schema, converted to
 * a Yjs update with y-prosemirror, and written as the first entry of the document's log.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { schema } from '../shared/schema/index.ts';
import type { DocumentRecord, DocumentStore } from './storage/types.ts';
import { PROSEMIRROR_ROOT } from './sync/update-check.ts';

/** The Yjs update that builds `json` (a ProseMirror doc valid under the treaty schema) from nothing. */
export function updateFromProseMirrorJSON(json: unknown): Uint8Array {
  const node = schema.nodeFromJSON(json);
  node.check();
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, node.toJSON(), ydoc.getXmlFragment(PROSEMIRROR_ROOT));
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/** The title of a treaty document: the text of its `title` node, or null. */
export function titleOfProseMirrorJSON(json: unknown): string | null {
  try {
    const node = schema.nodeFromJSON(json);
    let title: string | null = null;
    node.forEach((child) => {
      if (title === null && child.type.name === 'title') title = child.textContent.trim() || null;
    });
    return title;
  } catch {
    return null;
  }
}

/** The `base` attribute of the document's docinfo, or null. */
export function baseOfProseMirrorJSON(json: unknown): string | null {
  const content = (json as { content?: Array<{ type?: string; attrs?: { base?: unknown } }> })?.content;
  const base = content?.find((child) => child.type === 'docinfo')?.attrs?.base;
  return typeof base === 'string' ? base : null;
}

/** Import `json` as a new document; resolves with its record. Throws a RangeError for JSON the schema rejects. */
export async function importProseMirrorDocument(
  store: DocumentStore,
  input: { json: unknown; title?: string; base?: string | null; id?: string; sourceVersion?: string | null; accountId?: string | null },
): Promise<DocumentRecord> {
  let update: Uint8Array;
  try {
    update = updateFromProseMirrorJSON(input.json);
  } catch (error) {
    throw new RangeError(`Document is not valid under the treaty schema: ${(error as Error).message}`);
  }
  return store.createDocument({
    id: input.id,
    title: input.title ?? titleOfProseMirrorJSON(input.json) ?? 'Untitled',
    base: input.base ?? baseOfProseMirrorJSON(input.json),
    sourceVersion: input.sourceVersion ?? null,
    initialUpdate: update,
    accountId: input.accountId ?? null,
  });
}
