import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  isSentence,
  sentencesOf,
  type PlacedText,
} from '../practices/wording-rules.test-support.ts';
import * as hyperIndependence from './hyper-independence.ts';
import * as experiments from './interdependence-experiments.ts';
import * as markers from './markers-of-change.ts';
import * as workingModel from './working-model.ts';

/** Every string exported by the reflection modules, found by walking their exports. */
function reflectionTexts(): PlacedText[] {
  const texts: PlacedText[] = [];
  const visit = (where: string, value: unknown): void => {
    if (typeof value === 'string') texts.push({ where, text: value });
    else if (Array.isArray(value))
      value.forEach((item, index) => {
        visit(`${where}[${String(index)}]`, item);
      });
    else if (value && typeof value === 'object' && !('_zod' in value)) {
      for (const [key, item] of Object.entries(value))
        if (key !== 'id' && key !== 'theme') visit(`${where}.${key}`, item);
    }
  };
  for (const module of [hyperIndependence, experiments, markers, workingModel]) {
    for (const [name, value] of Object.entries(module))
      if (!name.endsWith('_IDS') && !name.endsWith('THEMES') && !name.endsWith('SECTIONS'))
        visit(name, value);
  }
  return texts;
}

/** Short names, titles and anchors are headings, not sentences. */
const isHeading = (where: string): boolean => /shortName|title|TITLES|ANCHORS/.test(where);

test('no blaming, pressuring or clinical words anywhere in the reflections', () => {
  const texts = reflectionTexts();
  assert.ok(texts.length > 60, String(texts.length));
  assert.deepEqual(
    texts.filter(({ text }) => avoidedWordsIn(text).length > 0),
    [],
  );
});

test('everything that is not a heading is in whole, short sentences', () => {
  for (const { where, text } of reflectionTexts()) {
    if (isHeading(where)) continue;
    const statement = /question$/.test(where) ? text.replace(/\?$/, '.') : text;
    assert.ok(isSentence(statement), `${where}: ${text}`);
    for (const sentence of sentencesOf(text)) {
      assert.ok(sentence.split(/\s+/).length <= LONGEST_SENTENCE_WORDS, `${where}: ${sentence}`);
    }
  }
});

test('every sign, root and cost is a gentle "you might notice", never a label', () => {
  for (const section of hyperIndependence.HYPER_INDEPENDENCE_SECTIONS) {
    for (const { id, text } of hyperIndependence.HYPER_INDEPENDENCE_STATEMENTS[section]) {
      assert.match(text, /^You might notice /, id);
    }
  }
  for (const { where, text } of reflectionTexts()) {
    assert.doesNotMatch(
      text,
      /hyper|avoidant|anxious attach|insecure|codependen|you are an? /i,
      where,
    );
  }
});

test('the 1–5 "how it felt" and the 0–10 scales carry words, not grades', () => {
  for (const { where, text } of reflectionTexts().filter(({ where }) =>
    where.includes('ANCHORS'),
  )) {
    assert.doesNotMatch(text, /good|poor|high|low|score|grade|pass/i, where);
  }
});
