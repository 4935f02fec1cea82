/**
 * The storage contract: what the server keeps (documents, their update logs and checkpoints,
 * accounts, versions, resolutions) behind one small interface, so that another backend only has
 * to pass `test/storage-contract.test.ts`. Times are epoch milliseconds.
 */
import type { ResolutionRecord } from '../../shared/api/index.ts';

export type { ResolutionRecord };

/** Roles of accounts. */
export const ROLES = ['delegate', 'chair', 'secretariat', 'observer'] as const;
/** What an account may do: a delegate edits, a chair resolves, a secretariat cuts versions, an observer reads. */
export type Role = (typeof ROLES)[number];

/** A person (or seat) that signs in with a token. `delegation` is a short code such as "FR" or "CHAIR". */
export interface Account {
  id: string;
  name: string;
  delegation: string;
  role: Role;
}

/** An account with its state, as the secretariat lists it. Times are epoch ms. */
export interface AccountDetails extends Account {
  createdAt: number;
  /** Last sign-in or sync connection, null when never used. */
  lastActiveAt: number | null;
  revoked: boolean;
  /** When the token stops signing in (an invitation link), null when it does not expire. */
  invitationExpiresAt: number | null;
}

/** What a token is worth: its account, or why it does not sign in. */
export type TokenCheck =
  | { status: 'ok'; account: Account }
  | { status: 'revoked' | 'expired'; account: Account }
  | { status: 'unknown' };

/** A revocation or rotation, which running servers act on by closing the account's connections. */
export interface AccountEvent {
  seq: number;
  accountId: string;
  kind: 'revoke' | 'rotate';
}

/** A document known to the server. `base` names the base text key, e.g. "convention-2001". */
export interface DocumentRecord {
  id: string;
  title: string;
  base: string | null;
  createdAt: number;
  sourceVersion: string | null;
}

/** One entry of a document's update log. */
export interface LoggedUpdate {
  seq: number;
  data: Uint8Array;
  accountId: string | null;
  createdAt: number;
}

/** An update to append to a log; `createdAt` defaults to now. */
export interface NewUpdate {
  data: Uint8Array;
  accountId: string | null;
  createdAt?: number;
}

/**
 * The account that owns a Yjs client id in a document: the first account whose stored update
 * brought structs under that id (or `SERVER_OWNER` for changes the server made). Nobody else may
 * write under it, so text cannot be attributed to another delegation.
 */
export interface ClientOwner {
  clientId: number;
  accountId: string;
}

/** The reserved owner of client ids the server writes under (imports, resolutions, restores); never an account id. */
export const SERVER_OWNER = '@server';

/** What `load` returns: updates to apply in order (checkpoint first, then the tail) and the last seq they cover. */
export interface LoadedDocument {
  updates: Uint8Array[];
  seq: number;
  /** Seq covered by the checkpoint (0 when there is none); `seq - checkpointSeq` is the tail length. */
  checkpointSeq: number;
}

/** A named snapshot of a document ("Rev.1"): its Yjs state and its ProseMirror JSON. */
export interface VersionRecord {
  id: string;
  docId: string;
  label: string;
  authorId: string;
  createdAt: number;
  state: Uint8Array;
  json: string;
}


/** Everything the server persists. Every method may be synchronous underneath but returns a promise. */
export interface DocumentStore {
  /** Create a document, optionally with its initial Yjs update (stored as seq 1). */
  createDocument(input: {
    id?: string;
    title: string;
    base?: string | null;
    sourceVersion?: string | null;
    initialUpdate?: Uint8Array;
    accountId?: string | null;
    createdAt?: number;
  }): Promise<DocumentRecord>;
  /** The document with this id, or null. */
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** All documents, oldest first. */
  listDocuments(): Promise<DocumentRecord[]>;

  /**
   * Append updates to a document's log in one transaction, together with the client-id bindings
   * `owners` (a client id already bound keeps its first owner); resolves with the last seq written.
   */
  append(docId: string, updates: NewUpdate[], owners?: ClientOwner[]): Promise<number>;
  /** Bind client ids of a document to owners; a client id already bound keeps its first owner. */
  bindClients(docId: string, owners: ClientOwner[]): Promise<void>;
  /** Every client-id binding of a document. */
  clientOwners(docId: string): Promise<ClientOwner[]>;
  /** The latest checkpoint (if any) followed by the log after it. */
  load(docId: string): Promise<LoadedDocument>;
  /** Record the merged state of all updates up to `seq`. The log itself is kept. */
  checkpoint(docId: string, seq: number, state: Uint8Array): Promise<void>;
  /** Log entries with seq > `afterSeq`, in order. */
  updatesAfter(docId: string, afterSeq: number): Promise<LoggedUpdate[]>;
  /** Log entries written at or before `time`, in order. */
  updatesUntil(docId: string, time: number): Promise<LoggedUpdate[]>;
  /** The document's state as it stood at `time`, as one merged Yjs update. */
  stateAt(docId: string, time: number): Promise<Uint8Array>;

  /**
   * Create an account with a fresh random token; the token is returned once and stored hashed.
   * With `invitationExpiresAt` (epoch ms) the token stops signing in at that time.
   */
  createAccount(input: { name: string; delegation: string; role: Role; id?: string; invitationExpiresAt?: number | null }): Promise<{ account: Account; token: string }>;
  /** The account whose token this is, or null (also when revoked or expired). */
  accountByToken(token: string): Promise<Account | null>;
  /** The account of a token, or why it does not sign in (unknown, revoked, expired). */
  checkToken(token: string): Promise<TokenCheck>;
  /** The account with this id, or null. */
  getAccount(id: string): Promise<Account | null>;
  /** All accounts, oldest first. */
  listAccounts(): Promise<Account[]>;
  /** All accounts with their state (revoked, invitation expiry, last activity), oldest first. */
  listAccountDetails(): Promise<AccountDetails[]>;
  /** Revoke an account (token and sessions end, an account event is recorded); false when unknown. */
  revokeAccount(id: string): Promise<boolean>;
  /** A new token for an account (old token and sessions end, an event is recorded); null when unknown. */
  rotateToken(id: string): Promise<string | null>;
  /** Record that the account was active now. */
  touchAccount(id: string): Promise<void>;
  /** Start a browser session of `ttlMs` for an account; its id is returned once and stored hashed. */
  createSession(accountId: string, ttlMs: number): Promise<{ id: string; expiresAt: number }>;
  /** The account of a live session, or null (expired, ended, or account revoked). */
  accountBySession(sessionId: string): Promise<Account | null>;
  /** End a session. */
  deleteSession(sessionId: string): Promise<void>;
  /** Account events (revocations, rotations) after `seq`, oldest first. */
  accountEventsAfter(seq: number): Promise<AccountEvent[]>;

  /** Store a version (the caller supplies id or gets a fresh one). */
  createVersion(input: Omit<VersionRecord, 'id' | 'createdAt'> & { id?: string; createdAt?: number }): Promise<VersionRecord>;
  /** The version with this id, or null. */
  getVersion(id: string): Promise<VersionRecord | null>;
  /** Versions of a document, oldest first. */
  listVersions(docId: string): Promise<VersionRecord[]>;
  /** Rename a version; resolves with the updated record or null when unknown. */
  renameVersion(id: string, label: string): Promise<VersionRecord | null>;
  /** Delete a version; resolves true when it existed. */
  deleteVersion(id: string): Promise<boolean>;

  /** Record a resolution. */
  addResolution(input: Omit<ResolutionRecord, 'id' | 'createdAt' | 'updateSeq' | 'details'> & { id?: string; createdAt?: number; updateSeq?: number | null; details?: ResolutionRecord['details'] }): Promise<ResolutionRecord>;
  /** Resolutions of a document, oldest first. */
  listResolutions(docId: string): Promise<ResolutionRecord[]>;

  /** Release the underlying resources. */
  close(): Promise<void>;
}
