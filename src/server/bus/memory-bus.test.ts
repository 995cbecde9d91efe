/** The bus contract on the in-process bus; the "nodes" share one hub. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busContract } from './bus.contract.ts';
import { MemoryBus, MemoryBusHub } from './memory-bus.ts';

const hub = new MemoryBusHub();

busContract('memory', ({ onError }) => Promise.resolve(new MemoryBus({ hub, onError })));

void test('memory bus: a closed bus leaves no subscriptions behind and refuses new work', async () => {
  const localHub = new MemoryBusHub();
  const bus = new MemoryBus({ hub: localHub });
  await bus.subscribe('a', () => undefined);
  await bus.subscribe('b', () => undefined);
  assert.equal(localHub.channelCount, 2);
  await bus.close();
  assert.equal(localHub.channelCount, 0);
  await assert.rejects(() => bus.publish('a', 'x'));
  await assert.rejects(() => bus.subscribe('a', () => undefined));
});

void test('memory bus: another node is said to hear a channel only while another bus on the hub listens to it', async () => {
  const localHub = new MemoryBusHub();
  const here = new MemoryBus({ hub: localHub });
  const there = new MemoryBus({ hub: localHub });
  assert.equal(here.reachesOtherNodes('s'), false, 'nobody listens');
  await here.subscribe('s', () => undefined);
  assert.equal(here.reachesOtherNodes('s'), false, 'only this node listens');
  const unsubscribe = await there.subscribe('s', () => undefined);
  assert.equal(here.reachesOtherNodes('s'), true);
  assert.equal(there.reachesOtherNodes('s'), true);
  assert.equal(here.reachesOtherNodes('other'), false);
  await unsubscribe();
  assert.equal(here.reachesOtherNodes('s'), false);
  assert.equal(there.reachesOtherNodes('s'), true, 'the first node still listens');
});
