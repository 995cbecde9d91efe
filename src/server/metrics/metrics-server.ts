/**
 * The Prometheus endpoint: `GET /metrics` on its own port (METRICS_PORT), bound to 127.0.0.1
 * unless METRICS_HOST says otherwise, and never on the public port.
 *
 * Why a separate port rather than a path on the main one: behind nginx every request reaches
 * Attune from 127.0.0.1, so "loopback only" on the main port would let the whole internet in, and
 * X-Forwarded-For can be forged unless every proxy is configured just so. A port that the proxy
 * does not forward is private by construction. When the scraper sits on another machine, bind to
 * a private address and set METRICS_TOKEN: scrapes must then send `Authorization: Bearer <token>`
 * (config refuses a non-loopback METRICS_HOST without one).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { MetricsListenerConfig } from '../config.ts';
import { EXPOSITION_CONTENT_TYPE } from './registry.ts';

/** A running metrics listener. */
export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464 */
  readonly url: string;
  close(): Promise<void>;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Whether the request carries the token; compared in constant time. */
function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1] ?? ''), digest(token));
}

function answer(response: ServerResponse, status: number, body: string, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  response.end(body);
}

/** Starts the listener; `exposition` is called for each authorised scrape. */
export async function metricsServerStart(config: MetricsListenerConfig, exposition: () => string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      answer(response, 404, 'Only /metrics is served here.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      answer(response, 405, 'Use GET.\n', { allow: 'GET, HEAD' });
      return;
    }
    if (!authorized(request, config.token)) {
      answer(response, 401, 'Send Authorization: Bearer <METRICS_TOKEN>.\n', { 'www-authenticate': 'Bearer realm="attune-metrics"' });
      return;
    }
    answer(response, 200, request.method === 'HEAD' ? '' : exposition(), { 'content-type': EXPOSITION_CONTENT_TYPE });
  });
  // Scrapes are short; an idle or slow connection is not kept.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => { resolve(); });
        server.closeAllConnections();
      }),
  };
}
