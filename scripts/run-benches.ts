/**
 * Runs every `bench/*.bench.ts` one after another and prints their figures. Benchmarks never
 * pass or fail on time; a non-zero exit means one of them crashed.
 * Usage: npm run bench [-- name-substring]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2];
const benches = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts') && (filter === undefined || name.includes(filter)))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}`], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
