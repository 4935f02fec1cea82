/**
 * Naming a text for a job. A time (`from`/`to` as an ISO time) is handed to the worker as the
 * document id and the time, so that rebuilding it from the log happens off the event loop; every
 * other reference (base, current, a version) is resolved here by `resolveText`, which is cheap,
 * and handed over as ProseMirror JSON.
 */
import { HTTPException } from 'hono/http-exception';
import type { DocumentRecord, DocumentStore, VersionRecord } from '../storage/types.ts';
import type { Rooms } from '../sync/rooms.ts';
import { resolveText } from '../versions/index.ts';
import type { JobRunner } from './runner.ts';
import type { JobText } from './tasks.ts';

const TIME_REF = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A job text for `ref` of `record` (base | current | version id | ISO time), with its version when it is one. */
export async function jobText(
  store: DocumentStore, rooms: Rooms, jobs: JobRunner, record: DocumentRecord, ref: string,
): Promise<{ text: JobText; version?: VersionRecord }> {
  if (TIME_REF.test(ref) && jobs.options.dbPath) {
    const time = Date.parse(ref);
    if (Number.isNaN(time)) throw new HTTPException(400, { message: `Invalid time ${JSON.stringify(ref)}` });
    if (time < record.createdAt) throw new HTTPException(400, { message: `Time ${ref} is before document ${JSON.stringify(record.id)} was created (${new Date(record.createdAt).toISOString()})` });
    await rooms.get(record.id)?.drain();
    const at = new Date(time).toISOString();
    return { text: { source: { docId: record.id, time }, side: { ref, label: `Text as of ${at}`, title: record.title, at } } };
  }
  const named = await resolveText(store, rooms, record, ref);
  return { text: { source: { json: named.doc.toJSON() }, side: named.side }, version: named.version };
}
