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
