/**
 * Starting what the generator talks to, each in its own process: the bare echo server, one
 * Attune node on SQLite, or two Attune nodes sharing Postgres and Redis. Attune's database is
 * seeded before its nodes start (seed-database.ts). Attune nodes get one bench-only setting: a
 * raised HTTP request limit, because all 10,000 sockets are opened from 127.0.0.1 and each
 * upgrade counts as an API request (the default allows 300 a minute per address). Socket limits
 * (WS_MESSAGES_PER_SECOND and the rest) stay at their defaults.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverProcessStart, type ServerProcess } from '../../src/server/testing/server-process.ts';
import { createPostgresTestSchema, postgresUrlForTests, redisUrlForTests } from '../../src/server/testing/services.ts';
import { portFree } from '../../src/server/testing/test-server.ts';
import { seedSessions } from './seed-database.ts';
import type { SessionPlan } from './worker-protocol.ts';

/** One server process under measurement. */
export interface MeasuredProcess {
  readonly child: ChildProcess;
  /** http://127.0.0.1:port */
  readonly baseUrl: string;
}

/** A started target: its processes, who connects where, and how to stop it. */
export interface RunningTarget {
  readonly processes: readonly MeasuredProcess[];
  readonly plans: readonly SessionPlan[];
  /** How long writing the sessions into the database took (null for the echo server). */
  readonly seedSeconds: number | null;
  stop(): Promise<void>;
}

/** The environment every Attune node of the bench gets, on top of the defaults. */
const BENCH_NODE_ENVIRONMENT = { HTTP_REQUESTS_PER_MINUTE: '1000000000', LOG_LEVEL: 'warn' } as const;

function nodeArgs(cpuProfileDir: string | null, name: string): string[] {
  const args = ['--expose-gc'];
  // One directory per node: Node writes a profile per thread (tsx's loader runs in its own), and the main thread's is the largest.
  if (cpuProfileDir !== null) args.push('--cpu-prof', `--cpu-prof-dir=${join(cpuProfileDir, name)}`);
  return args;
}

/** The bare `ws` relay in its own process, with rooms of the same sizes. */
export async function echoTargetStart(sizes: readonly number[]): Promise<RunningTarget> {
  const port = await portFree();
  const child = fork('bench/load/echo-server.ts', [], { execArgv: ['--expose-gc', '--import', 'tsx'], env: { ...process.env, PORT: String(port) } });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => { resolve(); });
    child.once('exit', (code) => { reject(new Error(`the echo server exited with ${String(code)}`)); });
  });
  const url = `ws://127.0.0.1:${port}`;
  return {
    processes: [{ child, baseUrl: `http://127.0.0.1:${port}` }],
    plans: sizes.map((size, index) => ({
      id: `room-${index}`,
      participants: Array.from({ length: size }, () => ({ url: `${url}/room/${index}`, cookie: null, origin: null })),
    })),
    seedSeconds: null,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function nodesStart(
  names: readonly string[],
  sizes: readonly number[],
  environment: Readonly<Record<string, string>>,
  cpuProfileDir: string | null,
  cleanUp: () => Promise<void>,
): Promise<RunningTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-load-'));
  const started: ServerProcess[] = [];
  const stop = async () => {
    await Promise.all(started.map((node) => node.stop()));
    await cleanUp();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const ports = await Promise.all(names.map(() => portFree()));
    const nodeUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    const seedStarted = performance.now();
    const plans = await seedSessions({ dataDir, ...(environment.DATABASE_URL === undefined ? {} : { databaseUrl: environment.DATABASE_URL }) }, sizes, nodeUrls);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    for (const [index, name] of names.entries()) {
      started.push(await serverProcessStart(ports[index] ?? 0, { ...BENCH_NODE_ENVIRONMENT, ...environment, DATA_DIR: dataDir, NODE_ID: name }, { nodeArgs: nodeArgs(cpuProfileDir, name), script: ['bench/load/attune-node.ts'], ipc: true }));
    }
    return { processes: started.map((node) => ({ child: node.child, baseUrl: node.baseUrl })), plans, seedSeconds, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One Attune node on its own SQLite database in a temporary directory. */
export function oneNodeStart(sizes: readonly number[], cpuProfileDir: string | null): Promise<RunningTarget> {
  return nodesStart(['one-node'], sizes, {}, cpuProfileDir, () => Promise.resolve());
}

/** Two Attune nodes on one fresh Postgres schema and one Redis, or the reason they cannot run. */
export async function twoNodesStart(sizes: readonly number[], cpuProfileDir: string | null): Promise<RunningTarget | string> {
  const postgresUrl = postgresUrlForTests();
  const redisUrl = redisUrlForTests();
  if (postgresUrl === null || redisUrl === null) return 'Postgres or Redis is switched off';
  let schema;
  try {
    schema = await createPostgresTestSchema(postgresUrl);
  } catch (error) {
    return `Postgres is not reachable at ${postgresUrl}: ${String(error)}`;
  }
  const environment = { DATABASE_URL: schema.url, REDIS_URL: redisUrl, REDIS_CHANNEL_PREFIX: `attune:load:${randomBytes(4).toString('hex')}:` };
  return nodesStart(['node-a', 'node-b'], sizes, environment, cpuProfileDir, () => schema.drop());
}
