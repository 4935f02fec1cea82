/** Storage: the `DocumentStore` contract and its SQLite implementation. */
export { ROLES, SERVER_OWNER } from './types.ts';
export type {
  Role, Account, AccountDetails, AccountEvent, TokenCheck, ClientOwner, DocumentRecord, LoggedUpdate, NewUpdate, LoadedDocument, VersionRecord, ResolutionRecord, DocumentStore,
} from './types.ts';
export { SqliteStore, openSqliteStore } from './sqlite-store.ts';
export type { SqliteStoreOptions, SyncPolicy } from './sqlite-store.ts';
export { MIGRATIONS, migrate } from './migrations.ts';
export { SqliteAccounts } from './sqlite-accounts.ts';
export { stateAt, mergeMany } from './state-at.ts';
export { newToken, hashToken } from './tokens.ts';
