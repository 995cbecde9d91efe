/**
 * The composition root: config → logger → database → stores → bus → hub → HTTP. The only place
 * that decides which implementation of each interface runs.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { authServicesBuild, LoginSessionAccountGate } from './auth/auth-services.ts';
import { IdentityCookies } from './auth/identity-cookie.ts';
import { idNew } from './auth/tokens.ts';
import type { Bus } from './bus/bus.ts';
import { MemoryBus } from './bus/memory-bus.ts';
import { LoginSessionSockets } from './realtime/login-session-sockets.ts';
import { KyselyPersonData } from './store/person-data.ts';
import { RedisBus } from './bus/redis-bus.ts';
import type { Config } from './config.ts';
import type { ServerContext } from './context.ts';
import { NO_CONSULTATION_NOTICES } from './consultations/consultation-services.ts';
import { KyselyConsultationStore } from './store/consultation-store.ts';
import { helpResourcesLoad } from './help/help-resources.ts';
import { appBuild } from './http/app.ts';
import { instanceServicesBuild } from './operator/instance-services.ts';
import { setupOnStart } from './operator/setup-link.ts';
import type { Logger } from './log/logger.ts';
import { DEFAULT_HUB_LIMITS, SessionHub } from './realtime/session-hub.ts';
import { SignalRecorder } from './realtime/signal-recorder.ts';
import { ReportBuilder } from './report/report-builder.ts';
import { SessionSummaryStore } from './store/session-summary-store.ts';
import { sessionDeleteEverywhere } from './store/session-deletion.ts';
import { KyselySignalStore, type SignalStore } from './store/signal-store.ts';
import { SqliteSignalStore } from './store/sqlite-signal-store.ts';
import { openDatabase, type OpenDatabase } from './store/database.ts';
import { KyselyEventStore } from './store/kysely-event-store.ts';
import { SqliteEventStore } from './store/sqlite-event-store.ts';
import { KyselyAdmissionStore } from './store/admission-store.ts';
import { KyselyIdentityStore } from './store/identity-store.ts';
import { KyselyInviteStore } from './store/invite-store.ts';
import { migrateToLatest } from './store/migrations/index.ts';
import { KyselyBetweenUsLogStore } from './store/between-us-log-store.ts';
import { KyselyCycleMomentStore } from './store/cycle-moment-store.ts';
import { KyselyPersonalRecordStore } from './store/personal-record-store.ts';
import { KyselyPromptStore } from './store/prompt-store.ts';
import { KyselyRelationshipStore } from './store/relationship-store.ts';
import { KyselySessionParticipationStore } from './store/session-participation-store.ts';
import { KyselySharedAccessAudit } from './store/shared-access-audit.ts';
import { KyselyRelationshipSharingStore } from './store/relationship-sharing-store.ts';
import { KyselyAccessLogStore } from './practitioner/access-log-store.ts';
import { KyselyPractitionerStore } from './practitioner/practitioner-store.ts';
import { Readiness } from './http/health-routes.ts';
import { AttuneMetrics } from './metrics/attune-metrics.ts';
import { MeteredBus } from './metrics/metered-bus.ts';
import { MeteredEventStore } from './metrics/metered-event-store.ts';
import { metricsServerStart, type MetricsServer } from './metrics/metrics-server.ts';

/** A running server and how to stop it. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly context: ServerContext;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** Where Prometheus scrapes `/metrics` (METRICS_PORT); null when metrics are off. */
  readonly metricsUrl: string | null;
  /**
   * Shuts down gracefully: answers not-ready at once, waits SHUTDOWN_DELAY_MS, lets commands
   * being written commit and be acknowledged, asks live devices to reconnect (1012), stops
   * listening once requests under way are answered, stores the body signals still in memory,
   * then closes the bus and the database.
   */
  close(): Promise<void>;
}

/**
 * How live devices are told this node is going away: 1012 "service restart". The web client
 * reconnects on its own (to another node behind a load balancer) and catches up from its last seq.
 */
export const SHUTDOWN_CLOSE = { code: 1012, reason: 'This server is restarting; your device will reconnect and continue.' } as const;

/** Opens the database and applies migrations; used by `serve` and `migrate`. */
export async function databaseOpenMigrated(config: Config, logger: Logger): Promise<OpenDatabase> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger: {
      info: (message, fields) => { logger.info('store', message, fields); },
      error: (message, fields) => { logger.error('store', message, fields); },
    },
  });
  const result = await migrateToLatest(database.db);
  if (result.error !== undefined) {
    await database.close();
    throw new Error(`Database migration failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`);
  }
  return database;
}

function busOpen(config: Config, logger: Logger): Bus {
  if (config.redisUrl === undefined) return new MemoryBus();
  return new RedisBus({
    url: config.redisUrl,
    channelPrefix: config.redisChannelPrefix,
    onError: (error) => { logger.warn('bus', 'redis bus problem', { error: String(error) }); },
  });
}

/** The longest a shutdown step that talks to Redis may take: an unreachable Redis never answers. */
const BUS_STEP_BUDGET_MS = 2000;

/**
 * Waits for one shutdown step, at most `budgetMs`: a step stuck on an unreachable service must
 * not hold up the rest (the database still closes cleanly). Acknowledged events are safe either way.
 */
async function shutdownStep(logger: Logger, what: string, step: Promise<void>, budgetMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    step.then(() => 'done' as const, (error: unknown) => error),
    new Promise<'late'>((resolve) => { timer = setTimeout(() => { resolve('late'); }, budgetMs); }),
  ]);
  clearTimeout(timer);
  if (outcome === 'late') logger.warn('shutdown', `${what} took longer than ${budgetMs} ms; going on without it`);
  else if (outcome !== 'done') logger.warn('shutdown', `${what} failed; going on`, { error: String(outcome) });
}

/** Starts Attune with `config`, listening on its port. */
export async function serverStart(config: Config, logger: Logger, now: () => number = Date.now): Promise<RunningServer> {
  const database = await databaseOpenMigrated(config, logger);
  // Read at scrape time; `hub` and `readiness` exist by then.
  const metrics: AttuneMetrics = new AttuneMetrics({
    liveSockets: () => hub.connectionCount(),
    roomsActive: () => hub.roomCount(),
    ready: () => readiness.readyGauge(),
  });
  const bus = new MeteredBus(busOpen(config, logger), metrics);
  // Operational time, not the domain clock a test may freeze: readiness results must expire.
  const readiness: Readiness = new Readiness(
    {
      // Reads the file (or the schema), not just the connection: a trivial query on a real table.
      database: async () => {
        await sql`select 1 from kysely_migration limit 1`.execute(database.db);
      },
      bus: config.redisUrl === undefined ? null : () => bus.probe(),
    },
    logger,
  );
  const identities = new KyselyIdentityStore(database.db);
  const auth = authServicesBuild({ db: database.db, identities, bus, logger, config, now });
  const admissions = new KyselyAdmissionStore(database.db);
  // The event log's commits run on a writer thread, so their fsync never stalls the sockets;
  // the recorder's body-signal rows are written there too, in turn with them.
  const sqliteEvents = database.sqlite ? new SqliteEventStore(database.sqlite, { writerThread: true }) : null;
  const signals: SignalStore =
    database.sqlite && sqliteEvents ? new SqliteSignalStore(database.db, database.sqlite, sqliteEvents.writer) : new KyselySignalStore(database.db);
  // Closed before the writer thread (`sqliteEvents.close()`), which writes what it has left.
  const recorder = new SignalRecorder(signals, logger, now);
  const reports = new ReportBuilder(logger);
  const hub = new SessionHub({
    admissions,
    recorder,
    // A session deleted, rewritten or with someone's samples forgotten: no node serves its old report.
    onSessionChanged: (sessionId) => {
      reports.forget(sessionId);
    },
    store: new MeteredEventStore(sqliteEvents ?? new KyselyEventStore(database.db), metrics),
    bus,
    metrics,
    logger,
    now,
    nodeId: config.nodeId ?? `${hostname()}-${process.pid}-${idNew().slice(0, 8)}`,
    limits: {
      frameMaxBytes: config.wsMaxFrameBytes,
      messagesPerSecond: config.wsMessagesPerSecond,
      messageBurst: config.wsMessageBurst,
      idleRoomReleaseMs: DEFAULT_HUB_LIMITS.idleRoomReleaseMs,
      resyncIntervalMs: DEFAULT_HUB_LIMITS.resyncIntervalMs,
    },
  });
  const loginSockets = new LoginSessionSockets({ bus, logger, now });
  const context: ServerContext = {
    config,
    logger,
    hub,
    loginSockets,
    bus,
    identities,
    invites: new KyselyInviteStore(database.db),
    admissions,
    signals,
    recorder,
    reports,
    summaries: new SessionSummaryStore(database.db),
    deleteSession: (sessionId) => sessionDeleteEverywhere(database.db, sessionId),
    help: helpResourcesLoad(config.helpResourcesFile),
    cookies: new IdentityCookies(identities, { secure: config.secureCookies, guestTtlMs: config.guestTtlMs, now }, auth.loginSessions),
    accounts: new LoginSessionAccountGate(auth),
    auth,
    betweenUs: {
      relationships: new KyselyRelationshipStore(database.db),
      logs: new KyselyBetweenUsLogStore(database.db),
      cycleMoments: new KyselyCycleMomentStore(database.db),
      records: new KyselyPersonalRecordStore(database.db),
      prompts: new KyselyPromptStore(database.db),
      participation: new KyselySessionParticipationStore(database.db),
      sharedAccess: new KyselySharedAccessAudit(database.db),
      sharing: new KyselyRelationshipSharingStore(database.db),
    },
    personData: new KyselyPersonData(database.db),
    consultations: { store: new KyselyConsultationStore(database.db), notifier: NO_CONSULTATION_NOTICES },
    instance: instanceServicesBuild(database.db, config),
    practitioner: { store: new KyselyPractitionerStore(database.db), accessLog: new KyselyAccessLogStore(database.db) },
    now,
    operations: { readiness, metrics },
  };
  const app = await appBuild(context);
  const address = await app.listen({ port: config.port, host: config.host });
  // After listening, so the link in the log opens a page that is already there.
  await setupOnStart(context.instance.settings, config.publicOrigin, logger, now()).catch((error: unknown) => {
    logger.error('startup', 'could not check for an operator account; run `attune setup-link` if this instance has none', { error: String(error) });
  });
  let metricsServer: MetricsServer | null = null;
  if (config.metrics !== null) {
    try {
      metricsServer = await metricsServerStart(config.metrics, () => metrics.exposition());
    } catch (error) {
      await app.close();
      await bus.close();
      await database.close();
      throw new Error(`Metrics could not listen on ${config.metrics.host}:${config.metrics.port} (${String(error)}); choose a free METRICS_PORT or leave it unset to turn metrics off.`);
    }
  }
  logger.info('startup', 'Attune is listening', {
    address,
    publicOrigin: config.publicOrigin,
    database: database.dialect,
    bus: config.redisUrl === undefined ? 'in-process' : 'redis',
    metrics: metricsServer?.url ?? 'off',
  });
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    const startedAt = Date.now();
    // At once, before anything awaits: load balancers polling /api/ready move new work away.
    readiness.drain();
    if (config.shutdownDelayMs > 0) await sleep(config.shutdownDelayMs);
    const writesBudgetMs = Math.max(1000, (config.shutdownGraceMs - config.shutdownDelayMs) / 2);
    // Commands being written commit and are acknowledged; then every live device hears 1012.
    await shutdownStep(logger, 'finishing live sessions', hub.close(SHUTDOWN_CLOSE.code, SHUTDOWN_CLOSE.reason), writesBudgetMs);
    // Stops listening; requests under way are answered first (new ones on kept-alive connections get 503).
    await app.close();
    await recorder.close();
    await reports.close();
    await shutdownStep(logger, 'leaving sign-in notices', loginSockets.close(), BUS_STEP_BUDGET_MS);
    await metricsServer?.close();
    metrics.close();
    await shutdownStep(logger, 'closing the bus', bus.close(), BUS_STEP_BUDGET_MS);
    await sqliteEvents?.close();
    await database.close();
    logger.info('shutdown', 'Attune stopped', { tookMs: Date.now() - startedAt });
  };
  return {
    app,
    context,
    url: `http://127.0.0.1:${port}`,
    metricsUrl: metricsServer?.url ?? null,
    close: () => (closing ??= close()),
  };
}
