/**
 * The one dispatcher of the sync protocol (see `protocol.ts` for the layout): it reads a frame,
 * charges it to the connection's budgets (`limits.ts`), hands it to the room, and closes the
 * connection with a named code when the frame is not a message it knows or is over a rate. An
 * update above the update size limit is answered with a permission-denied message instead of a
 * close, so that no client reconnects and sends it again. Nothing of a refused frame reaches the log.
 */
import * as decoding from 'lib0/decoding';
import { tooLargeMessage } from '../../shared/limits/index.ts';
import { CloseCodes, closeWith } from './close-codes.ts';
import type { Connection } from './connection.ts';
import { MessageType, SyncType, permissionDeniedMessage } from './protocol.ts';
import type { Room } from './room.ts';

/** Build the dispatcher for frames of at most `maxMessageBytes`. */
export function createDispatcher(maxMessageBytes: number) {
  return function dispatch(room: Room, connection: Connection, data: ArrayBuffer | string): void {
    if (connection.closedWith) return;
    if (typeof data === 'string') {
      connection.close(closeWith(CloseCodes.MalformedMessage, 'text frame'));
      return;
    }
    if (data.byteLength > maxMessageBytes) {
      connection.close(closeWith(CloseCodes.TooLarge, `${data.byteLength} bytes > ${maxMessageBytes}`));
      return;
    }
    const message = new Uint8Array(data);
    const decoder = decoding.createDecoder(message);
    let type: number;
    let payload: Uint8Array | null = null;
    let syncType = -1;
    try {
      type = decoding.readVarUint(decoder);
      if (type === MessageType.Sync) {
        syncType = decoding.readVarUint(decoder);
        payload = decoding.readVarUint8Array(decoder);
      } else if (type === MessageType.Awareness) {
        payload = decoding.readVarUint8Array(decoder);
      }
      const known = type === MessageType.Sync || type === MessageType.Awareness || type === MessageType.QueryAwareness;
      if (known && decoding.hasContent(decoder)) throw new RangeError(`${message.length - decoder.pos} trailing bytes`);
    } catch (error) {
      connection.close(closeWith(CloseCodes.MalformedMessage, (error as Error).message));
      return;
    }
    try {
      switch (type) {
        case MessageType.Sync:
          switch (syncType) {
            case SyncType.Step1:
              if (!connection.budget.request()) {
                refuseRequest(connection, 'SyncStep1');
                return;
              }
              room.answerSyncStep1(connection, payload!);
              return;
            case SyncType.Step2:
            case SyncType.Update: {
              const limit = connection.budget.limits.maxUpdateBytes;
              if (payload!.length > limit) {
                connection.send(permissionDeniedMessage(`${CloseCodes.TooLarge.code} ${tooLargeMessage(payload!.length, limit)}`));
                if (connection.budget.strike()) connection.close(closeWith(CloseCodes.TooManyMessages, 'oversized updates'));
                return;
              }
              const over = connection.budget.update(payload!.length);
              if (over) {
                connection.close(over);
                return;
              }
              room.receiveUpdate(connection, payload!);
              return;
            }
            default:
              connection.close(closeWith(CloseCodes.MalformedMessage, `unknown sync message type ${syncType}`));
              return;
          }
        case MessageType.Awareness:
          room.receiveAwareness(connection, payload!);
          return;
        case MessageType.QueryAwareness:
          if (!connection.budget.request()) {
            refuseRequest(connection, 'QueryAwareness');
            return;
          }
          room.sendAwareness(connection);
          return;
        default:
          connection.close(closeWith(CloseCodes.MalformedMessage, `unknown message type ${type}`));
          return;
      }
    } catch (error) {
      connection.close(closeWith(CloseCodes.MalformedMessage, (error as Error).message));
    }
  };
}

/** A SyncStep1 or QueryAwareness above the request rate: not answered, and a strike. */
function refuseRequest(connection: Connection, what: string): void {
  if (connection.budget.strike()) connection.close(closeWith(CloseCodes.TooManyMessages, `${what} requests`));
}

/** The function returned by `createDispatcher`. */
export type Dispatch = ReturnType<typeof createDispatcher>;
