/**
 * Accounts and invitations (mounted under /api; secretariat and chair only, 403 for others):
 * - `GET /api/accounts` → `AccountSummary[]` (`lastActiveAt`, `revoked`, `invitationExpiresAt`);
 * - `POST /api/accounts` `{ name, delegation, role, expiresInHours? }` → 201 `CreatedInvitation`:
 *   the account and its invitation link, which signs in until `expiresAt` (default 72 h, at most
 *   30 days); sessions opened with it outlive it;
 * - `POST /api/accounts/:id/revoke` → 200 `{ account }`: the link and every session stop working
 *   and the account's live connections are closed at once (404 unknown, 400 for one's own account).
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AccountSummary, CreatedInvitation } from '../../shared/api/index.ts';
import { ROLES, type AccountDetails, type Role } from '../storage/types.ts';
import type { AppEnv } from './env.ts';
import { readJsonObject, requireString } from './fields.ts';
import { ownOrigin } from './request-guards.ts';

/** Default lifetime of an invitation link, hours. */
export const DEFAULT_INVITATION_HOURS = 72;
/** Longest lifetime of an invitation link, hours (30 days). */
export const MAX_INVITATION_HOURS = 720;

const summary = (details: AccountDetails): AccountSummary => ({
  id: details.id, name: details.name, delegation: details.delegation, role: details.role,
  lastActiveAt: details.lastActiveAt, revoked: details.revoked, invitationExpiresAt: details.invitationExpiresAt,
});

function requireDesk(c: Context<AppEnv>, action: string): void {
  const account = c.var.account;
  if (account.role !== 'secretariat' && account.role !== 'chair') {
    throw new HTTPException(403, { message: `${account.role} ${account.name} (${account.delegation}) may not ${action}; only the secretariat and the chair may` });
  }
}

async function detailsOf(c: Context<AppEnv>, id: string): Promise<AccountDetails> {
  const found = (await c.var.store.listAccountDetails()).find((a) => a.id === id);
  if (!found) throw new HTTPException(404, { message: `Unknown account ${JSON.stringify(id)}` });
  return found;
}

/** Account route group (paths relative to /api). */
export const accountRoutes = new Hono<AppEnv>()
  .get('/accounts', async (c) => {
    requireDesk(c, 'list accounts');
    return c.json((await c.var.store.listAccountDetails()).map(summary));
  })
  .post('/accounts', async (c) => {
    requireDesk(c, 'invite delegations');
    const body = await readJsonObject(c, '{"name":"Kenya","delegation":"KE","role":"delegate"}');
    const name = requireString(body, 'name', 200);
    const delegation = requireString(body, 'delegation', 60);
    const role = body.role as Role;
    if (!ROLES.includes(role)) throw new HTTPException(400, { message: `Unknown role ${JSON.stringify(body.role)}; use ${ROLES.join(', ')}` });
    const hours = body.expiresInHours ?? DEFAULT_INVITATION_HOURS;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_INVITATION_HOURS) {
      throw new HTTPException(400, { message: `expiresInHours must be a number of hours above 0 and at most ${MAX_INVITATION_HOURS}, not ${JSON.stringify(body.expiresInHours)}` });
    }
    const expiresAt = Date.now() + Math.round(hours * 3_600_000);
    const { account, token } = await c.var.store.createAccount({ name, delegation, role, invitationExpiresAt: expiresAt });
    const answer: CreatedInvitation = {
      account: summary(await detailsOf(c, account.id)),
      inviteUrl: `${ownOrigin(c, c.var.policy)}/login?token=${encodeURIComponent(token)}`,
      expiresAt,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(answer, 201);
  })
  .post('/accounts/:id/revoke', async (c) => {
    requireDesk(c, 'revoke accounts');
    const id = c.req.param('id');
    await detailsOf(c, id);
    if (id === c.var.account.id) throw new HTTPException(400, { message: 'You cannot revoke your own account; ask another member of the secretariat' });
    await c.var.store.revokeAccount(id);
    c.var.liveSockets.close(id);
    return c.json({ account: summary(await detailsOf(c, id)) });
  });
