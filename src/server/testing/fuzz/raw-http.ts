/**
 * HTTP over a bare TCP socket, for what `fetch` and `inject` refuse to send: false lengths, bytes
 * that are not UTF-8 on the wire, headers trickled a byte at a time, requests never finished.
 */
import { connect, type Socket } from 'node:net';

/** What came back on the socket: the first response's status and body, or null if none. */
export interface RawAnswer {
  readonly status: number | null;
  readonly contentType: string | undefined;
  readonly body: string;
  /** Whether it ended (a whole answer, or the server closed or reset the connection) before the timeout. */
  readonly ended: boolean;
}

/** Parses the first HTTP response in `text` (headers and, if complete, the body). */
export function rawResponseParse(text: string): Omit<RawAnswer, 'ended'> {
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (status === null) return { status: null, contentType: undefined, body: '' };
  const split = text.indexOf('\r\n\r\n');
  const headers = split === -1 ? text : text.slice(0, split);
  const contentType = /\r\ncontent-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
  const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headers)?.[1] ?? Number.NaN);
  const rest = split === -1 ? '' : text.slice(split + 4);
  return { status: Number(status[1]), contentType, body: Number.isNaN(length) ? rest : rest.slice(0, length) };
}

/**
 * Writes `bytes` to 127.0.0.1:`port` and waits for an answer or the close, at most `timeoutMs`.
 * `endAfterSend` half-closes the socket after writing, as a client that gave up would.
 */
export async function rawHttpExchange(options: { readonly port: number; readonly bytes: Buffer; readonly endAfterSend: boolean; readonly timeoutMs: number }): Promise<RawAnswer> {
  const socket = connect(options.port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, options.timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once('close', done);
    socket.once('error', done);
    // A complete response is enough: keep-alive would otherwise hold the socket open.
    socket.on('data', () => {
      const answer = rawResponseParse(Buffer.concat(chunks).toString('utf8'));
      if (answer.status !== null && responseComplete(Buffer.concat(chunks).toString('utf8'))) done();
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(options.bytes);
  if (options.endAfterSend) socket.end();
  const ended = await closed;
  socket.destroy();
  return { ...rawResponseParse(Buffer.concat(chunks).toString('utf8')), ended };
}

function responseComplete(text: string): boolean {
  const split = text.indexOf('\r\n\r\n');
  if (split === -1) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, split))?.[1];
  return length === undefined || Buffer.byteLength(text.slice(split + 4)) >= Number(length);
}

/** Opens a connection to 127.0.0.1:`port` and resolves once it is up. */
export async function rawConnect(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return socket;
}
