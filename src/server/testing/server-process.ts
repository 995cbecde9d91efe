/**
 * Attune as a separate process (`attune serve`), for tests and benchmarks that must kill it
 * with -9 or run several nodes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server process and its base URL. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** SIGKILL, then wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

/** How to start the process, for benchmarks that profile or measure it. */
export interface ServerProcessOptions {
  /** Node options before the script, e.g. `--cpu-prof` or `--expose-gc`. */
  readonly nodeArgs?: readonly string[];
  /** Another entry point that starts the same server (default: `src/cli/main.ts serve`). */
  readonly script?: readonly string[];
  /** Opens an IPC channel to the child (`child.send`, `child.on('message')`). */
  readonly ipc?: boolean;
  /** How long it may take to answer its first health check (default 60 s: several nodes starting on a busy 2-core CI machine). */
  readonly startTimeoutMs?: number;
}

/** Starts `attune serve` with `environment` on `port` and waits until it answers health checks. */
export async function serverProcessStart(port: number, environment: Readonly<Record<string, string>>, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', ...(options.script ?? ['src/cli/main.ts', 'serve'])], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_ORIGIN: baseUrl, LOG_LEVEL: 'warn', ...environment },
    stdio: options.ipc === true ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within ${String(startTimeoutMs / 1000)} s:\n${output}`);
    }
    await sleep(50);
  }
  return {
    child,
    baseUrl,
    output: () => output,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
