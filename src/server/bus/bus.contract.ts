/**
 * One behaviour for every `Bus` (memory and Redis). `makeBus` is called once per "node"; all the
 * buses it makes must share one broker. To prove a message was NOT delivered, tests publish a
 * barrier message on a subscribed channel right after it: delivery is in order per connection.
 */
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bus } from './bus.ts';

/** Options the contract passes to the factory. */
export interface BusFactoryOptions {
  onError: (error: unknown) => void;
}

const WAIT_MS = 3000;

/** Collects messages and lets a test wait until a number of them have arrived. */
class Inbox {
  readonly messages: string[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  readonly listener = (message: string): void => {
    this.messages.push(message);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.messages.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  };

  async waitFor(count: number, what: string): Promise<string[]> {
    if (this.messages.length < count) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push({ count, resolve })),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(
              new Error(
                `${what}: got ${this.messages.length} of ${count} messages within ${WAIT_MS} ms`,
              ),
            );
          }, WAIT_MS);
        }),
      ]).finally(() => {
        clearTimeout(timer);
      });
    }
    return this.messages;
  }
}

function channel(): string {
  return `ch-${randomUUID()}`;
}

/** Registers the contract suite under `describe(name)`. */
export function busContract(
  name: string,
  makeBus: (options: BusFactoryOptions) => Promise<Bus>,
): void {
  void describe(`Bus contract: ${name}`, () => {
    const errors: unknown[] = [];
    let node1: Bus;
    let node2: Bus;

    before(async () => {
      node1 = await makeBus({ onError: (error) => errors.push(error) });
      node2 = await makeBus({ onError: (error) => errors.push(error) });
    });
    after(async () => {
      await Promise.all([node1.close(), node2.close()]);
    });

    /** Publishes on `barrierChannel` (which `inbox` listens to) and waits for it to arrive. */
    async function barrier(bus: Bus, barrierChannel: string, inbox: Inbox): Promise<void> {
      const token = `barrier-${randomUUID()}`;
      const expected = inbox.messages.length + 1;
      await bus.publish(barrierChannel, token);
      await inbox.waitFor(expected, 'barrier');
      assert.equal(inbox.messages.at(-1), token);
    }

    void test('a subscriber receives what is published after subscribe resolves, in order', async () => {
      const ch = channel();
      const inbox = new Inbox();
      const unsubscribe = await node1.subscribe(ch, inbox.listener);
      const sent = Array.from({ length: 200 }, (_, i) => `m${i} ✓`);
      for (const message of sent) void node1.publish(ch, message);
      assert.deepEqual(await inbox.waitFor(sent.length, 'in order'), sent);
      await unsubscribe();
    });

    void test('delivery is asynchronous: publish never calls listeners synchronously', async () => {
      const ch = channel();
      const inbox = new Inbox();
      const unsubscribe = await node1.subscribe(ch, inbox.listener);
      const publishing = node1.publish(ch, 'x');
      assert.deepEqual(inbox.messages, []);
      await publishing;
      await inbox.waitFor(1, 'async');
      await unsubscribe();
    });

    void test('two subscribers on one channel both receive', async () => {
      const ch = channel();
      const a = new Inbox();
      const b = new Inbox();
      const offA = await node1.subscribe(ch, a.listener);
      const offB = await node1.subscribe(ch, b.listener);
      await node1.publish(ch, 'one');
      await node1.publish(ch, 'two');
      assert.deepEqual(await a.waitFor(2, 'a'), ['one', 'two']);
      assert.deepEqual(await b.waitFor(2, 'b'), ['one', 'two']);
      await offA();
      await offB();
    });

    void test('channels are isolated, including names that prefix each other', async () => {
      const ch = channel();
      const short = new Inbox();
      const long = new Inbox();
      const offShort = await node1.subscribe(ch, short.listener);
      const offLong = await node1.subscribe(`${ch}x`, long.listener);
      await node1.publish(`${ch}x`, 'for long');
      await node1.publish(ch, 'for short');
      assert.deepEqual(await short.waitFor(1, 'short'), ['for short']);
      assert.deepEqual(await long.waitFor(1, 'long'), ['for long']);
      await barrier(node1, ch, short);
      assert.deepEqual(long.messages, ['for long']);
      await offShort();
      await offLong();
    });

    void test('unsubscribe stops delivery to that listener only; the last one leaving ends the channel', async () => {
      const ch = channel();
      const control = channel();
      const leaving = new Inbox();
      const staying = new Inbox();
      const controlInbox = new Inbox();
      const offLeaving = await node1.subscribe(ch, leaving.listener);
      const offStaying = await node1.subscribe(ch, staying.listener);
      const offControl = await node1.subscribe(control, controlInbox.listener);
      await node1.publish(ch, 'before');
      await leaving.waitFor(1, 'before');
      await offLeaving();
      await offLeaving(); // idempotent
      await node1.publish(ch, 'after');
      assert.deepEqual(await staying.waitFor(2, 'staying'), ['before', 'after']);
      await offStaying();
      await node1.publish(ch, 'nobody');
      await barrier(node1, control, controlInbox);
      assert.deepEqual(leaving.messages, ['before']);
      assert.deepEqual(staying.messages, ['before', 'after']);
      // Subscribing again after the channel was dropped works.
      const again = new Inbox();
      const offAgain = await node1.subscribe(ch, again.listener);
      await node1.publish(ch, 'again');
      assert.deepEqual(await again.waitFor(1, 'again'), ['again']);
      await offAgain();
      await offControl();
    });

    void test('two nodes see each other’s messages, and their own', async () => {
      const ch = channel();
      const on1 = new Inbox();
      const on2 = new Inbox();
      const off1 = await node1.subscribe(ch, on1.listener);
      const off2 = await node2.subscribe(ch, on2.listener);
      await node2.publish(ch, 'from 2');
      assert.deepEqual(await on1.waitFor(1, 'node1'), ['from 2']);
      assert.deepEqual(await on2.waitFor(1, 'node2'), ['from 2']);
      await node1.publish(ch, 'from 1');
      assert.deepEqual(await on2.waitFor(2, 'node2'), ['from 2', 'from 1']);
      assert.deepEqual(await on1.waitFor(2, 'node1'), ['from 2', 'from 1']);
      await off1();
      await off2();
    });

    void test('a listener that throws is reported to onError and does not stop the others', async () => {
      const ch = channel();
      const inbox = new Inbox();
      const failure = new Error('listener broke');
      const offBad = await node1.subscribe(ch, () => {
        throw failure;
      });
      const offGood = await node1.subscribe(ch, inbox.listener);
      const before = errors.length;
      await node1.publish(ch, 'm1');
      await node1.publish(ch, 'm2');
      assert.deepEqual(await inbox.waitFor(2, 'good listener'), ['m1', 'm2']);
      assert.deepEqual(errors.slice(before), [failure, failure]);
      await offBad();
      await offGood();
    });
  });
}
