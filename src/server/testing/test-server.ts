/**
 * Starts a real Attune server for a test on a free loopback port, with its own data directory
 * and its own database: SQLite in that directory, or a throwaway Postgres schema when the run is
 * switched with ATTUNE_TEST_DATABASE=postgres (see `testDatabaseProvision`), and on the Redis bus
 * with ATTUNE_TEST_BUS=redis (see `testBusEnvironment`). Cleans up after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnvironment } from '../config.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { serverStart, type RunningServer } from '../main.ts';
import { openDatabase, type OpenDatabase } from '../store/database.ts';
import { testBusEnvironment, testDatabaseProvision } from './services.ts';

/** A free TCP port on 127.0.0.1 right now. */
export async function portFree(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => { resolve(port); });
    });
  });
}

/** A running test server and its base URL (the origin pages would have). */
export interface TestServer {
  readonly server: RunningServer;
  readonly baseUrl: string;
  readonly dataDir: string;
  /** The Postgres URL the server uses; undefined when it runs on SQLite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** A second connection to the server's own database, for tests that look behind the API. */
  databaseOpen(): Promise<OpenDatabase>;
  stop(): Promise<void>;
}

/**
 * Starts a server; `environment` adds to or overrides the defaults; `now` replaces the clock.
 * A DATABASE_URL in `environment` wins (several nodes sharing one schema); otherwise the server
 * gets a database of its own, dropped by `stop()`.
 */
export async function testServerStart(
  environment: Readonly<Record<string, string>> = {},
  options: { readonly now?: () => number } = {},
): Promise<TestServer> {
  const port = await portFree();
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-test-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const busEnvironment = environment.REDIS_URL === undefined ? await testBusEnvironment() : {};
  const ownDatabase = environment.DATABASE_URL === undefined ? await testDatabaseProvision() : null;
  const databaseUrl = environment.DATABASE_URL ?? ownDatabase?.databaseUrl;
  let server: RunningServer;
  try {
    const config = configFromEnvironment({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_ORIGIN: baseUrl,
      LOG_LEVEL: 'silent',
      ...ownDatabase?.environment,
      ...busEnvironment,
      ...environment,
    });
    server = await serverStart(config, SILENT_LOGGER, options.now);
  } catch (error) {
    await ownDatabase?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    baseUrl,
    dataDir,
    databaseUrl,
    databaseOpen: () => openDatabase({ dataDir, databaseUrl }),
    stop: async () => {
      await server.close();
      await ownDatabase?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
