/**
 * The server's check of a client's presence (awareness) update, before anything of it is relayed.
 * An awareness update is `varUint(count)` then, per state, `varUint(clientId) varUint(clock)
 * varString(JSON)` (y-protocols).
 *
 * y-websocket clients send back every presence change they receive (their awareness `update`
 * listener does not look at the origin), so an honest update routinely carries other clients'
 * states. Those echoes — a state for a client id that is not the sender's, with a clock the server
 * already has, or a removal of one — are skipped without being parsed and cost nothing.
 *
 * Every other state is a claim by the sender, kept only when:
 *   - its client id is the connection's own: not one a live connection of another account has
 *     set (a connection of the same account takes it over: a client reconnecting before the server
 *     saw its old socket die), not bound to another account in the document's client-id registry,
 *     and within the connection's `maxPresenceStates` client ids for its whole life;
 *   - its JSON is at most `maxPresenceStateBytes` and reduces to the editor's shape
 *     (`shared/presence`): `user` is replaced by the server's, unknown fields are dropped, a cursor
 *     must be two relative positions that do not point outside the `prosemirror` fragment.
 * The result lists the kept states (re-encoded JSON) and one reason per refused state (reading
 * stops after `maxRefusals`); a truncated update throws a `RangeError`.
 */
import * as decoding from 'lib0/decoding';
import type * as Y from 'yjs';
import type { ClientIdRegistry } from '../../shared/permissions/index.ts';
import { cursorFitsDocument, reducePresence } from '../../shared/presence/index.ts';
import type { AwarenessUser } from './identity.ts';
import type { SyncLimits } from './limits.ts';

/** One state to relay. */
export interface PresenceEntry {
  client: number;
  clock: number;
  /** The state's JSON as relayed (`"null"` for a removal). */
  json: string;
}

/** What the filter needs to know about the sender and the document. */
export interface PresenceContext {
  /** The sender's account id and the `user` field the server sets for it. */
  accountId: string;
  user: AwarenessUser;
  /** Client ids the sender has set states for so far. */
  ownIds: ReadonlySet<number>;
  /** Whether a live connection of another account has set a state for this client id. */
  heldByOther(client: number): boolean;
  /** The latest clock the server has for a client id's presence, if any. */
  clockOf(client: number): number | undefined;
  /** How many client ids the server knows presence clocks for (an honest echo carries no more). */
  knownStates: number;
  owners: ClientIdRegistry;
  doc: Y.Doc;
  limits: SyncLimits;
  /** Stop reading after this many refused states. */
  maxRefusals: number;
}

/** The kept states and the reasons states were refused. */
export interface PresenceFilterResult {
  entries: PresenceEntry[];
  refusals: string[];
}

const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c]; // "null"
const utf8 = new TextDecoder();

function isNullJSON(bytes: Uint8Array): boolean {
  return bytes.length === 4 && bytes.every((byte, i) => byte === NULL_JSON[i]);
}

/** Filter `update` from a connection described by `context` (see the module comment). */
export function filterPresence(update: Uint8Array, context: PresenceContext): PresenceFilterResult {
  const { limits } = context;
  const refusals: string[] = [];
  const entries: PresenceEntry[] = [];
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const most = context.knownStates + limits.maxPresenceStates;
  if (count > most) return { entries, refusals: [`${count} presence states in one message; at most ${most} can be meant`] };
  const newIds = new Set<number>();
  for (let i = 0; i < count && refusals.length < context.maxRefusals; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (!context.ownIds.has(client) && !newIds.has(client)) {
      const known = context.clockOf(client);
      if (isNullJSON(bytes) || (known !== undefined && clock <= known)) continue; // an echo
      const refusal = refuseClaim(client, context, newIds.size);
      if (refusal) {
        refusals.push(refusal);
        continue;
      }
    }
    if (bytes.length > limits.maxPresenceStateBytes) {
      refusals.push(`presence state of client ${client} has ${bytes.length} bytes; the limit is ${limits.maxPresenceStateBytes}`);
      continue;
    }
    const text = utf8.decode(bytes);
    let state: unknown;
    try {
      state = JSON.parse(text);
    } catch {
      refusals.push(`presence state of client ${client} is not JSON: ${text.slice(0, 40)}`);
      continue;
    }
    if (state === null) {
      newIds.add(client);
      entries.push({ client, clock, json: 'null' });
      continue;
    }
    const verdict = reducePresence(state, context.user);
    if (!verdict.ok) {
      refusals.push(`client ${client}: ${verdict.reason}`);
      continue;
    }
    if (verdict.state.cursor && !cursorFitsDocument(context.doc, verdict.state.cursor)) {
      refusals.push(`client ${client}: cursor ${JSON.stringify(verdict.state.cursor).slice(0, 80)} points outside the text`);
      continue;
    }
    newIds.add(client);
    entries.push({ client, clock, json: JSON.stringify(verdict.state) });
  }
  if (refusals.length < context.maxRefusals && decoding.hasContent(decoder)) {
    throw new RangeError(`Awareness update has ${update.length - decoder.pos} trailing bytes`);
  }
  return { entries, refusals };
}

function refuseClaim(client: number, context: PresenceContext, claimed: number): string | null {
  if (context.heldByOther(client)) return `client id ${client} is another connection's`;
  const owner = context.owners.ownerOf(client);
  if (owner !== undefined && owner !== context.accountId) return `client id ${client} belongs to another account`;
  const total = context.ownIds.size + claimed;
  if (total >= context.limits.maxPresenceStates) {
    return `client id ${client} would be presence client id number ${total + 1} of this connection; the limit is ${context.limits.maxPresenceStates}`;
  }
  return null;
}
