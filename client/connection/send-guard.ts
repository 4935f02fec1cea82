/**
 * The editor's side of the server's limits, wired into a `WebsocketProvider`:
 *   - a change larger than the update limit is never sent (the server would refuse it): the
 *     provider's update listener is replaced by one that measures first, and the monitor reports
 *     the change as refused ("Your change is too large to send (12 MB; the limit is 4 MB).") so
 *     the editor drops it and reloads the shared text;
 *   - after a close, the provider reconnects at once only when reconnecting can help
 *     (`explainClose`); told it sent too fast (4429), it waits a few seconds, then reconnects; a
 *     close that would repeat (too large, signed out, no access) stays closed — no reconnect loop.
 */
import type { WebsocketProvider } from 'y-websocket';
import { MAX_UPDATE_BYTES, tooLargeMessage } from '../../shared/limits/index.ts';
import { explainClose, RATE_LIMIT_PAUSE_SECONDS } from './messages.ts';
import type { ConnectionMonitor } from './monitor.ts';

/** Whether y-websocket should reconnect by itself after the close `event`. */
export function shouldReconnect(event: { code: number }): boolean {
  return explainClose(event.code).action === 'reconnect';
}

/** Guard `provider`'s sends and reconnects (see the module comment); returns a function that removes the guard. */
export function guardSends(provider: WebsocketProvider, monitor: ConnectionMonitor, limit = MAX_UPDATE_BYTES): () => void {
  const doc = provider.doc;
  const send = provider._updateHandler;
  let refused = false;
  const guarded = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    if (update.length > limit || refused) {
      // Once one change stayed here, every later one builds on it: send none until the text is reloaded.
      if (!refused) monitor.refuse(tooLargeMessage(update.length, limit), 4413);
      refused = true;
      return;
    }
    send(update, origin);
  };
  doc.off('update', send);
  doc.on('update', guarded);
  provider._updateHandler = guarded;

  let timer: ReturnType<typeof setTimeout> | null = null;
  const onClosed = (event: { code: number }) => {
    const action = explainClose(event.code).action;
    if (action === 'wait') {
      timer = setTimeout(() => {
        timer = null;
        provider.connect();
      }, RATE_LIMIT_PAUSE_SECONDS * 1000);
    } else if (event.code === 1009 || event.code === 4413) {
      refused = true;
      monitor.refuse(explainClose(event.code).message, event.code);
    }
  };
  provider.on('closed', onClosed);
  return () => {
    if (timer) clearTimeout(timer);
    provider.off('closed', onClosed);
  };
}
