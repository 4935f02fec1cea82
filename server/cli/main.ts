/**
 * The `plenipo` command line (`npm run -s plenipo -- <command>`), acting on the database at
 * PLENIPO_DB (default data/plenipo.db) or `--db FILE`:
 *
 *   user add --name N --delegation D --role R   create an account; the token is the last line
 *   user list                                   one account per line: id, role, delegation, name
 *   doc list                                    one document per line: id, base, title
 *   doc import FILE [--title T] [--base KEY]    import ProseMirror JSON (.json) or a plain-text /
 *                                               Markdown treaty; prints the new document id
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
import { ROLES, type Role } from '../storage/types.ts';

const USAGE = `usage: plenipo [--db FILE] <command>
  user add --name N --delegation D --role ${ROLES.join('|')}
  user list
  doc list
  doc import FILE [--title T] [--base KEY]`;

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
        title: { type: 'string' }, base: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length < 2) {
    (values.help ? out : err)(USAGE);
    return values.help ? 0 : 2;
  }
  const store = openSqliteStore(values.db ?? process.env.PLENIPO_DB ?? 'data/plenipo.db');
  try {
    const [noun, verb, ...rest] = positionals;
    const command = `${noun} ${verb}`;
    switch (command) {
      case 'user add': {
        const role = values.role as Role;
        if (!values.name || !values.delegation || !values.role) throw new UsageError('user add needs --name, --delegation and --role');
        if (!ROLES.includes(role)) throw new UsageError(`Unknown role ${JSON.stringify(values.role)} (expected one of ${ROLES.join(', ')})`);
        const { account, token } = await store.createAccount({ name: values.name, delegation: values.delegation, role });
        out(`Created account ${account.id}: ${account.name} (${account.delegation}, ${account.role}). Token (shown once):`);
        out(token);
        return 0;
      }
      case 'user list':
        for (const account of await store.listAccounts()) out(`${account.id}\t${account.role}\t${account.delegation}\t${account.name}`);
        return 0;
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
