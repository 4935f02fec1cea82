/**
 * The `plenipo` command line (`npm run -s plenipo -- <command>`), acting on the database at
 * PLENIPO_DB (default data/plenipo.db) or `--db FILE`:
 *
 *   user add --name N --delegation D --role R [--expires-in-hours H]
 *                                               create an account; the token is the last line (with
 *                                               --expires-in-hours it signs in only until then)
 *   user list                                   one account per line: id, role, delegation, name
 *                                               (and `revoked` for a revoked account)
 *   user revoke ACCOUNT_ID                      the account's token and sessions stop working; a
 *                                               running server closes its live connections within ~1 s
 *   user rotate ACCOUNT_ID                      a new token (the last line); the old one and every
 *                                               session stop working
 *   doc list                                    one document per line: id, base, title
 *   doc import FILE [--title T] [--base KEY]    import ProseMirror JSON (.json) or a plain-text /
 *                                               Markdown treaty; prints the new document id
 *   backup FILE                                 online copy of the database (the server may be
 *                                               running), checked; FILE must not exist
 *   restore FILE                                copy the backup FILE to the database path, which
 *                                               must not exist yet (never overwrites a database)
 *
 * Exit status 0 on success, 1 on a runtime error, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importTreaty } from '../../shared/import/index.ts';
import { importProseMirrorDocument } from '../import-document.ts';
import { openSqliteStore } from '../storage/sqlite-store.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { ROLES, type Role } from '../storage/types.ts';

const USAGE = `usage: plenipo [--db FILE] <command>
  user add --name N --delegation D --role ${ROLES.join('|')} [--expires-in-hours H]
  user list
  user revoke ACCOUNT_ID
  user rotate ACCOUNT_ID
  doc list
  doc import FILE [--title T] [--base KEY]
  backup FILE
  restore FILE`;

/** A mistake in the command line (exit status 2). */
class UsageError extends Error {}

/** Run the CLI with `argv` (without node and script); resolves with the exit status. */
export async function runCli(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' }, name: { type: 'string' }, delegation: { type: 'string' }, role: { type: 'string' },
        title: { type: 'string' }, base: { type: 'string' }, 'expires-in-hours': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const single = positionals[0] === 'backup' || positionals[0] === 'restore';
  if (values.help || positionals.length < 2) {
    (values.help ? out : err)(USAGE);
    return values.help ? 0 : 2;
  }
  const dbPath = values.db ?? process.env.PLENIPO_DB ?? 'data/plenipo.db';
  if (positionals[0] === 'restore') {
    try {
      const summary = restoreDatabase(positionals[1], dbPath);
      out(`Restored ${positionals[1]} to ${dbPath}: ${summary.documents} documents, ${summary.updates} logged updates, ${summary.accounts} accounts`);
      return 0;
    } catch (error) {
      err(`plenipo: ${(error as Error).message}`);
      return 1;
    }
  }
  let store;
  try {
    store = openSqliteStore(dbPath);
  } catch (error) {
    err(`plenipo: ${(error as Error).message}`);
    return 1;
  }
  try {
    if (single) {
      const summary = await backupDatabase(store, positionals[1]);
      out(`Backed up ${dbPath} to ${positionals[1]}: ${summary.documents} documents, ${summary.updates} logged updates, ${summary.accounts} accounts`);
      return 0;
    }
    const [noun, verb, ...rest] = positionals;
    const command = `${noun} ${verb}`;
    switch (command) {
      case 'user add': {
        const role = values.role as Role;
        if (!values.name || !values.delegation || !values.role) throw new UsageError('user add needs --name, --delegation and --role');
        if (!ROLES.includes(role)) throw new UsageError(`Unknown role ${JSON.stringify(values.role)} (expected one of ${ROLES.join(', ')})`);
        let invitationExpiresAt: number | null = null;
        if (values['expires-in-hours'] !== undefined) {
          const hours = Number(values['expires-in-hours']);
          if (!Number.isFinite(hours) || hours <= 0) throw new UsageError(`--expires-in-hours must be a number of hours above 0, not ${JSON.stringify(values['expires-in-hours'])}`);
          invitationExpiresAt = Date.now() + Math.round(hours * 3_600_000);
        }
        const { account, token } = await store.createAccount({ name: values.name, delegation: values.delegation, role, invitationExpiresAt });
        if (invitationExpiresAt) out(`The token signs in until ${new Date(invitationExpiresAt).toISOString()}.`);
        out(`Created account ${account.id}: ${account.name} (${account.delegation}, ${account.role}). Token (shown once):`);
        out(token);
        return 0;
      }
      case 'user list':
        for (const account of await store.listAccountDetails()) {
          out(`${account.id}\t${account.role}\t${account.delegation}\t${account.name}${account.revoked ? '\trevoked' : ''}`);
        }
        return 0;
      case 'user revoke': {
        const id = rest[0];
        if (!id) throw new UsageError('user revoke needs an ACCOUNT_ID (see user list)');
        const account = await store.getAccount(id);
        if (!account || !(await store.revokeAccount(id))) throw new RangeError(`Unknown account ${JSON.stringify(id)} (see user list)`);
        out(`Revoked account ${id}: ${account.name} (${account.delegation}). Its link and sessions no longer work; a running server closes its connections within a second.`);
        return 0;
      }
      case 'user rotate': {
        const id = rest[0];
        if (!id) throw new UsageError('user rotate needs an ACCOUNT_ID (see user list)');
        const token = await store.rotateToken(id);
        if (!token) throw new RangeError(`Unknown account ${JSON.stringify(id)} (see user list)`);
        out(`New token for account ${id}; the old one and every session of the account no longer work. Token (shown once):`);
        out(token);
        return 0;
      }
      case 'doc list':
        for (const doc of await store.listDocuments()) out(`${doc.id}\t${doc.base ?? '-'}\t${doc.title}`);
        return 0;
      case 'doc import': {
        const file = rest[0];
        if (!file) throw new UsageError('doc import needs a FILE');
        const source = readFileSync(file, 'utf8');
        let json: unknown;
        if (extname(file).toLowerCase() === '.json') {
          const parsedJson = JSON.parse(source) as { type?: string; doc?: unknown };
          json = parsedJson?.type === 'doc' ? parsedJson : parsedJson?.doc;
        } else {
          const result = importTreaty(source, { title: values.title, docinfo: { base: values.base ?? null } });
          for (const unplaced of result.unplaced) err(`warning: ${JSON.stringify(unplaced)}`);
          json = result.json;
        }
        const record = await importProseMirrorDocument(store, { json, title: values.title, base: values.base });
        out(record.id);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\n${USAGE}`);
      return 2;
    }
    err(`plenipo: ${(error as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await runCli(process.argv.slice(2));
}
