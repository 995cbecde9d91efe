import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_PLACE_IDS, LEARN_CARD_LIST } from '../../core/learn/index.ts';
import {
  APP_PLACE_PATHS,
  learnCardPath,
  learnLinkLabel,
  learnLinkPath,
  learnRouteOf,
} from './learn-routes.ts';

test('every place in the app has a path inside the app', () => {
  for (const place of APP_PLACE_IDS) assert.match(APP_PLACE_PATHS[place], /^\/[a-z/-]*$/, place);
  assert.equal(APP_PLACE_PATHS['cycle-example'], '/learn/example');
  assert.equal(APP_PLACE_PATHS['home-check-in'], '/');
});

test('every card’s "try this" leads somewhere with a label', () => {
  for (const card of LEARN_CARD_LIST) {
    assert.match(learnLinkPath(card.tryThis.link), /^\//, card.id);
    assert.ok(learnLinkLabel(card.tryThis.link).length > 0, card.id);
  }
});

test('a practice done alone opens by itself; one done together starts a session', () => {
  assert.equal(
    learnLinkPath({ kind: 'practice', practiceId: 'paced-breathing' }),
    '/practice/paced-breathing',
  );
  assert.equal(
    learnLinkLabel({ kind: 'practice', practiceId: 'paced-breathing' }),
    'Try paced breathing',
  );
  assert.equal(learnLinkPath({ kind: 'practice', practiceId: 'breath-sync' }), '/together');
});

test('Learn paths read back into their screens, the example before any card', () => {
  assert.deepEqual(learnRouteOf('/learn'), { screen: 'cards' });
  assert.deepEqual(learnRouteOf('/learn/example'), { screen: 'example' });
  assert.deepEqual(learnRouteOf(learnCardPath('the-cycle')), {
    screen: 'card',
    cardId: 'the-cycle',
  });
  assert.deepEqual(learnRouteOf('/learn/nothing-like-this'), {
    screen: 'card',
    cardId: 'nothing-like-this',
  });
  assert.equal(learnRouteOf('/learnx'), null);
  assert.equal(learnRouteOf('/learn/the-cycle/more'), null);
});

test('no card id is taken by the example', () => {
  assert.ok(LEARN_CARD_LIST.every((card) => (card.id as string) !== 'example'));
});
