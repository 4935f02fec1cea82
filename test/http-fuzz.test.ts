import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bracketedTreaty } from './helpers/bracket-server.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { startTestServer, type TestServer } from './server-helpers.ts';
import { seededRandom as random } from './helpers/seeded-random.ts';


const SEED = Number(process.env.PLENIPO_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.PLENIPO_FUZZ_RUNS ?? 300);

let test: TestServer;
let versionId = 'ver_none';
beforeAll(async () => {
  // A loose sign-in limit, so that random bad tokens do not turn the rest of the run into 429s.
  test = await startTestServer({ loginLimits: { perAddress: 1e9, perPrefix: 1e9, prefixLength: 8, windowMs: 60_000 } });
  test.docId = (await importProseMirrorDocument(test.server.store, { json: bracketedTreaty().toJSON(), title: 'Bracketed' })).id;
  const cut = await test.server.app.request(`/api/documents/${test.docId}/versions`, {
    method: 'POST', headers: { authorization: `Bearer ${test.tokens.chair}`, 'content-type': 'application/json' }, body: '{"label":"Rev.1"}',
  });
  versionId = ((await cut.json()) as { id: string }).id;
});
afterAll(async () => {
  await test?.stop();
});

describe('HTTP fuzz', () => {
  it(`answers ${RUNS} random requests (routes, methods, headers, bodies) without a 5xx`, async () => {
    const next = random(SEED);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const junk = (length: number) => Array.from({ length }, () => String.fromCharCode(Math.floor(next() * 0x2fff))).join('');
    /** Printable bytes a header may carry. */
    const ascii = (length: number) => Array.from({ length }, () => String.fromCharCode(0x21 + Math.floor(next() * 0x5e))).join('');
    const doc = test.docId;
    const ids = [doc, doc, doc, doc, 'doc_nope', '', '%00', '..%2F..', 'x'.repeat(300), encodeURIComponent(junk(6))];
    const paths = () => {
      const id = pick(ids);
      return pick([
        '/healthz', '/login', `/login?token=${encodeURIComponent(pick([junk(8), test.tokens.fr, '']))}`, '/logout',
        '/api/me', '/api/documents', `/api/documents/${id}`, `/api/documents/${id}/brackets`, `/api/documents/${id}/text?view=${pick(['clean', 'bracketed', junk(3)])}&format=${pick(['html', 'text', junk(2)])}`,
        `/api/documents/${id}/brackets/${pick(['b1', 'b2', 'bp', 'ba', junk(4)])}/resolve`, `/api/documents/${id}/articles/${pick(['a1', 'a2', junk(3)])}/resolve`,
        `/api/documents/${id}/resolutions`, `/api/documents/${id}/resolutions/${junk(4)}/undo`,
        `/api/documents/${id}/versions`, `/api/documents/${id}/versions/${pick([versionId, junk(5)])}/restore`, `/api/documents/${id}/versions/${pick([versionId, junk(5)])}/fork`,
        `/api/documents/${id}/redline?from=${pick(['base', versionId, '2020-01-01', '2999-01-01T00:00:00Z', '2026-13-45', junk(4)])}&to=${pick(['current', versionId, junk(3)])}&format=${pick(['json', 'html', 'docx', 'akn', junk(2)])}`,
        `/api/documents/${id}/export?format=${pick(['akn', 'html', 'docx', junk(2)])}&version=${pick(['current', 'base', versionId, '2026-01-01', junk(3)])}`,
        '/api/accounts', `/api/accounts/${pick([test.accounts.ke.id, junk(5)])}/revoke`, `/sync/${id}`, `/${junk(5)}`,
        `/api/documents/${id}/versions/${pick([versionId, junk(5)])}`, '/api/documents', `/api/documents/${id}/articles`,
        `/api/documents/${id}/articles/${pick(['a1', 'a2', junk(3)])}/status`, `/api/documents/${id}/renumber`, `/api/documents/${id}/proposals`,
        `/api/documents/${id}/resolutions/summary?day=${pick(['2026-03-01', junk(3)])}&format=${pick(['html', 'docx', junk(2)])}`,
      ]);
    };
    const bodies = () => pick<() => string | undefined>([
      () => undefined,
      () => '',
      () => JSON.stringify({ action: pick(['keep', 'drop', 'choose', junk(3)]), optionId: pick([undefined, 5, junk(4)]) }),
      () => JSON.stringify({ label: pick(['Rev.2', '', 'L'.repeat(500), 7, null]) }),
      () => JSON.stringify({ title: pick(['Fork', 'T'.repeat(1000), ['x'], null]) }),
      () => JSON.stringify({ status: pick(['open', 'first-reading', 'agreed', junk(3), 3]) }),
      () => JSON.stringify({ text: junk(Math.floor(next() * 400)), title: pick(['New', '', 'T'.repeat(400)]), json: pick([{ type: 'doc' }, 5, null]) }),
      () => JSON.stringify({ name: junk(10), delegation: junk(3), role: pick(['delegate', 'chair', 'king']), expiresInHours: pick([1, -1, 1e9, 'x']) }),
      () => JSON.stringify(pick([[], null, 1, 'x', true, { a: { b: { c: [] } } }])),
      () => junk(Math.floor(next() * 200)),
      () => '{"action":',
    ])();
    const headerSets = (): Record<string, string> => {
      const headers: Record<string, string> = {};
      const token = pick([test.tokens.chair, test.tokens.chair, test.tokens.fr, test.tokens.observer, ascii(20), '']);
      if (next() < 0.9) headers.authorization = next() < 0.85 ? `Bearer ${token}` : pick([token, 'Basic abc', 'Bearer']);
      if (next() < 0.8) headers['content-type'] = next() < 0.6 ? 'application/json' : pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json; charset=utf-8', ascii(5)]);
      if (next() < 0.25) headers.origin = pick([test.server.url, 'http://127.0.0.1:1', 'null', 'https://evil.example']);
      if (next() < 0.3) headers['sec-fetch-site'] = pick(['same-origin', 'same-site', 'cross-site', 'none', 'bogus']);
      if (next() < 0.2) headers.cookie = pick([`plenipo_session=${ascii(10)}`, 'plenipo_session=', 'a=b; c']);
      return headers;
    };
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < RUNS; i++) {
      const method = pick(['GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
      const path = paths();
      const headers = headerSets();
      const body = method === 'GET' || method === 'HEAD' ? undefined : bodies();
      let status: number;
      try {
        const response = await fetch(`${test.server.url}${path}`, { method, headers, body, redirect: 'manual' });
        status = response.status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        await response.arrayBuffer();
      } catch (error) {
        failures.push(`#${i} ${method} ${path}: ${(error as Error).message}`);
        continue;
      }
      if (status >= 500) failures.push(`#${i} ${method} ${path} ${JSON.stringify(headers)} ${JSON.stringify(body)?.slice(0, 200)} → ${status}`);
    }
    if (process.env.PLENIPO_FUZZ_RUNS) console.log(`HTTP fuzz seed ${SEED}: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    if (failures.length) console.error(`HTTP fuzz failed with PLENIPO_SEED=${SEED} (PLENIPO_FUZZ_RUNS=${RUNS}):\n${failures.join('\n')}`);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect((await fetch(`${test.server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
