/**
 * What an empty database gets on start: the fixture documents, and (unless disabled) demo
 * accounts — a chair, a secretariat, three delegations and an observer — with a login link each.
 */
import { FIXTURES, loadFixture } from '../fixtures/index.ts';
import type { Account, DocumentStore, Role } from './storage/types.ts';
import { importProseMirrorDocument } from './import-document.ts';
import { schema } from '../shared/schema/index.ts';
import { freezeNumbers } from '../shared/model/index.ts';

/** The JSON of fixture `key` as imported: a draft's numbering frozen. */
export function fixtureForImport(key: string, draft: boolean): unknown {
  const json = loadFixture(key);
  return draft ? freezeNumbers(schema.nodeFromJSON(json)).toJSON() : json;
}

/** The demo accounts created on an empty database. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ name: string; delegation: string; role: Role }> = [
  { name: 'Chair', delegation: 'CHAIR', role: 'chair' },
  { name: 'Secretariat', delegation: 'SECRETARIAT', role: 'secretariat' },
  { name: 'France', delegation: 'FR', role: 'delegate' },
  { name: 'Kenya', delegation: 'KE', role: 'delegate' },
  { name: 'United States', delegation: 'US', role: 'delegate' },
  { name: 'Observer (ICRC)', delegation: 'ICRC', role: 'observer' },
];

/** Import the fixture documents if the store has no document yet; resolves with how many were imported. */
export async function importFixturesIfEmpty(store: DocumentStore, log: (line: string) => void): Promise<number> {
  if ((await store.listDocuments()).length > 0) return 0;
  let imported = 0;
  for (const fixture of FIXTURES) {
    try {
      const record = await importProseMirrorDocument(store, {
        json: fixtureForImport(fixture.key, fixture.draft), title: fixture.title, base: fixture.base, sourceVersion: fixture.key,
      });
      log(`plenipo: imported fixture ${fixture.key} as ${record.id} (${record.title})`);
      imported += 1;
    } catch (error) {
      log(`plenipo: skipped fixture ${fixture.key}: ${(error as Error).message}`);
    }
  }
  return imported;
}

/** Create the demo accounts if the store has no account yet; resolves with each account and its token. */
export async function createDemoAccountsIfEmpty(store: DocumentStore): Promise<Array<{ account: Account; token: string }>> {
  if ((await store.listAccounts()).length > 0) return [];
  const created: Array<{ account: Account; token: string }> = [];
  for (const demo of DEMO_ACCOUNTS) created.push(await store.createAccount(demo));
  return created;
}
