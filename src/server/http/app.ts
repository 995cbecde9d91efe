/**
 * Builds the Fastify app: security headers, cookies, rate limits, the CSRF Origin check,
 * errors in one shape, and every route. No port is opened here, so tests use `app.inject()`.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ServerContext } from '../context.ts';
import { liveSessionRoute } from '../realtime/ws-route.ts';
import { clientErrorHandle, errorBodyOf, HttpError, httpErrors, requestErrorOf, type ErrorBody } from './errors.ts';
import { jsonContentParser } from './parse.ts';
import { requestFromTrustedPage } from './request-origin.ts';
import { identityRoutes } from './identity-routes.ts';
import { accountRoutes } from './account-routes.ts';
import { passkeyRoutes } from './passkey-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { webRoutes } from './web-routes.ts';
import { relationshipRoutes } from './relationship-routes.ts';
import { cycleRoutes } from './cycle-routes.ts';
import { repairRoutes } from './repair-routes.ts';
import { recordRoutes } from './record-routes.ts';
import { progressRoutes } from './progress-routes.ts';
import { promptRoutes } from './prompt-routes.ts';
import { consultationRoutes } from './consultation-routes.ts';
import { dataRightsRoutes } from './data-rights-routes.ts';
import { operatorRoutes } from './operator-routes.ts';
import { setupRoutes } from './setup-routes.ts';
import { practitionerRoutes } from './practitioner-routes.ts';
import { accessLogRoutes } from './access-log-routes.ts';
import { healthRoutes } from './health-routes.ts';
import { httpMetricsHook } from '../metrics/http-metrics.ts';


/** The browser features a page may use: the sensors Attune offers, for itself only. */
export const PERMISSIONS_POLICY = 'camera=(self), bluetooth=(self), accelerometer=(self), gyroscope=(self), microphone=(), geolocation=(), payment=(), usb=()';
/** Largest HTTP request body, in bytes. */
export const HTTP_BODY_MAX_BYTES = 64 * 1024;
/**
 * Hard cap on a WebSocket frame, as a multiple of the readable frame size: frames between the
 * two get a `frame_too_large` error and the socket stays open; past it `ws` closes with 1009.
 */
export const WS_HARD_MAX_PAYLOAD_FACTOR = 16;

/** How often Node looks for requests past their headers or request timeout. */
const HTTP_TIMEOUT_CHECK_INTERVAL_MS = 1000;


/** A route as registered: its method, its URL pattern, and whether it is a WebSocket route. */
export interface AttuneRoute {
  readonly method: string;
  readonly url: string;
  readonly websocket: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, in order (HEAD ones Fastify adds for GET included). */
    readonly attuneRoutes: readonly AttuneRoute[];
  }
}

/** The whole HTTP and WebSocket app, ready to `listen` or `inject`. */
export async function appBuild(context: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: HTTP_BODY_MAX_BYTES,
    trustProxy: context.config.trustProxy,
    // Slow clients (slowloris): headers and whole requests must arrive in time, checked every
    // second (Node's default check is every 30 s; Fastify's default request timeout is none).
    requestTimeout: context.config.httpRequestTimeoutMs,
    http: { headersTimeout: context.config.httpHeadersTimeoutMs, connectionsCheckingInterval: HTTP_TIMEOUT_CHECK_INTERVAL_MS },
    // Requests that never reach a route still get the one error shape.
    clientErrorHandler: clientErrorHandle,
    frameworkErrors: (error, _request, reply) => {
      const answer = requestErrorOf(error, HTTP_BODY_MAX_BYTES) ?? httpErrors.invalidRequest();
      // Its reply is typed for whichever route it hit; this answer fits them all.
      void (reply as unknown as FastifyReply).code(answer.status).send(errorBodyOf(answer));
    },
  });
  // Bodies are read as strict JSON only: UTF-8, bounded nesting, no prototype keys. Anything else
  // (text/plain included, which a cross-site form can send) is a 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, jsonContentParser);
  // Every route as registered (plugins' too), so the authorization matrix can fail on one without a row.
  const attuneRoutes: AttuneRoute[] = [];
  app.decorate('attuneRoutes', attuneRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) attuneRoutes.push({ method, url: route.url, websocket: route.websocket === true });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Sensors are this origin's alone; nothing embedded may ask for them, and nothing may ask
  // for what Attune never uses.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    done(null, payload);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: context.config.httpRequestsPerMinute,
    timeWindow: 60_000,
    // The default key reads req.ip, which injected WebSocket requests lack.
    keyGenerator: (request) => request.ip || 'local',
    // Only the API is limited: one page load fetches a dozen static files.
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, detail) => ({
      statusCode: 429,
      error: { code: 'rate_limited', message: `Too many requests; please wait ${Math.ceil(detail.ttl / 1000)} seconds and try again.` },
    }),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: context.config.wsMaxFrameBytes * WS_HARD_MAX_PAYLOAD_FACTOR } });

  // Counts and times each request by route pattern; the access log when ACCESS_LOG=true.
  httpMetricsHook(app, context.operations.metrics, context.config.accessLog ? context.logger : null);

  // CSRF: a state-changing request must come from a page of ours (Origin) and carry JSON,
  // which a cross-site form cannot send without a preflight; no other site may read the API
  // in someone's name either (request-origin.ts).
  app.addHook('onRequest', (request, _reply, done) => {
    const fetchSite = request.headers['sec-fetch-site'];
    const facts = { method: request.method, url: request.url, origin: request.headers.origin, fetchSite: typeof fetchSite === 'string' ? fetchSite : undefined };
    done(requestFromTrustedPage(facts, context.config.allowedOrigins) ? undefined : httpErrors.badOrigin());
  });

  app.setErrorHandler((error, request, reply) => {
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    // The rate limiter's answer is already in the one shape (errorResponseBuilder).
    if (status === 429 && !(error instanceof HttpError)) return reply.code(429).send(error);
    const answer = requestErrorOf(error, HTTP_BODY_MAX_BYTES);
    if (answer !== null) return reply.code(answer.status).send(errorBodyOf(answer));
    context.logger.error('http', 'request failed', { method: request.method, url: request.url, error: String(error) });
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again in a moment.' } } satisfies ErrorBody);
  });
  const webBuilt = await webRoutes(app);
  app.setNotFoundHandler((request, reply) => {
    // The browser app routes on the client: any page path gets the app shell.
    const path = request.url.split('?')[0] ?? '';
    // A missing file (a path with an extension) is a real 404, not a page.
    if (webBuilt && request.method === 'GET' && !path.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const error = httpErrors.notFound();
    return reply.code(404).send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
  });

  // Liveness and readiness (health-routes.ts).
  healthRoutes(app, context.operations.readiness);
  // GET /api/help: the operator's saved crisis resources, else the file or defaults (operator-routes.ts).
  operatorRoutes(app, context);
  setupRoutes(app, context);
  identityRoutes(app, context);
  accountRoutes(app, context);
  passkeyRoutes(app, context);
  sessionRoutes(app, context);
  reportRoutes(app, context);
  relationshipRoutes(app, context);
  cycleRoutes(app, context);
  repairRoutes(app, context);
  recordRoutes(app, context);
  progressRoutes(app, context);
  promptRoutes(app, context);
  liveSessionRoute(app, context);
  consultationRoutes(app, context);
  dataRightsRoutes(app, context);
  practitionerRoutes(app, context);
  accessLogRoutes(app, context);
  return app;
}
