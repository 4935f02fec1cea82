import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary, CreatedInvitation } from '../shared/api/index.ts';
import { nextClose, startTestServer, synced, type TestServer } from './server-helpers.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

/** Run the plenipo CLI in its own process on the test server's database; resolves with its stdout lines. */
async function plenipo(...args: string[]): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', '--db', test.dbPath, ...args], { cwd: root });
  return stdout.trimEnd().split('\n');
}

const url = (path: string) => `${test.server.url}${path}`;
const bearer = (token: string, path: string) => fetch(url(path), { headers: { authorization: `Bearer ${token}` } });
const postAs = (token: string, path: string, body: unknown) =>
  fetch(url(path), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Sign in with `token` as a browser does; resolves with the session cookie ("name=value"). */
async function signIn(token: string): Promise<string> {
  const response = await fetch(url(`/login?token=${encodeURIComponent(token)}`), { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.getSetCookie().find((line) => line.startsWith('plenipo_session='))!.split(';')[0];
}
const withCookie = (cookie: string, path: string) => fetch(url(path), { headers: { cookie } });

describe('revoking an account from the CLI, in another process than the server', () => {
  it('closes its live websocket at once, then its token and its session get 401', async () => {
    test = await startTestServer({ revocationPollMs: 100 });
    const cookie = await signIn(test.tokens.fr);
    const { provider } = test.connect('fr');
    await synced(provider);
    const closed = nextClose(provider);
    const lines = await plenipo('user', 'revoke', test.accounts.fr.id);
    expect(lines[0]).toMatch(/^Revoked account acc_/);
    expect(await closed).toEqual({ code: 4401, reason: 'Unauthorized: Access revoked' });
    const byToken = await bearer(test.tokens.fr, '/api/me');
    expect(byToken.status).toBe(401);
    expect(await byToken.json()).toEqual({ error: 'This access link was withdrawn by the secretariat' });
    expect((await withCookie(cookie, '/api/me')).status).toBe(401);
    expect((await bearer(test.tokens.ke, '/api/me')).status).toBe(200);
    expect(await plenipo('user', 'list')).toContain(`${test.accounts.fr.id}\tdelegate\tFR\tFrance\trevoked`);
  });

  it('names an unknown account id and exits 1', async () => {
    test = await startTestServer();
    await expect(plenipo('user', 'revoke', 'acc_nobody')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Unknown account "acc_nobody"') });
  });
});

describe('adding an account from the CLI', () => {
  it('gives an invitation expiry with --expires-in-hours, and names a bad value', async () => {
    test = await startTestServer();
    const lines = await plenipo('user', 'add', '--name', 'Brazil', '--delegation', 'BR', '--role', 'delegate', '--expires-in-hours', '2');
    expect(lines[0]).toMatch(/^The token signs in until \d{4}-/);
    const brazil = (await test.server.store.listAccountDetails()).find((a) => a.delegation === 'BR')!;
    expect(brazil.invitationExpiresAt! - Date.now()).toBeGreaterThan(119 * 60_000);
    expect((await bearer(lines[lines.length - 1], '/api/me')).status).toBe(200);
    await expect(plenipo('user', 'add', '--name', 'X', '--delegation', 'XX', '--role', 'delegate', '--expires-in-hours', 'soon'))
      .rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--expires-in-hours must be a number of hours above 0, not "soon"') });
  });
});

describe('rotating a token', () => {
  it('prints a new token that signs in; the old token and old sessions get 401 and live sockets close', async () => {
    test = await startTestServer({ revocationPollMs: 100 });
    const cookie = await signIn(test.tokens.ke);
    const { provider } = test.connect('ke');
    await synced(provider);
    const closed = nextClose(provider);
    const lines = await plenipo('user', 'rotate', test.accounts.ke.id);
    const token = lines[lines.length - 1];
    expect((await closed).code).toBe(4401);
    expect((await bearer(test.tokens.ke, '/api/me')).status).toBe(401);
    expect((await withCookie(cookie, '/api/me')).status).toBe(401);
    const me = await bearer(token, '/api/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(test.accounts.ke.id);
  });
});

describe('the sign-in page', () => {
  it('answers a bad link with 401 and an HTML page saying what to do', async () => {
    test = await startTestServer();
    const response = await fetch(url('/login?token=not-a-token'));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('This sign-in link is not valid');
    expect(page).toContain('Ask the secretariat for a new invitation link');
    expect(page).toContain('class="card sign-in"');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('says a revoked link was withdrawn and an expired invitation has expired', async () => {
    test = await startTestServer();
    await test.server.store.revokeAccount(test.accounts.us.id);
    const revoked = await fetch(url(`/login?token=${test.tokens.us}`));
    expect(revoked.status).toBe(401);
    expect(await revoked.text()).toContain('This access link was withdrawn');
    const { token } = await test.server.store.createAccount({ name: 'Late', delegation: 'LT', role: 'delegate', invitationExpiresAt: Date.now() - 1 });
    const expired = await fetch(url(`/login?token=${token}`));
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('This invitation link has expired');
    expect((await fetch(url('/login'))).status).toBe(401);
  });

  it('ends the session on /logout', async () => {
    test = await startTestServer();
    const cookie = await signIn(test.tokens.fr);
    expect((await withCookie(cookie, '/api/me')).status).toBe(200);
    const logout = await fetch(url('/logout'), { headers: { cookie }, redirect: 'manual' });
    expect(logout.status).toBe(302);
    expect((await withCookie(cookie, '/api/me')).status).toBe(401);
  });

  it('does not log out when another site asks', async () => {
    test = await startTestServer();
    const cookie = await signIn(test.tokens.fr);
    await fetch(url('/logout'), { headers: { cookie, 'sec-fetch-site': 'same-site' }, redirect: 'manual' });
    expect((await withCookie(cookie, '/api/me')).status).toBe(200);
  });
});

describe('the login rate limit', () => {
  it('answers 429 after too many failures from one address, even for a good token, while other addresses are not affected', async () => {
    test = await startTestServer({ loginLimits: { perAddress: 5, perPrefix: 100, prefixLength: 8, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect((await fetch(url(`/login?token=wrong${i}`))).status).toBe(401);
    const blocked = await fetch(url(`/login?token=${test.tokens.fr}`));
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('Too many sign-in attempts');
    const api = await bearer('wrong-again', '/api/me');
    expect(api.status).toBe(429);
    expect(await api.json()).toEqual({ error: 'Too many failed sign-in attempts; wait a minute and try again' });
  });

  it('does not count a revoked token retried again and again, so the rest of its network still signs in', async () => {
    test = await startTestServer({ loginLimits: { perAddress: 5, perPrefix: 5, prefixLength: 8, windowMs: 60_000 } });
    await test.server.store.revokeAccount(test.accounts.us.id);
    for (let i = 0; i < 20; i++) expect((await bearer(test.tokens.us, '/api/me')).status).toBe(401);
    expect((await bearer(test.tokens.ke, '/api/me')).status).toBe(200);
    expect((await fetch(url(`/login?token=${test.tokens.fr}`), { redirect: 'manual' })).status).toBe(302);
  });

  it('limits failures per token prefix', async () => {
    test = await startTestServer({ loginLimits: { perAddress: 100, perPrefix: 3, prefixLength: 8, windowMs: 60_000 } });
    const prefix = test.tokens.fr.slice(0, 8);
    for (let i = 0; i < 3; i++) expect((await bearer(`${prefix}guess${i}`, '/api/me')).status).toBe(401);
    expect((await bearer(test.tokens.fr, '/api/me')).status).toBe(429);
    expect((await bearer(test.tokens.ke, '/api/me')).status).toBe(200);
  });
});

describe('the accounts API', () => {
  it('lets the secretariat invite a delegation whose link signs in until it expires', async () => {
    test = await startTestServer();
    const { token: secretariat } = await test.server.store.createAccount({ name: 'Secretariat', delegation: 'SECRETARIAT', role: 'secretariat' });
    const created = await postAs(secretariat, '/api/accounts', { name: 'Brazil', delegation: 'BR', role: 'delegate', expiresInHours: 1 });
    expect(created.status).toBe(201);
    const invitation = (await created.json()) as CreatedInvitation;
    expect(invitation.account).toMatchObject({ name: 'Brazil', delegation: 'BR', role: 'delegate', revoked: false, lastActiveAt: null });
    expect(invitation.expiresAt - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(invitation.account.invitationExpiresAt).toBe(invitation.expiresAt);
    expect(invitation.inviteUrl.startsWith(`${test.server.url}/login?token=`)).toBe(true);
    const login = await fetch(invitation.inviteUrl, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const list = (await (await bearer(secretariat, '/api/accounts')).json()) as AccountSummary[];
    const brazil = list.find((a) => a.id === invitation.account.id)!;
    expect(brazil.lastActiveAt).toBeGreaterThan(0);
    expect(list.map((a) => a.delegation)).toEqual(expect.arrayContaining(['FR', 'KE', 'US', 'CHAIR', 'ICRC', 'SECRETARIAT', 'BR']));
  });

  it('revokes an account through the API, closing its live websocket at once', async () => {
    test = await startTestServer({ revocationPollMs: 60_000 });
    const { provider } = test.connect('us');
    await synced(provider);
    const closed = nextClose(provider);
    const response = await postAs(test.tokens.chair, `/api/accounts/${test.accounts.us.id}/revoke`, {});
    expect(response.status).toBe(200);
    expect(((await response.json()) as { account: AccountSummary }).account.revoked).toBe(true);
    expect((await closed).code).toBe(4401);
    expect((await bearer(test.tokens.us, '/api/me')).status).toBe(401);
  });

  it('answers 403 to a delegate and an observer, and changes nothing', async () => {
    test = await startTestServer();
    for (const who of ['fr', 'observer']) {
      expect((await bearer(test.tokens[who], '/api/accounts')).status).toBe(403);
      expect((await postAs(test.tokens[who], '/api/accounts', { name: 'X', delegation: 'XX', role: 'chair' })).status).toBe(403);
      expect((await postAs(test.tokens[who], `/api/accounts/${test.accounts.ke.id}/revoke`, {})).status).toBe(403);
    }
    expect((await test.server.store.listAccounts()).length).toBe(6);
    expect((await bearer(test.tokens.ke, '/api/me')).status).toBe(200);
  });

  it('answers 400 naming a bad field, and 404 for an unknown account', async () => {
    test = await startTestServer();
    const chair = test.tokens.chair;
    const bad = async (body: unknown) => ((await (await postAs(chair, '/api/accounts', body)).json()) as { error: string }).error;
    expect(await bad({ name: 'x'.repeat(201), delegation: 'BR', role: 'delegate' })).toMatch(/^name must be a non-empty string of at most 200 characters/);
    expect(await bad({ name: 'Brazil', delegation: '', role: 'delegate' })).toMatch(/^delegation must be/);
    expect(await bad({ name: 'Brazil', delegation: 'BR', role: 'king' })).toBe('Unknown role "king"; use delegate, chair, secretariat, observer');
    expect(await bad({ name: 'Brazil', delegation: 'BR', role: 'delegate', expiresInHours: 10_000 })).toMatch(/^expiresInHours must be/);
    expect((await postAs(chair, '/api/accounts/acc_nope/revoke', {})).status).toBe(404);
    expect((await test.server.store.listAccounts()).length).toBe(6);
  });
});

describe('field limits', () => {
  it('refuses a fork title over 300 characters with 400 and creates no document', async () => {
    test = await startTestServer();
    const version = await (await postAs(test.tokens.chair, `/api/documents/${test.docId}/versions`, { label: 'Rev.1' })).json() as { id: string };
    const before = (await test.server.store.listDocuments()).length;
    const response = await postAs(test.tokens.chair, `/api/documents/${test.docId}/versions/${version.id}/fork`, { title: 'T'.repeat(100_000) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^title must be a non-empty string of at most 300 characters, not "TTTT.*\(100002 characters\)$/);
    expect((await test.server.store.listDocuments()).length).toBe(before);
  });

  it('refuses a version label over 200 characters with 400', async () => {
    test = await startTestServer();
    const response = await postAs(test.tokens.chair, `/api/documents/${test.docId}/versions`, { label: 'L'.repeat(201) });
    expect(response.status).toBe(400);
    expect(await test.server.store.listVersions(test.docId)).toEqual([]);
  });
});
