import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EMPTY_CYCLE_SIDE,
  OWN_ENTRIES_MAX,
  OWN_ENTRY_MAX_CHARS,
  cycleSideParse,
} from '../../core/cycles/index.ts';
import {
  cycleSidesSame,
  sideMovePicked,
  sideOwnMoveAdded,
  sideOwnMoveRemoved,
  sideOwnWordAdded,
  sideOwnWordRemoved,
  sideWordPicked,
} from './side-editing.ts';

test('ticking a move twice keeps it once; unticking takes it out', () => {
  let side = sideMovePicked(EMPTY_CYCLE_SIDE, 'going-quiet', true);
  side = sideMovePicked(side, 'going-quiet', true);
  side = sideMovePicked(side, 'criticising', true);
  assert.deepEqual(side.moves.picked, ['going-quiet', 'criticising']);
  assert.deepEqual(sideMovePicked(side, 'going-quiet', false).moves.picked, ['criticising']);
  assert.deepEqual(EMPTY_CYCLE_SIDE.moves.picked, [], 'the original side is left as it was');
});

test('feelings and longings are ticked in their own lists', () => {
  const side = sideWordPicked(
    sideWordPicked(EMPTY_CYCLE_SIDE, 'feelingsUnderneath', 'hurt', true),
    'longings',
    'to-matter',
    true,
  );
  assert.deepEqual(side.feelingsUnderneath.picked, ['hurt']);
  assert.deepEqual(side.longings.picked, ['to-matter']);
  assert.deepEqual(
    sideWordPicked(side, 'feelingsUnderneath', 'hurt', false).feelingsUnderneath.picked,
    [],
  );
});

test('a move in my own words keeps the way I said it leans, trimmed', () => {
  const added = sideOwnMoveAdded(EMPTY_CYCLE_SIDE, '  Cleaning loudly ', 'toward');
  assert.ok(added.ok);
  assert.deepEqual(added.side.moves.own, [{ text: 'Cleaning loudly', lean: 'toward' }]);
  assert.deepEqual(sideOwnMoveRemoved(added.side, 0).moves.own, []);
});

test('an own entry is refused with a sentence when empty, too long, repeated or one too many', () => {
  const empty = sideOwnWordAdded(EMPTY_CYCLE_SIDE, 'feelingsUnderneath', '   ');
  assert.ok(!empty.ok && /empty/i.test(empty.problem));
  const long = sideOwnWordAdded(
    EMPTY_CYCLE_SIDE,
    'feelingsUnderneath',
    'x'.repeat(OWN_ENTRY_MAX_CHARS + 1),
  );
  assert.ok(!long.ok && long.problem.includes(String(OWN_ENTRY_MAX_CHARS)));
  const once = sideOwnWordAdded(EMPTY_CYCLE_SIDE, 'longings', 'To be held');
  assert.ok(once.ok);
  const twice = sideOwnWordAdded(once.side, 'longings', 'to be  HELD');
  assert.ok(!twice.ok && /already/.test(twice.problem));
  let side = EMPTY_CYCLE_SIDE;
  for (let index = 0; index < OWN_ENTRIES_MAX; index += 1) {
    const next = sideOwnWordAdded(side, 'feelingsUnderneath', `feeling ${String(index)}`);
    assert.ok(next.ok);
    side = next.side;
  }
  const tooMany = sideOwnWordAdded(side, 'feelingsUnderneath', 'one more');
  assert.ok(!tooMany.ok && tooMany.problem.includes(String(OWN_ENTRIES_MAX)));
  assert.equal(
    sideOwnWordRemoved(side, 'feelingsUnderneath', 0).feelingsUnderneath.own.length,
    OWN_ENTRIES_MAX - 1,
  );
});

test('whatever the editing helpers make, the server’s schema accepts unchanged', () => {
  let side = sideMovePicked(EMPTY_CYCLE_SIDE, 'going-quiet', true);
  const own = sideOwnMoveAdded(side, 'Scrolling in bed', 'away');
  assert.ok(own.ok);
  side = { ...own.side, setsItOff: 'Late evenings', storyAboutOther: 'You do not care.' };
  const parsed = cycleSideParse(side);
  assert.ok(parsed.ok);
  assert.ok(cycleSidesSame(parsed.side, side));
  assert.ok(!cycleSidesSame(side, EMPTY_CYCLE_SIDE));
});
