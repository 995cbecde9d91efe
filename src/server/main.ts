/**
 * The composition root: config → logger → database → stores → bus → hub → HTTP. The only place
 * that decides which implementation of each interface runs.
 */
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
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
import { KyselySignalStore } from './store/signal-store.ts';
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

/** A running server and how to stop it. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly context: ServerContext;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** Stops taking connections, closes sockets, then the bus and the database. */
  close(): Promise<void>;
}

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

/** Starts Attune with `config`, listening on its port. */
export async function serverStart(config: Config, logger: Logger, now: () => number = Date.now): Promise<RunningServer> {
  const database = await databaseOpenMigrated(config, logger);
  const bus = busOpen(config, logger);
  const identities = new KyselyIdentityStore(database.db);
  const auth = authServicesBuild({ db: database.db, identities, bus, logger, config, now });
  const admissions = new KyselyAdmissionStore(database.db);
  const signals = new KyselySignalStore(database.db);
  const recorder = new SignalRecorder(signals, logger, now);
  const reports = new ReportBuilder(logger);
  const hub = new SessionHub({
    admissions,
    recorder,
    // A session deleted, rewritten or with someone's samples forgotten: no node serves its old report.
    onSessionChanged: (sessionId) => {
      reports.forget(sessionId);
    },
    store: database.sqlite ? new SqliteEventStore(database.sqlite) : new KyselyEventStore(database.db),
    bus,
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
  };
  const app = await appBuild(context);
  const address = await app.listen({ port: config.port, host: config.host });
  // After listening, so the link in the log opens a page that is already there.
  await setupOnStart(context.instance.settings, config.publicOrigin, logger, now()).catch((error: unknown) => {
    logger.error('startup', 'could not check for an operator account; run `attune setup-link` if this instance has none', { error: String(error) });
  });
  logger.info('startup', 'Attune is listening', {
    address,
    publicOrigin: config.publicOrigin,
    database: database.dialect,
    bus: config.redisUrl === undefined ? 'in-process' : 'redis',
  });
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
  return {
    app,
    context,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await hub.close(1001, 'The server is restarting; your device will reconnect and continue.');
      await recorder.close();
      await reports.close();
      await app.close();
      await loginSockets.close();
      await bus.close();
      await database.close();
      logger.info('shutdown', 'Attune stopped');
    },
  };
}
