/**
 * Starts a real Attune server for a test on a free loopback port, with its own data directory
 * (or Postgres schema), and cleans up after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnvironment } from '../config.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { serverStart, type RunningServer } from '../main.ts';

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
  stop(): Promise<void>;
}

/** Starts a server; `environment` adds to or overrides the defaults; `now` replaces the clock. */
export async function testServerStart(
  environment: Readonly<Record<string, string>> = {},
  options: { readonly now?: () => number } = {},
): Promise<TestServer> {
  const port = await portFree();
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-test-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = configFromEnvironment({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: baseUrl,
    LOG_LEVEL: 'silent',
    ...environment,
  });
  const server = await serverStart(config, SILENT_LOGGER, options.now);
  return {
    server,
    baseUrl,
    dataDir,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
