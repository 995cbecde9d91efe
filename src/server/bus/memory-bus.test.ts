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
