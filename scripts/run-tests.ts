/**
 * Runs the tests in two passes with node's test runner through tsx:
 *
 * 1. Every `*.test.ts` under src/, bench/, scripts/ and e2e/, on SQLite and the in-process bus.
 * 2. The server side again (src/server/**, src/cli/**) with ATTUNE_TEST_DATABASE=postgres and
 *    ATTUNE_TEST_BUS=redis: every test server and store then runs on a throwaway Postgres schema
 *    and the Redis bus, as a deployment of several nodes does. Files that choose their database
 *    themselves, or test one engine's own behaviour, run in pass 1 only (see `runsOnlyOnce`).
 *
 * Pass 2 needs Postgres and Redis. Under CI=true it is mandatory and their absence fails the run;
 * locally it is skipped with the reason printed. A failure in either pass fails the run.
 *
 * Node 20's `--test` does not expand globs, and an empty file list would run nothing and pass,
 * so the lists are built here and an empty first pass is an error.
 *
 * Usage: tsx scripts/run-tests.ts [path-substring ...]
 *   ATTUNE_TEST_PASSES=sqlite|postgres   run one pass only (default: both)
 *   ATTUNE_TEST_PASSES_PARALLEL=1|0      run the passes side by side (default: when 4+ cores)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { probePostgres, probeRedis, TEST_BUS_SWITCH, TEST_DATABASE_SWITCH } from '../src/server/testing/services.ts';

const ROOTS = ['src', 'bench', 'scripts', 'e2e'];
const SERVER_ROOTS = [join('src', 'server') + sep, join('src', 'cli') + sep];
const filters = process.argv.slice(2);

/**
 * Server test files that run in the first pass only:
 * - the name says which engine (or which store implementation) it is about: `.sqlite.`,
 *   `.postgres.`, `.memory.`, or a `sqlite-` file (its Postgres twin, if any, runs in pass 1 too);
 * - `.kill9.`: fault tests that start each engine themselves;
 * - the files below, which test SQLite's own behaviour under names that do not say so.
 */
const SQLITE_ONLY_BY_CONTENT: ReadonlyMap<string, string> = new Map([
  [join('src', 'server', 'store', 'database.test.ts'), 'opening the SQLite file and its pragmas'],
  [join('src', 'server', 'store', 'durability.test.ts'), 'kill -9 of a process appending to a SQLite file'],
]);

function runsOnlyOnce(file: string): boolean {
  const name = file.split(sep).at(-1) ?? file;
  return /\.(sqlite|postgres|memory|kill9)\./.test(name) || name.startsWith('sqlite-') || SQLITE_ONLY_BY_CONTENT.has(file);
}

function testFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...testFilesUnder(path));
    else if (path.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const allFiles = ROOTS.flatMap((root) => {
  try {
    return testFilesUnder(root);
  } catch {
    return [];
  }
})
  .map((file) => relative('.', file))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

interface Pass {
  readonly name: 'sqlite' | 'postgres';
  readonly title: string;
  readonly files: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
}

interface PassResult {
  readonly pass: Pass;
  readonly exitCode: number;
  readonly durationMs: number;
  /** From the TAP summary; null when the runner died before writing one. */
  readonly counts: Readonly<Record<'tests' | 'pass' | 'fail' | 'cancelled' | 'skipped' | 'todo', number>> | null;
}

const onlyPass = process.env.ATTUNE_TEST_PASSES?.trim();
if (onlyPass !== undefined && onlyPass !== '' && onlyPass !== 'sqlite' && onlyPass !== 'postgres') {
  console.error(`run-tests: ATTUNE_TEST_PASSES is "${onlyPass}"; use sqlite or postgres, or leave it unset for both.`);
  process.exit(1);
}
const wantSqlite = onlyPass === undefined || onlyPass === '' || onlyPass === 'sqlite';
const wantPostgres = onlyPass === undefined || onlyPass === '' || onlyPass === 'postgres';

const passes: Pass[] = [];
if (wantSqlite) {
  if (allFiles.length === 0) {
    console.error('run-tests: no test files matched; refusing to report success on zero tests.');
    process.exit(1);
  }
  passes.push({ name: 'sqlite', title: 'SQLite, in-process bus', files: allFiles, environment: {} });
}
const postgresFiles = allFiles.filter((file) => SERVER_ROOTS.some((root) => file.startsWith(root)) && !runsOnlyOnce(file));
if (wantPostgres) {
  const reason = await postgresPassUnavailable();
  if (reason !== null) {
    // probeService has already thrown under CI=true; this is the local, optional case.
    console.warn(`run-tests: skipping the Postgres pass: ${reason}`);
  } else if (postgresFiles.length === 0) {
    if (!wantSqlite) {
      console.error('run-tests: no server test files matched for the Postgres pass; refusing to report success on zero tests.');
      process.exit(1);
    }
  } else {
    passes.push({
      name: 'postgres',
      title: 'Postgres + Redis bus',
      files: postgresFiles,
      environment: { [TEST_DATABASE_SWITCH]: 'postgres', [TEST_BUS_SWITCH]: 'redis' },
    });
  }
}

/** Why the Postgres pass cannot run here, or null. Under CI=true an unreachable service throws. */
async function postgresPassUnavailable(): Promise<string | null> {
  try {
    const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);
    for (const probe of [postgres, redis]) {
      if (!probe.available) return probe.skipReason === false ? `${probe.name} unavailable` : probe.skipReason;
    }
    return null;
  } catch (error) {
    console.error(`run-tests: the Postgres pass is required under CI=true and cannot run. ${error instanceof Error ? error.message : String(error)}`);
    console.error('Start Postgres on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (or set ATTUNE_TEST_DATABASE_URL and ATTUNE_TEST_REDIS_URL), then run the tests again.');
    process.exit(1);
  }
}

const cores = availableParallelism();
const parallelSetting = process.env.ATTUNE_TEST_PASSES_PARALLEL?.trim();
// On two cores each pass already runs two files at once; side by side they would only compete.
const parallel = passes.length > 1 && (parallelSetting === undefined || parallelSetting === '' ? cores >= 4 : parallelSetting === '1');
const concurrency = parallel ? Math.max(2, Math.floor(cores / 2)) : 2;

const reportDir = mkdtempSync(join(tmpdir(), 'attune-test-report-'));
const results: PassResult[] = [];
try {
  for (const pass of passes) console.log(`run-tests: ${pass.title} pass: ${filesCount(pass.files.length)}`);
  if (parallel) {
    results.push(...(await Promise.all(passes.map((pass) => passRun(pass, true)))));
  } else {
    for (const pass of passes) results.push(await passRun(pass, false));
  }
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
process.exit(summaryPrint(results) ? 0 : 1);

/** Runs one pass; its spec output streams to stdout (prefixed when passes run side by side). */
async function passRun(pass: Pass, prefixed: boolean): Promise<PassResult> {
  const tapFile = join(reportDir, `${pass.name}.tap`);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--import', 'tsx',
      '--import', './scripts/test-setup.ts',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
      ...pass.files,
    ],
    { stdio: ['ignore', prefixed ? 'pipe' : 'inherit', prefixed ? 'pipe' : 'inherit'], env: { ...process.env, TZ: 'UTC', ...pass.environment } },
  );
  if (prefixed) {
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream }).on('line', (line) => { console.log(`[${pass.name}] ${line}`); });
    }
  }
  const exitCode = await new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => { resolve(code ?? (signal === null ? 1 : 128)); });
  });
  return { pass, exitCode, durationMs: Date.now() - started, counts: tapSummaryRead(tapFile) };
}

function tapSummaryRead(tapFile: string): PassResult['counts'] {
  let text: string;
  try {
    text = readFileSync(tapFile, 'utf8');
  } catch {
    return null;
  }
  const count = (key: string): number | null => {
    const matches = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    const last = matches.at(-1);
    return last === undefined ? null : Number(last[1]);
  };
  const keys = ['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo'] as const;
  const values = keys.map(count);
  if (values.some((value) => value === null)) return null;
  return Object.fromEntries(keys.map((key, index) => [key, values[index] ?? 0])) as NonNullable<PassResult['counts']>;
}

function filesCount(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}

/** Prints one line per pass; true when every pass ran tests and none failed. */
function summaryPrint(all: readonly PassResult[]): boolean {
  console.log('');
  console.log(`run-tests summary (${parallel ? 'passes side by side' : 'passes one after the other'}, ${concurrency} files at a time each, ${cores} cores):`);
  let ok = all.length > 0;
  for (const result of all) {
    const seconds = (result.durationMs / 1000).toFixed(0);
    const counts = result.counts;
    const passOk = result.exitCode === 0 && counts !== null && counts.tests > 0 && counts.fail === 0 && counts.cancelled === 0;
    ok &&= passOk;
    const detail =
      counts === null
        ? 'no summary (the test runner stopped early)'
        : `${counts.tests} tests: ${counts.pass} passed, ${counts.fail} failed, ${counts.cancelled} cancelled, ${counts.skipped} skipped, ${counts.todo} todo`;
    console.log(`  ${passOk ? 'ok  ' : 'FAIL'} ${result.pass.title}: ${filesCount(result.pass.files.length)}, ${detail}, ${seconds} s, exit ${result.exitCode}`);
  }
  if (!all.some((result) => result.pass.name === 'postgres') && wantPostgres) {
    console.log('  (the Postgres pass did not run here; CI runs it)');
  }
  return ok;
}
