/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or the bench's `--cpu-prof=DIR`): the functions
 * and the files that used the most CPU themselves, so the hot path shows without a browser.
 * Run: npx tsx bench/load/cpu-profile-summary.ts FILE.cpuprofile [rows] [fromSeconds] [toSeconds]
 * (the window, in seconds since the profile started, picks one phase of a bench run).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, rowsText, fromText, toText] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: npx tsx bench/load/cpu-profile-summary.ts FILE.cpuprofile [rows]');
  process.exit(2);
}
const rows = Number(rowsText ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const fromUs = Number(fromText ?? 0) * 1e6;
const toUs = toText === undefined ? Number.POSITIVE_INFINITY : Number(toText) * 1e6;
const selfUs = new Map<number, number>();
let atUs = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  atUs += delta;
  if (atUs >= fromUs && atUs < toUs) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0);

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/work\/main\//, '').replace(/^node:/, 'node:');
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (node === undefined) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url === '' ? '(native)' : shortUrl(url);
  add(byFunction, `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`, us);
  add(byFile, where.replace(/^node_modules\/([^/@]+|@[^/]+\/[^/]+)\/.*$/, 'node_modules/$1'), us);
}

function print(title: string, map: Map<string, number>): void {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
}

console.log(`${(total / 1e6).toFixed(1)} s of samples (of ${(atUs / 1e6).toFixed(1)} s profiled)`);
print('Self time by package or file:', byFile);
print('Self time by function:', byFunction);
