/**
 * The bare baseline: a plain `ws` server that relays each text frame, untouched, to the other
 * members of its room (`/room/<id>`). No parsing, no checks, no storage: what Node and `ws` can
 * do on this machine with the same sockets and the same message mix as Attune.
 * Run by the load bench as its own process: PORT=… node --import tsx bench/load/echo-server.ts
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { processUsageAnswer } from './process-usage.ts';

const port = Number(process.env.PORT ?? 0);
const rooms = new Map<string, Set<WebSocket>>();
const http = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('echo');
});
// The same socket settings as Attune: no compression, a bounded frame.
const server = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 256 * 1024 });

server.on('connection', (socket, request) => {
  const roomId = (request.url ?? '').replace(/^\/room\//, '');
  let room = rooms.get(roomId);
  if (room === undefined) {
    room = new Set();
    rooms.set(roomId, room);
  }
  const members = room;
  members.add(socket);
  socket.on('message', (data, isBinary) => {
    for (const other of members) if (other !== socket && other.readyState === other.OPEN) other.send(data, { binary: isBinary });
  });
  socket.on('close', () => {
    members.delete(socket);
    if (members.size === 0) rooms.delete(roomId);
  });
});

processUsageAnswer();
http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ kind: 'listening', port: typeof address === 'object' && address !== null ? address.port : port });
});
process.on('SIGTERM', () => {
  server.close();
  http.close(() => process.exit(0));
});
