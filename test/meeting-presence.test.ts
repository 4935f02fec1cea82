/**
 * The chair's place in presence: the server relays a well-formed `session: { article }` field and
 * refuses a malformed one (shared/presence/session.ts through the limits helper's validator).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeRawClients, rawClient } from './helpers/raw-client.ts';
import { presenceFrame, recordPresence, START_CURSOR } from './helpers/raw-presence.ts';
import { startTestServer, type TestServer } from './server-helpers.ts';
import { reducePresence } from '../shared/presence/index.ts';

let test: TestServer;
afterEach(async () => {
  closeRawClients();
  await test?.stop();
});

describe("the chair's session place in presence", () => {
  it('keeps a well-formed session field and refuses malformed ones', () => {
    expect(reducePresence({ session: { article: 'art_5' } }, 'u')).toEqual({ ok: true, state: { user: 'u', session: { article: 'art_5' } } });
    expect(reducePresence({ session: null }, 'u')).toEqual({ ok: true, state: { user: 'u', session: null } });
    for (const bad of [{ article: '' }, { article: 7 }, { article: 'a', extra: 1 }, { article: 'x'.repeat(81) }, { article: '<script>' }, 'art_5', []]) {
      expect(reducePresence({ session: bad }, 'u')).toMatchObject({ ok: false, reason: expect.stringContaining('session') });
    }
  });

  it("relays the chair's session field to the other clients", async () => {
    test = await startTestServer();
    const chair = await rawClient(test, 'chair');
    const fr = await rawClient(test, 'fr');
    const recorder = recordPresence(fr.socket);
    chair.socket.send(presenceFrame([{ client: 2001, clock: 1, state: { cursor: START_CURSOR, session: { article: 'art_1' } } }]));
    await expect.poll(() => recorder.states.find((s) => s.client === 2001)?.state?.session).toEqual({ article: 'art_1' });
    expect(recorder.states.find((s) => s.client === 2001)!.state!.user).toMatchObject({ role: 'chair' });
  });
});
