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
