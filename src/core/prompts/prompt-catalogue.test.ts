import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  sentencesOf,
} from '../practices/wording-rules.test-support.ts';
import {
  GENTLE_PROMPTS,
  PROMPT_THEMES,
  PROMPT_THEME_NAMES,
  gentlePromptById,
} from './prompt-catalogue.ts';
import { PROMPT_SETTINGS_NOTE } from './prompt-settings.ts';

test('forty prompts, ten of each kind, with distinct ids', () => {
  assert.equal(GENTLE_PROMPTS.length, 40);
  for (const theme of PROMPT_THEMES)
    assert.equal(GENTLE_PROMPTS.filter((prompt) => prompt.theme === theme).length, 10, theme);
  assert.equal(new Set(GENTLE_PROMPTS.map((prompt) => prompt.id)).size, 40);
  assert.equal(gentlePromptById('pr-hum')?.theme, 'practice');
  assert.equal(gentlePromptById('nothing'), undefined);
});

test('every prompt is short, kind and plain', () => {
  const texts = [
    ...GENTLE_PROMPTS.map(({ id, text }) => ({ id, text })),
    { id: 'settings note', text: PROMPT_SETTINGS_NOTE },
  ];
  for (const { id, text } of texts) {
    assert.deepEqual(avoidedWordsIn(text), [], id);
    assert.match(text, /^[A-Z].*[.?]$/, id);
    assert.doesNotMatch(text, /\s{2}/, id);
    for (const sentence of sentencesOf(text))
      assert.ok(sentence.split(/\s+/).length <= LONGEST_SENTENCE_WORDS, `${id}: ${sentence}`);
  }
  for (const name of Object.values(PROMPT_THEME_NAMES)) assert.deepEqual(avoidedWordsIn(name), []);
});

test('no streaks, no guilt, no "you missed": a prompt never looks back at gaps or counts', () => {
  for (const { id, text } of GENTLE_PROMPTS) {
    assert.doesNotMatch(
      text,
      /\b(missed|miss|streak|again|forgot|forget|behind|yet|still haven|in a row|keep up|don.t break|days? since)\b/i,
      id,
    );
  }
});
