/**
 * Shapes of the HTTP API's answers that both the server (which builds them) and the client
 * (which reads them) name. Types only: no code.
 */

/** A Version as the API lists it (no state, no JSON). */
export interface VersionSummary {
  id: string;
  docId: string;
  label: string;
  createdAt: number;
  author: { id: string; name: string | null; delegation: string | null };
}

/** A chair's resolution of a bracket or an alternative, recorded with the text before and after. */
export interface ResolutionRecord {
  id: string;
  docId: string;
  bracketId: string;
  action: string;
  optionId: string | null;
  accountId: string;
  createdAt: number;
  beforeText: string;
  afterText: string;
  /** Log seq of the update that carried the change; null when unknown (older records, no change). */
  updateSeq: number | null;
}
