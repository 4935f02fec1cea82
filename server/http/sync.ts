/**
 * `GET /sync/:documentId` upgraded to a websocket speaking the y-websocket protocol
 * (`server/sync/protocol.ts`). The upgrade is refused with 401 without a valid token (query
 * `token`, cookie or bearer header) and 404 for an unknown document.
 */
import { Hono } from 'hono';
import { upgradeWebSocket } from '@hono/node-server';
import { HTTPException } from 'hono/http-exception';
import type { WebSocket } from 'ws';
import type { Connection } from '../sync/connection.ts';
import { requireAccount } from './auth.ts';
import type { AppEnv } from './env.ts';

/** Sync route group. */
export const syncRoutes = new Hono<AppEnv>().get(
  '/sync/:documentId',
  requireAccount({ allowQueryToken: true }),
  async (c, next) => {
    const id = c.req.param('documentId');
    if (!(await c.var.store.getDocument(id))) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    await next();
  },
  upgradeWebSocket((c) => {
    const rooms = c.var.rooms;
    const account = c.var.account;
    const docId = c.req.param('documentId')!;
    let connection: Connection | null = null;
    return {
      onOpen: (_event, ws) => {
        connection = rooms.connect(ws.raw as WebSocket, account, docId);
        c.var.liveSockets.opened(connection);
      },
      onMessage: (event) => {
        connection?.receive(event.data as ArrayBuffer | string);
      },
      onClose: () => {
        if (connection) rooms.disconnect(connection);
      },
    };
  }),
);
