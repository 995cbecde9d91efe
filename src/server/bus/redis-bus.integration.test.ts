/** The bus contract on Redis: each "node" is a RedisBus with its own two connections. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { probeRedis, testChannelPrefix } from '../testing/services.ts';
import { busContract } from './bus.contract.ts';
import { RedisBus } from './redis-bus.ts';

const redis = await probeRedis();
const url = redis.url ?? '';
const channelPrefix = testChannelPrefix();

/** Channels this test run holds a SUBSCRIBE on, seen from the Redis server. */
async function liveChannels(): Promise<string[]> {
  const admin = new Redis(url);
  try {
    return ((await admin.pubsub('CHANNELS', `${channelPrefix}*`)) as string[]).sort();
  } finally {
    admin.disconnect();
  }
}

void describe('redis bus', { skip: redis.skipReason }, () => {
  busContract('redis', ({ onError }) =>
    Promise.resolve(new RedisBus({ url, channelPrefix, onError })),
  );

  void test('many local listeners share one Redis subscription, dropped with the last one', async () => {
    const bus = new RedisBus({ url, channelPrefix });
    try {
      const offs = await Promise.all([1, 2, 3].map(() => bus.subscribe('shared', () => undefined)));
      assert.deepEqual(await liveChannels(), [`${channelPrefix}shared`]);
      await offs[0]!();
      await offs[1]!();
      assert.deepEqual(await liveChannels(), [`${channelPrefix}shared`]);
      await offs[2]!();
      assert.deepEqual(await liveChannels(), []);
    } finally {
      await bus.close();
    }
  });

  void test('the prefix keeps test runs apart', async () => {
    const mine = new RedisBus({ url, channelPrefix });
    const theirs = new RedisBus({ url, channelPrefix: testChannelPrefix() });
    try {
      const got: string[] = [];
      const off = await mine.subscribe('room', (m) => got.push(m));
      await theirs.publish('room', 'not for you');
      await mine.publish('room', 'for you');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(got, ['for you']);
      await off();
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
    }
  });

  void test('an unreachable Redis reports through onError instead of crashing, and close() still returns', async () => {
    const errors: unknown[] = [];
    const bus = new RedisBus({
      url: 'redis://127.0.0.1:1',
      channelPrefix,
      onError: (e) => errors.push(e),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bus.close();
    assert.ok(errors.length > 0, 'connection errors reached onError');
  });
});
