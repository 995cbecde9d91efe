/**
 * The words on the repair, reflection, progress and prompt screens stay warm and plain: no guilt
 * ("you missed", "overdue"), no streaks or targets, no diagnosis, no blame. Reads the screens'
 * source, so a new sentence anywhere in them is checked too.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const FOLDERS = ['src/web/repair', 'src/web/reflections', 'src/web/progress', 'src/web/prompts'];

/** Phrases that hurry, keep count, judge, diagnose or blame. */
const NOT_SAID = [
  /\byou missed\b/i,
  /\bmissed (a|your|it)\b/i,
  /\bstreaks?\b/i,
  /\boverdue\b/i,
  /\bfell behind\b/i,
  /\bgoal\b/i,
  /\btarget to reach\b/i,
  /\bwell done\b/i,
  /\bgreat job\b/i,
  /\bdiagnos/i,
  /\bdisorder\b/i,
  /\byour fault\b/i,
  /\bshould have\b/i,
  /\bhurry up\b/i,
];

function sourcesIn(folder: string): { path: string; text: string }[] {
  return readdirSync(folder)
    .filter((name) => /\.(tsx|ts)$/.test(name) && !/\.test\.ts$|\.test-support\.ts$/.test(name))
    .map((name) => ({ path: join(folder, name), text: readFileSync(join(folder, name), 'utf8') }));
}

/** The text a person can read: string literals and JSX text, without comments. */
function readableText(source: string): string {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const literals = withoutComments.match(/'[^'\n]*'|`[^`]*`|"[^"\n]*"/g) ?? [];
  const jsxText = withoutComments.match(/>[^<>{}]+</g) ?? [];
  return [...literals, ...jsxText].join('\n');
}

test('no guilt, streaks, targets, diagnosis or blame in what these screens say', () => {
  const sources = FOLDERS.flatMap(sourcesIn);
  assert.ok(sources.length > 20, 'the screens were found');
  for (const { path, text } of sources) {
    const readable = readableText(text);
    for (const phrase of NOT_SAID) assert.doesNotMatch(readable, phrase, `${path} says something matching ${String(phrase)}`);
  }
});
