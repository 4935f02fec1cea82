/**
 * The dashboard totals of a stored version (brackets, options, open comments), computed from its
 * ProseMirror snapshot once and kept: a version's text never changes.
 */
import { schema } from '../../shared/schema/index.ts';
import { textProgress, type NegotiationCounts } from '../../shared/model/index.ts';
import type { VersionRecord } from '../storage/types.ts';

const cache = new Map<string, NegotiationCounts>();
const CACHE_LIMIT = 2000;

/** Brackets, options and open comments of `version`'s text. */
export function versionProgress(version: VersionRecord): NegotiationCounts {
  const known = cache.get(version.id);
  if (known) return known;
  const { brackets, options, comments } = textProgress(schema.nodeFromJSON(JSON.parse(version.json))).totals;
  const counts = { brackets, options, comments };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(version.id, counts);
  return counts;
}
