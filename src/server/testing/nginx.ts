/**
 * A real nginx in front of test nodes, built from the shipped `deploy/nginx/` files: the `map` and
 * `upstream` blocks of attune.conf (with the test nodes as its servers) and attune-proxy.conf
 * included as it is, behind a plain-HTTP listener on a free loopback port (TLS and the redirect
 * are the only parts left out). nginx runs in the foreground with its own prefix directory, so it
 * needs no root, touches nothing in /etc and never takes port 80.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { portFree } from './test-server.ts';

/** The shipped configuration, relative to the project root (tests run from there). */
export const NGINX_SITE_FILE = resolve('deploy', 'nginx', 'attune.conf');
export const NGINX_PROXY_FILE = resolve('deploy', 'nginx', 'attune-proxy.conf');

const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx'];

/** Where the nginx binary is, or null when it is not installed. */
export function nginxBinary(): string | null {
  const fromPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  const found = fromPath.status === 0 ? fromPath.stdout.trim() : '';
  if (found !== '') return found;
  return NGINX_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/** Why nginx tests cannot run here, or false. Under CI=true a missing nginx is an error. */
export function nginxSkipReason(): string | false {
  if (nginxBinary() !== null) return false;
  const reason = 'nginx is not installed (apt-get install -y --no-install-recommends nginx)';
  if (process.env.CI === 'true') throw new Error(`CI=true and the nginx tests cannot run: ${reason}`);
  console.warn(`[skip] ${reason}`);
  return reason;
}

/** A running nginx. */
export interface NginxFront {
  /** e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  /** The generated nginx.conf, for failure messages. */
  readonly config: string;
  /** nginx's error log so far. */
  errorLog(): string;
  /** nginx's access log so far (one line per request: upstream address and status). */
  accessLog(): string;
  stop(): Promise<void>;
}

/** The block `<keyword> ... { ... }` of the site file (these blocks hold no nested braces). */
function blockOf(site: string, opening: RegExp): string {
  const start = site.search(opening);
  if (start < 0) throw new Error(`${NGINX_SITE_FILE} has no block matching ${String(opening)}`);
  const end = site.indexOf('}', start);
  if (end < 0) throw new Error(`${NGINX_SITE_FILE}: the block at ${String(opening)} is not closed`);
  return site.slice(start, end + 1);
}

/**
 * The shipped upstream with its `server` lines replaced by `nodes` (host:port), each keeping the
 * parameters the first shipped line has (max_fails, fail_timeout), so failover is as configured.
 */
function upstreamForNodes(upstream: string, nodes: readonly string[]): string {
  const serverLine = /^\s*server\s+\S+(?<parameters>[^;]*);.*$/m;
  const parameters = serverLine.exec(upstream)?.groups?.parameters ?? '';
  const withoutServers = upstream.replace(/^\s*#?\s*server\s+\S+[^;]*;.*$\n?/gm, '');
  const servers = nodes.map((node) => `    server ${node}${parameters};\n`).join('');
  return withoutServers.replace(/\{\s*\n/, `{\n${servers}`);
}

/** The whole nginx.conf for a test: shipped blocks, test nodes, everything under `prefix`. */
export function nginxTestConfig(prefix: string, port: number, nodes: readonly string[]): string {
  const site = readFileSync(NGINX_SITE_FILE, 'utf8').replace(/#.*$/gm, '');
  const map = blockOf(site, /\bmap\s+\$http_upgrade\b/);
  const upstream = upstreamForNodes(blockOf(site, /\bupstream\s+attune_nodes\b/), nodes);
  // As root, nginx's workers would run as `nobody`: say so, so the prefix must be readable.
  const user = process.getuid?.() === 0 ? 'user nobody nogroup;\n' : '';
  return `${user}worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} info;
events { worker_connections 1024; }
http {
    log_format upstreamlog '$request_method $uri $status upstream=$upstream_addr';
    access_log ${join(prefix, 'access.log')} upstreamlog;
    client_body_temp_path ${join(prefix, 'client_body')};
    proxy_temp_path ${join(prefix, 'proxy')};
    fastcgi_temp_path ${join(prefix, 'fastcgi')};
    uwsgi_temp_path ${join(prefix, 'uwsgi')};
    scgi_temp_path ${join(prefix, 'scgi')};
${map}
${upstream}
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        include ${NGINX_PROXY_FILE};
    }
}
`;
}

/**
 * Starts nginx in front of `nodes` (e.g. ['127.0.0.1:40001']) and waits until it proxies.
 * `port` lets nodes be started first with nginx's address as their PUBLIC_ORIGIN.
 */
export async function nginxFrontStart(nodes: readonly string[], options: { readonly port?: number } = {}): Promise<NginxFront> {
  const binary = nginxBinary();
  if (binary === null) throw new Error('nginx is not installed (apt-get install -y --no-install-recommends nginx)');
  const prefix = mkdtempSync(join(tmpdir(), 'attune-nginx-'));
  chmodSync(prefix, 0o755);
  const port = options.port ?? (await portFree());
  const config = nginxTestConfig(prefix, port, nodes);
  const configFile = join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  const errorLogFile = join(prefix, 'error.log');
  const readLog = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

  const checked = spawnSync(binary, ['-t', '-q', '-p', prefix, '-e', errorLogFile, '-c', configFile], { encoding: 'utf8' });
  if (checked.status !== 0) {
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx refused the generated configuration:\n${checked.stderr}\n${config}`);
  }
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-e', errorLogFile, '-c', configFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => { resolveExit(); }));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(prefix, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = readLog(errorLogFile);
      await stop();
      throw new Error(`nginx exited at start:\n${stderr}\n${log}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const log = readLog(errorLogFile);
      await stop();
      throw new Error(`nginx did not pass a health check through within 15 s:\n${log}`);
    }
    await sleep(50);
  }
  return {
    baseUrl,
    config,
    errorLog: () => readLog(errorLogFile),
    accessLog: () => readLog(join(prefix, 'access.log')),
    stop,
  };
}

/**
 * Runs `nginx -t` on the shipped site file as an operator would install it, with a throwaway
 * self-signed certificate in place of the real one and the snippet at its shipped path. Returns
 * nginx's answer; throws when nginx or openssl cannot be run at all.
 */
export function nginxSiteFileCheck(): { readonly ok: boolean; readonly output: string } {
  const binary = nginxBinary();
  if (binary === null) throw new Error('nginx is not installed (apt-get install -y --no-install-recommends nginx)');
  const prefix = mkdtempSync(join(tmpdir(), 'attune-nginx-check-'));
  try {
    const certificate = join(prefix, 'fullchain.pem');
    const key = join(prefix, 'privkey.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=attune.example.org', '-keyout', key, '-out', certificate], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
    const site = readFileSync(NGINX_SITE_FILE, 'utf8')
      .replaceAll('/etc/letsencrypt/live/attune.example.org/fullchain.pem', certificate)
      .replaceAll('/etc/letsencrypt/live/attune.example.org/privkey.pem', key)
      .replace('include snippets/attune-proxy.conf;', `include ${NGINX_PROXY_FILE};`);
    writeFileSync(join(prefix, 'attune.conf'), site);
    const configFile = join(prefix, 'nginx.conf');
    writeFileSync(configFile, `pid ${join(prefix, 'nginx.pid')};\nevents {}\nhttp {\n    include ${join(prefix, 'attune.conf')};\n}\n`);
    const checked = spawnSync(binary, ['-t', '-p', prefix, '-e', join(prefix, 'error.log'), '-c', configFile], { encoding: 'utf8' });
    return { ok: checked.status === 0, output: `${checked.stdout}${checked.stderr}` };
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}
