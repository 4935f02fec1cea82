/**
 * `npm run fixtures`: import the cleaned sources of fixtures/sources/ into fixtures/<key>.json and
 * print what the importer could not place. Golden Yjs files (fixtures/golden/) are written only
 * when missing; `--golden` rewrites them (do that only for a deliberate schema migration).
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { importTreaty, type ImportOptions } from './index.ts';
import { FIXTURES, fixturePath } from '../../fixtures/index.ts';
import { syntheticTreaty } from '../../fixtures/synthetic.ts';
import { encodeDocument, decodeDocument } from '../../fixtures/golden.ts';

/** How each fixture is imported: its cleaned source and import options. */
export const FIXTURE_SOURCES: Record<string, { source: string; options: ImportOptions }> = {
  'convention-2001': {
    source: 'sources/convention-2001.md',
    options: { docinfo: { base: null, symbol: 'ETS No. 185', date: '2001-11-23' } },
  },
  'model-law-2009': {
    source: 'sources/model-law-2009.md',
    options: { docinfo: { base: 'convention-2001', symbol: null, date: '2009-08' } },
  },
  'protocol-2009': {
    source: 'sources/protocol-2009.md',
    options: { docinfo: { base: 'convention-2001', symbol: null, date: '2009-08' } },
  },
  'hleg-wa1-2008': {
    source: 'sources/hleg-wa1-2008.md',
    options: { docinfo: { base: null, symbol: 'ITU/HLEG/2008/WA1', date: '2008' }, italicComments: true, commentDelegation: 'HLEG', sponsors: ['HLEG'] },
  },
};

/** Import one fixture from its cleaned source. */
export function buildFixture(key: string) {
  const spec = FIXTURE_SOURCES[key];
  if (!spec) throw new RangeError(`No source for fixture "${key}"`);
  return importTreaty(readFileSync(fixturePath(spec.source), 'utf8'), spec.options);
}

function main(argv: string[]): void {
  const rewriteGolden = argv.includes('--golden');
  const golden: Record<string, unknown> = { synthetic: syntheticTreaty() };
  for (const entry of FIXTURES) {
    const { json, unplaced } = buildFixture(entry.key);
    writeFileSync(fixturePath(entry.file), `${JSON.stringify(json, null, 1)}\n`);
    golden[entry.key] = json;
    console.log(`${entry.file}: ${unplaced.length} unplaced line(s)`);
    for (const u of unplaced) console.log(`  line ${u.line}: ${u.reason}: ${u.text.slice(0, 80)}`);
  }
  mkdirSync(fixturePath('golden/'), { recursive: true });
  for (const [name, json] of Object.entries(golden)) {
    const yjs = fixturePath(`golden/${name}.yjs`);
    if (existsSync(yjs) && !rewriteGolden) continue;
    const update = encodeDocument(json);
    writeFileSync(yjs, update);
    writeFileSync(fixturePath(`golden/${name}.json`), `${JSON.stringify(decodeDocument(update), null, 1)}\n`);
    console.log(`golden/${name}.yjs written (${update.length} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
