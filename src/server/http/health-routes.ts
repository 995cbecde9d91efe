/**
 * Liveness and readiness, for load balancers, orchestrators and uptime checks.
 *
 * - `GET /api/health` (liveness): the process answers. Nothing is checked, so a slow database
 *   never gets a healthy node restarted.
 * - `GET /api/ready` (readiness): this node should get new work. 200 when the database answers a
 *   small query and the bus (when Redis is configured) takes a message, each within
 *   `READY_CHECK_TIMEOUT_MS`, and the node is not shutting down; otherwise 503 saying which check
 *   failed, in plain words. Results are reused for `READY_CACHE_MS`, so polling cannot load the
 *   database; the shutting-down answer is never cached.
 *
 * Both are public and carry nothing internal (no addresses, versions or error texts), and both are
 * left out of the request rate limit: behind a proxy every poll comes from the same address.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log/logger.ts';

/** How long each readiness check may take. */
export const READY_CHECK_TIMEOUT_MS = 2000;
/** How long a readiness result is reused. */
export const READY_CACHE_MS = 1000;

/** How each part stands. */
export interface ReadinessChecksView {
  readonly database: 'ok' | 'failing';
  readonly bus: 'ok' | 'failing' | 'in-process';
  readonly accepting: 'yes' | 'shutting down';
}

/** The answer of /api/ready. */
export interface ReadinessAnswer {
  readonly ready: boolean;
  readonly checks: ReadinessChecksView;
  /** What is wrong and what happens next, one sentence each; empty when ready. */
  readonly problems: readonly string[];
}

/** The checks readiness runs. */
export interface ReadinessProbes {
  /** Resolves when the database answered a trivial query. */
  database(): Promise<void>;
  /** Resolves when the bus took a message; null when there is no bus to check (in-process). */
  readonly bus: (() => Promise<void>) | null;
}

const PROBLEMS = {
  database: `The database did not answer within ${READY_CHECK_TIMEOUT_MS / 1000} seconds; this node takes no new work until it does. Check that the database is running and reachable from this node.`,
  bus: `Redis (REDIS_URL) did not answer within ${READY_CHECK_TIMEOUT_MS / 1000} seconds, so this node cannot tell the others about new events. Check that Redis is running and reachable from this node.`,
  draining: 'This node is shutting down; send new work to another node.',
} as const;

function withinTimeout(work: () => Promise<void>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { resolve(false); }, timeoutMs);
    work().then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}

/** Whether this node should get new work, and why not. */
export class Readiness {
  private draining = false;
  private lastChecked: { readonly atMs: number; readonly database: boolean; readonly bus: boolean } | null = null;
  private checking: Promise<{ readonly database: boolean; readonly bus: boolean }> | null = null;
  private lastReady = false;

  constructor(
    private readonly probes: ReadinessProbes,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly timeoutMs = READY_CHECK_TIMEOUT_MS,
  ) {}

  /** From now on the node answers not-ready: it is shutting down. */
  drain(): void {
    this.draining = true;
    this.lastReady = false;
  }

  isDraining(): boolean {
    return this.draining;
  }

  /** 1 when the last answer was ready, else 0 (for the `attune_ready` gauge). */
  readyGauge(): number {
    return this.lastReady && !this.draining ? 1 : 0;
  }

  async answer(): Promise<ReadinessAnswer> {
    const results = this.draining ? { database: true, bus: true } : await this.results();
    const problems: string[] = [];
    if (this.draining) problems.push(PROBLEMS.draining);
    if (!results.database) problems.push(PROBLEMS.database);
    if (!results.bus) problems.push(PROBLEMS.bus);
    const ready = problems.length === 0;
    if (ready !== this.lastReady && !this.draining) {
      // Logged when it changes, not at every poll.
      if (ready) this.logger.info('startup', 'this node is ready for work');
      else this.logger.warn('startup', 'this node is not ready for work', { problems });
    }
    this.lastReady = ready;
    return {
      ready,
      checks: {
        database: results.database ? 'ok' : 'failing',
        bus: this.probes.bus === null ? 'in-process' : results.bus ? 'ok' : 'failing',
        accepting: this.draining ? 'shutting down' : 'yes',
      },
      problems,
    };
  }

  private results(): Promise<{ readonly database: boolean; readonly bus: boolean }> {
    const cached = this.lastChecked;
    if (cached !== null && this.now() - cached.atMs < READY_CACHE_MS) return Promise.resolve(cached);
    this.checking ??= (async () => {
      const { bus } = this.probes;
      const [database, busOk] = await Promise.all([
        withinTimeout(() => this.probes.database(), this.timeoutMs),
        bus === null ? Promise.resolve(true) : withinTimeout(bus, this.timeoutMs),
      ]);
      this.lastChecked = { atMs: this.now(), database, bus: busOk };
      return this.lastChecked;
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }
}

/** Registers /api/health and /api/ready. */
export function healthRoutes(app: FastifyInstance, readiness: Readiness): void {
  const unlimited = { config: { rateLimit: false } } as const;
  app.get('/api/health', unlimited, (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return { ok: true };
  });
  app.get('/api/ready', unlimited, async (_request, reply) => {
    const answer = await readiness.answer();
    void reply.header('cache-control', 'no-store');
    if (answer.ready) return { ready: true, checks: answer.checks };
    return reply.code(503).send({
      ready: false,
      checks: answer.checks,
      error: { code: 'not_ready', message: answer.problems.join(' ') },
    });
  });
}
