/**
 * Counts and times every HTTP request by its route pattern (`/api/invites/:token`, never the
 * URL itself, which can hold a token), and writes the optional access log (ACCESS_LOG=true).
 *
 * The access log is off by default: a line per request says who used Attune when, which is
 * personal data, and it floods small disks. When on, a line holds the method, the route pattern,
 * the status and the time taken: no URL, no query string, no address, no header, no body.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log/logger.ts';

/** Label for a request that matched no route (404s, probes). */
export const UNMATCHED_ROUTE = '(no route)';

/** What the hook reports to. */
export interface HttpRequestMetrics {
  httpRequest(method: string, route: string, statusCode: number, seconds: number): void;
}

/** Adds the hook that counts, times and (optionally) logs each request. */
export function httpMetricsHook(app: FastifyInstance, metrics: HttpRequestMetrics, accessLog: Logger | null): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    // Known methods only: anything else would let a client invent label values.
    const method = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(request.method) ? request.method : 'OTHER';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequest(method, route, reply.statusCode, seconds);
    accessLog?.info('http', 'request', { method, route, status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 });
    done();
  });
}
