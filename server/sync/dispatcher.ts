/**
 * The one dispatcher of the sync protocol (see `protocol.ts` for the layout): it reads a frame,
 * hands it to the room, and closes the connection with a named code when the frame is not a
 * message it knows. Nothing of a refused frame reaches the log.
 */
import * as decoding from 'lib0/decoding';
import { CloseCodes, closeWith } from './close-codes.ts';
import type { Connection } from './connection.ts';
import { MessageType, SyncType } from './protocol.ts';
import type { Room } from './room.ts';

/** Build the dispatcher for frames of at most `maxMessageBytes`. */
export function createDispatcher(maxMessageBytes: number) {
  return function dispatch(room: Room, connection: Connection, data: ArrayBuffer | string): void {
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
              room.answerSyncStep1(connection, payload!);
              return;
            case SyncType.Step2:
            case SyncType.Update:
              room.receiveUpdate(connection, payload!);
              return;
            default:
              connection.close(closeWith(CloseCodes.MalformedMessage, `unknown sync message type ${syncType}`));
              return;
          }
        case MessageType.Awareness:
          room.receiveAwareness(connection, payload!);
          return;
        case MessageType.QueryAwareness:
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

/** The function returned by `createDispatcher`. */
export type Dispatch = ReturnType<typeof createDispatcher>;
