import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LABEL_ELLIPSIS, labelLength, labelWords, labelWrap } from './label-wrap.ts';

void describe('labelWrap', () => {
  void test('keeps words whole and fills each line greedily', () => {
    assert.deepEqual(
      labelWrap('goes quiet, explains and defends', { maxCharsPerLine: 12, maxLines: 3 }),
      {
        lines: ['goes quiet,', 'explains and', 'defends'],
        truncated: false,
      },
    );
  });

  void test('ends a shortened label in an ellipsis at a word boundary, dropping a dangling comma', () => {
    const wrapped = labelWrap('criticises, gets louder, pushes for an answer', {
      maxCharsPerLine: 12,
      maxLines: 2,
    });
    assert.deepEqual(wrapped, { lines: ['criticises,', 'gets louder…'], truncated: true });
    const comma = labelWrap('goes quiet, leaves the room', { maxCharsPerLine: 12, maxLines: 1 });
    assert.deepEqual(comma, { lines: ['goes quiet…'], truncated: true });
  });

  void test('splits a word only when it is longer than a whole line', () => {
    assert.deepEqual(
      labelWrap('a supercalifragilistic word', { maxCharsPerLine: 8, maxLines: 5 }).lines,
      ['a', 'supercal', 'ifragili', 'stic', 'word'],
    );
  });

  void test('counts an emoji or accented letter as one character and never splits it', () => {
    const wrapped = labelWrap('👩‍👩‍👧 café 👩‍👩‍👧', { maxCharsPerLine: 7, maxLines: 1 });
    assert.equal(wrapped.truncated, true);
    assert.equal(wrapped.lines[0], '👩‍👩‍👧 café…');
    assert.equal(labelLength('👩‍👩‍👧'), 1);
  });

  void test('gives no lines for empty or blank text', () => {
    assert.deepEqual(labelWrap('   ', { maxCharsPerLine: 10, maxLines: 2 }), {
      lines: [],
      truncated: false,
    });
  });
});

const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'hears', 'goes', 'quiet,', '“You', 'never', 'listen.”', 'é', '👍'),
      fc.string({ minLength: 1, maxLength: 14 }),
    ),
    {
      maxLength: 30,
    },
  )
  .map((words) => words.join(' '));
const roomArb = fc.record({
  maxCharsPerLine: fc.integer({ min: 2, max: 40 }),
  maxLines: fc.integer({ min: 1, max: 5 }),
});

void describe('labelWrap properties', () => {
  void test('no line is longer than the room, and there are never too many lines', () => {
    fc.assert(
      fc.property(textArb, roomArb, (text, room) => {
        const { lines } = labelWrap(text, room);
        assert.ok(lines.length <= room.maxLines);
        for (const line of lines) assert.ok(labelLength(line) <= room.maxCharsPerLine, line);
      }),
    );
  });

  void test('nothing is lost silently: either all the words are there, or it says it shortened them', () => {
    fc.assert(
      fc.property(textArb, roomArb, (text, room) => {
        const wrapped = labelWrap(text, room);
        const shown = wrapped.lines.join('');
        const whole = labelWords(text).join('');
        if (wrapped.truncated) {
          assert.ok(wrapped.lines.at(-1)?.endsWith(LABEL_ELLIPSIS));
          // What is shown is the start of the text, never anything else.
          assert.ok(
            whole.startsWith(shown.slice(0, -LABEL_ELLIPSIS.length).replace(/\s/g, '')) ||
              shown === LABEL_ELLIPSIS,
          );
        } else {
          assert.equal(shown.replace(/\s/g, ''), whole.replace(/\s/g, ''));
        }
      }),
    );
  });
});
