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
  /** What was decided, in words (recorded with the resolution); null for records older than it. */
  details?: ResolutionDescription | null;
}

/** An account as `GET /api/accounts` lists it (secretariat and chair). Times are epoch ms. */
export interface AccountSummary {
  id: string;
  name: string;
  delegation: string;
  role: 'delegate' | 'chair' | 'secretariat' | 'observer';
  /** Last sign-in or sync connection; null when the account was never used. */
  lastActiveAt: number | null;
  /** True once revoked: its link and sessions no longer work. */
  revoked: boolean;
  /** When its invitation link stops working; null for a link that does not expire. */
  invitationExpiresAt: number | null;
}

/** The answer of `POST /api/accounts`: the new account and its invitation link (shown once). */
export interface CreatedInvitation {
  account: AccountSummary;
  /** `https://host/login?token=...`: the link to send to the delegation. */
  inviteUrl: string;
  /** When the link stops working (epoch ms). */
  expiresAt: number;
}

/** The decision of a resolution: kept, dropped, an option chosen, an article's status set, a resolution undone. */
export type ResolutionDecision = 'kept' | 'dropped' | 'chose' | 'status' | 'undone';

/** A resolution as people read it: where, which words, the words around them, who proposed them, what was decided. */
export interface ResolutionDescription {
  /** The article the bracket was in (number as it read then), or null outside articles. */
  article: { id: string; number: string; heading: string } | null;
  /** The bracket's own words (for alternatives: every option, "Option 1: … / Option 2: …"). */
  text: string;
  /** A few words of the text on either side of the bracket. */
  context: { before: string; after: string };
  /** Delegations sponsoring the bracket (every option's, for alternatives). */
  sponsors: string[];
  decision: ResolutionDecision;
  /** For `chose`: the option chosen, counted from 1, and its words. */
  option?: { index: number; text: string } | null;
  /** For `status`: the article's new status (open, first-reading, second-reading, agreed). */
  status?: string | null;
}

/** An entry of `GET /api/documents/:id/resolutions`: the record, its description spread in, and who decided. */
export type ResolutionEntry = ResolutionRecord & ResolutionDescription & { account: { name: string; delegation: string } | null };
