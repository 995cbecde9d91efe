/**
 * Runs every `*.test.ts` under src/, bench/, scripts/ and e2e/ with node's test runner through tsx.
 * Node 20's `--test` does not expand globs, and an empty file list would run nothing and pass,
 * so the list is built here and an empty one is an error.
 * Usage: tsx scripts/run-tests.ts [path-substring ...]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = ['src', 'bench', 'scripts', 'e2e'];
const filters = process.argv.slice(2);

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

const files = ROOTS.flatMap((root) => {
  try {
    return testFilesUnder(root);
  } catch {
    return [];
  }
})
  .map((file) => relative('.', file))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error('run-tests: no test files matched; refusing to report success on zero tests.');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--import', './scripts/test-setup.ts', '--test', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
process.exit(result.status ?? 1);
