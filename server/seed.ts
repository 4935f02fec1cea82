/**
 * What an empty database gets on start: the fixture documents, and (unless disabled) demo
 * accounts — a chair, a secretariat, three delegations and an observer — with a login link each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Account, DocumentStore, Role } from './storage/types.ts';
import { importProseMirrorDocument } from './import-document.ts';

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A fixture as listed by fixtures/index.ts. */
interface FixtureEntry {
  key: string;
  title: string;
  file?: string;
  base?: string | null;
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

/** The ProseMirror doc inside a fixture file (the file is either the doc or `{ doc }`). */
function docOfFixture(json: unknown): unknown {
  const value = json as { type?: string; doc?: unknown };
  return value?.type === 'doc' ? value : value?.doc;
}

/** Fixtures from the registry in fixtures/index.ts when it exists, else every fixtures/*.json. */
async function listFixtures(): Promise<Array<{ key: string; title?: string; base?: string | null; load: () => Promise<unknown> }>> {
  const registryFile = join(fixturesDir, 'index.ts');
  if (existsSync(registryFile)) {
    const registry = (await import(pathToFileURL(registryFile).href)) as Record<string, unknown>;
    const entries = (registry.FIXTURES ?? registry.fixtures ?? registry.registry) as FixtureEntry[] | undefined;
    const loadFixture = registry.loadFixture as ((key: string) => unknown) | undefined;
    if (Array.isArray(entries) && loadFixture) {
      return entries.map((entry) => ({
        key: entry.key, title: entry.title, base: entry.base,
        load: async () => docOfFixture(await loadFixture(entry.key)),
      }));
    }
  }
  if (!existsSync(fixturesDir)) return [];
  return readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      key: basename(file, '.json'),
      load: async () => docOfFixture(JSON.parse(readFileSync(join(fixturesDir, file), 'utf8'))),
    }));
}

/** Import the fixture documents if the store has no document yet; resolves with how many were imported. */
export async function importFixturesIfEmpty(store: DocumentStore, log: (line: string) => void): Promise<number> {
  if ((await store.listDocuments()).length > 0) return 0;
  let imported = 0;
  for (const fixture of await listFixtures()) {
    try {
      const json = await fixture.load();
      if (!json) continue;
      const record = await importProseMirrorDocument(store, { json, title: fixture.title, base: fixture.base ?? undefined });
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
