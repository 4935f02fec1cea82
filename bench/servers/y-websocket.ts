/**
 * Server child: the reference y-websocket server (@y/websocket-server 0.1.1, `setupWSConnection`),
 * persisting to y-leveldb when the parent sets YPERSISTENCE (read by the module at import time).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { serveChild } from './child.ts';

serveChild(async () => {
  const server = http.createServer((_request, response) => { response.writeHead(200); response.end('y-websocket'); });
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (socket, request) => setupWSConnection(socket, request));
  server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => { wss.clients.forEach((client) => client.terminate()); server.close(() => resolve()); }),
  };
});
