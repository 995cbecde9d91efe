/**
 * One behaviour, several backends: every `EventStore` implementation runs this suite (memory,
 * SQLite, Postgres). Each test uses fresh random session ids, so one database serves the suite.
 */
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppendResult, EventStore, JsonValue, NewEvent, StoredEvent } from './event-store.ts';

/** A store plus how to release it. */
export interface EventStoreHandle {
  store: EventStore;
  close(): Promise<void>;
}

/** Options of `eventStoreContract`. */
export interface EventStoreContractOptions {
  /**
   * Opens another writer on the same database, as a second node would (default: `makeStore`).
   * SQLite passes a store in a worker thread: two connections in one thread would block each other.
   */
  makeOtherWriter?: () => Promise<EventStoreHandle>;
}

const T0 = 1_763_700_000_000;

function sessionId(): string {
  return `s-${randomUUID()}`;
}

function events(...types: string[]): NewEvent[] {
  return types.map((type, index) => ({ type, body: { index, type } }));
}

function expectAppended(result: AppendResult): StoredEvent[] {
  if (result.kind !== 'appended') assert.fail(`expected appended, got ${JSON.stringify(result)}`);
  return result.events;
}

/** Registers the contract suite under `describe(name)`. */
export function eventStoreContract(
  name: string,
  makeStore: () => Promise<EventStoreHandle>,
  options: EventStoreContractOptions = {},
): void {
  void describe(`EventStore contract: ${name}`, () => {
    let handle: EventStoreHandle;
    let store: EventStore;

    before(async () => {
      handle = await makeStore();
      store = handle.store;
    });
    after(async () => {
      await handle.close();
    });

    async function append(
      sid: string,
      expectedLastSeq: number,
      commandId: string,
      newEvents: readonly NewEvent[],
      outcome: JsonValue = { ok: true, commandId },
    ): Promise<AppendResult> {
      return store.appendForCommand({
        sessionId: sid,
        expectedLastSeq,
        commandId,
        actorId: 'alice',
        atMs: T0 + expectedLastSeq,
        events: newEvents,
        outcome,
      });
    }

    void test('an empty session has lastSeq 0, no events and no commands', async () => {
      const sid = sessionId();
      assert.equal(await store.lastSeq(sid), 0);
      assert.deepEqual(await store.readAfter(sid, 0), []);
      assert.equal(await store.findCommand(sid, 'nope'), null);
    });

    void test('append assigns contiguous seqs from 1 and records the command', async () => {
      const sid = sessionId();
      const first = expectAppended(await append(sid, 0, 'c1', events('a', 'b')));
      const second = expectAppended(await append(sid, 2, 'c2', events('c')));
      assert.deepEqual(
        [...first, ...second].map((e) => [e.seq, e.type, e.commandId, e.actorId]),
        [
          [1, 'a', 'c1', 'alice'],
          [2, 'b', 'c1', 'alice'],
          [3, 'c', 'c2', 'alice'],
        ],
      );
      assert.equal(await store.lastSeq(sid), 3);
      assert.deepEqual(await store.readAfter(sid, 0), [...first, ...second]);
      const record = await store.findCommand(sid, 'c1');
      assert.deepEqual(record, {
        sessionId: sid,
        commandId: 'c1',
        actorId: 'alice',
        atMs: T0,
        outcome: { ok: true, commandId: 'c1' },
        firstSeq: 1,
        lastSeq: 2,
      });
    });

    void test('readAfter returns exactly the events after a seq, in order, up to limit', async () => {
      const sid = sessionId();
      for (let seq = 0; seq < 6; seq += 1) {
        expectAppended(await append(sid, seq, `c${seq}`, events(`t${seq + 1}`)));
      }
      const seqs = async (after: number, limit?: number) =>
        (await store.readAfter(sid, after, limit)).map((e) => e.seq);
      assert.deepEqual(await seqs(0), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(await seqs(3), [4, 5, 6]);
      assert.deepEqual(await seqs(6), []);
      assert.deepEqual(await seqs(60), []);
      assert.deepEqual(await seqs(1, 2), [2, 3]);
      assert.deepEqual(
        (await store.readAfter(sid, 4)).map((e) => e.type),
        ['t5', 't6'],
      );
    });

    void test('a repeated command id returns duplicate with the first outcome and adds nothing', async () => {
      const sid = sessionId();
      expectAppended(await append(sid, 0, 'c1', events('a'), { first: 'outcome' }));
      for (const expected of [1, 0, 7]) {
        const again = await append(sid, expected, 'c1', events('x', 'y'), { second: 'outcome' });
        if (again.kind !== 'duplicate')
          assert.fail(`expected duplicate, got ${JSON.stringify(again)}`);
        assert.deepEqual(again.record.outcome, { first: 'outcome' });
        assert.deepEqual([again.record.firstSeq, again.record.lastSeq], [1, 1]);
      }
      assert.equal(await store.lastSeq(sid), 1);
      assert.deepEqual(
        (await store.readAfter(sid, 0)).map((e) => e.type),
        ['a'],
      );
    });

    void test('a wrong expectedLastSeq returns conflict with the actual last seq and writes nothing', async () => {
      const sid = sessionId();
      assert.deepEqual(await append(sid, 3, 'early', events('a')), {
        kind: 'conflict',
        lastSeq: 0,
      });
      expectAppended(await append(sid, 0, 'c1', events('a', 'b')));
      assert.deepEqual(await append(sid, 1, 'stale', events('c')), {
        kind: 'conflict',
        lastSeq: 2,
      });
      assert.deepEqual(await append(sid, 0, 'stale2', events('c')), {
        kind: 'conflict',
        lastSeq: 2,
      });
      assert.deepEqual(await append(sid, 5, 'ahead', events('c')), {
        kind: 'conflict',
        lastSeq: 2,
      });
      assert.equal(await store.lastSeq(sid), 2);
      for (const id of ['early', 'stale', 'stale2', 'ahead']) {
        assert.equal(await store.findCommand(sid, id), null, `${id} must not be recorded`);
      }
      // The loser reloads and retries: it then succeeds right after the winner.
      assert.deepEqual(
        expectAppended(await append(sid, 2, 'stale', events('c'))).map((e) => e.seq),
        [3],
      );
    });

    void test('a rejected command is recorded without events and a retry gets the same rejection', async () => {
      const sid = sessionId();
      expectAppended(await append(sid, 0, 'c1', events('a')));
      const rejection = { rejected: true, reason: 'The session is paused.' };
      assert.deepEqual(expectAppended(await append(sid, 1, 'r1', [], rejection)), []);
      assert.equal(await store.lastSeq(sid), 1);
      const record = await store.findCommand(sid, 'r1');
      assert.deepEqual(record && [record.outcome, record.firstSeq, record.lastSeq], [
        rejection,
        null,
        null,
      ]);
      const retry = await append(sid, 1, 'r1', events('would-now-succeed'), { ok: true });
      assert.deepEqual(retry.kind === 'duplicate' ? retry.record.outcome : retry, rejection);
      assert.equal(await store.lastSeq(sid), 1);
      // A rejection decided on stale state is a conflict like any other.
      assert.deepEqual(await append(sid, 0, 'r2', [], rejection), { kind: 'conflict', lastSeq: 1 });
      assert.equal(await store.findCommand(sid, 'r2'), null);
      // After a rejection the log continues without a gap.
      assert.deepEqual(
        expectAppended(await append(sid, 1, 'c2', events('b'))).map((e) => e.seq),
        [2],
      );
    });

    void test('bodies, outcomes and timestamps round-trip exactly', async () => {
      const sid = sessionId();
      const body: JsonValue = {
        text: 'Breathe 🫁 ça va? שלום 你好 e\u0301 \u0000 nul \u2028 sep "quotes" \\ back',
        loneSurrogate: '\ud800',
        nested: {
          deeper: { list: [1, -2.5, 1e-7, 12345678901234, true, false, null, '', [], {}] },
        },
        'key with spaces and ünïcode 🔑': [[['x']]],
        empty: {},
      };
      const outcome: JsonValue = ['ok', { n: 0.1 + 0.2 }];
      const atMs = 8_640_000_000_000_000; // the largest Date: int8 and number both hold it
      const result = await store.appendForCommand({
        sessionId: sid,
        expectedLastSeq: 0,
        commandId: 'c-🙂',
        actorId: 'actor-ñ',
        atMs,
        events: [
          { type: 'kind/é', body },
          { type: 'scalar', body: 'just a string' },
          { type: 'nil', body: null },
        ],
        outcome,
      });
      const returned = expectAppended(result);
      const read = await store.readAfter(sid, 0);
      assert.deepEqual(read, returned);
      assert.deepEqual(
        read.map((e) => e.body),
        [body, 'just a string', null],
      );
      assert.deepEqual(
        read.map((e) => [e.atMs, e.type, e.commandId, e.actorId]),
        [
          [atMs, 'kind/é', 'c-🙂', 'actor-ñ'],
          [atMs, 'scalar', 'c-🙂', 'actor-ñ'],
          [atMs, 'nil', 'c-🙂', 'actor-ñ'],
        ],
      );
      assert.equal(typeof read[0]?.atMs, 'number');
      assert.deepEqual((await store.findCommand(sid, 'c-🙂'))?.outcome, outcome);
    });

    void test('stored events do not share objects with the caller', async () => {
      const sid = sessionId();
      const body = { list: [1, 2] };
      const returned = expectAppended(await append(sid, 0, 'c1', [{ type: 'a', body }]));
      body.list.push(3);
      assert.deepEqual((await store.readAfter(sid, 0))[0]?.body, { list: [1, 2] });
      assert.deepEqual(returned[0]?.body, { list: [1, 2] });
    });

    void test('sessions are isolated: seqs, reads and command ids', async () => {
      const a = sessionId();
      const b = sessionId();
      expectAppended(await append(a, 0, 'same-id', events('a1', 'a2')));
      expectAppended(await append(b, 0, 'same-id', events('b1')));
      assert.equal(await store.lastSeq(a), 2);
      assert.equal(await store.lastSeq(b), 1);
      assert.deepEqual(
        (await store.readAfter(b, 0)).map((e) => [e.sessionId, e.seq, e.type]),
        [[b, 1, 'b1']],
      );
      assert.equal((await store.findCommand(b, 'same-id'))?.lastSeq, 1);
      assert.equal((await store.findCommand(a, 'same-id'))?.lastSeq, 2);
    });

    void test('invalid input is refused and writes nothing', async () => {
      const sid = sessionId();
      await assert.rejects(() => append(sid, -1, 'neg', events('a')), RangeError);
      await assert.rejects(() => append(sid, 0.5, 'frac', events('a')), RangeError);
      await assert.rejects(() => append(sid, 0, '', events('a')), TypeError);
      const notJson = { type: 'a', body: undefined as unknown as JsonValue };
      await assert.rejects(() => append(sid, 0, 'undef', [notJson]), TypeError);
      assert.equal(await store.lastSeq(sid), 0);
      assert.equal(await store.findCommand(sid, 'undef'), null);
    });

    void describe('with a second writer on the same database', () => {
      let other: EventStoreHandle;
      before(async () => {
        other = await (options.makeOtherWriter ?? makeStore)();
      });
      after(async () => {
        await other.close();
      });

      void test('the second writer sees the first one’s events and commands', async () => {
        const sid = sessionId();
        expectAppended(await append(sid, 0, 'c1', events('a')));
        assert.equal(await other.store.lastSeq(sid), 1);
        assert.equal((await other.store.findCommand(sid, 'c1'))?.lastSeq, 1);
        const theirs = await other.store.appendForCommand({
          sessionId: sid,
          expectedLastSeq: 0,
          commandId: 'c2',
          actorId: 'bob',
          atMs: T0,
          events: events('b'),
          outcome: null,
        });
        assert.deepEqual(theirs, { kind: 'conflict', lastSeq: 1 });
      });

      void test('2 writers × 50 appends with reload-and-retry give seqs 1..100 exactly', async () => {
        const sid = sessionId();
        const perWriter = 50;
        let conflicts = 0;
        const write = async (writer: EventStore, name: string) => {
          let expected = await writer.lastSeq(sid);
          for (let i = 0; i < perWriter; i += 1) {
            for (;;) {
              const result = await writer.appendForCommand({
                sessionId: sid,
                expectedLastSeq: expected,
                commandId: `${name}-${i}`,
                actorId: name,
                atMs: T0 + i,
                events: [{ type: 'tick', body: { name, i } }],
                outcome: { name, i },
              });
              if (result.kind === 'appended') {
                expected = result.events.at(-1)?.seq ?? expected;
                break;
              }
              if (result.kind !== 'conflict')
                assert.fail(`${name}-${i}: unexpected ${JSON.stringify(result)}`);
              conflicts += 1;
              expected = result.lastSeq;
            }
          }
        };
        await Promise.all([write(store, 'w1'), write(other.store, 'w2')]);
        const log = await store.readAfter(sid, 0);
        assert.deepEqual(
          log.map((e) => e.seq),
          Array.from({ length: 2 * perWriter }, (_, i) => i + 1),
        );
        const ids = log.map((e) => e.commandId);
        assert.equal(new Set(ids).size, 2 * perWriter, 'every command exactly once');
        for (const name of ['w1', 'w2']) {
          const mine = log
            .filter((e) => e.actorId === name)
            .map((e) => (e.body as { i: number }).i);
          assert.deepEqual(
            mine,
            Array.from({ length: perWriter }, (_, i) => i),
            `${name} in its own order`,
          );
        }
        assert.equal(await other.store.lastSeq(sid), 2 * perWriter);
        // Not a correctness requirement, only a sign the writers really raced.
        if (conflicts === 0) console.warn(`[${name}] concurrency test saw no conflicts`);
      });

      void test('appendInTurn: against a writer appending back to back, each command goes in on its turn, told what it missed', async (t) => {
        const inTurn = store.appendInTurn?.bind(store);
        if (inTurn === undefined) {
          t.skip('this store has no appendInTurn');
          return;
        }
        const sid = sessionId();
        expectAppended(await append(sid, 0, 'start', events('start')));
        const busyWriter = { stopped: false };
        const busy = (async () => {
          let expected = 1;
          for (let i = 0; !busyWriter.stopped; i += 1) {
            const result = await other.store.appendForCommand({ sessionId: sid, expectedLastSeq: expected, commandId: `busy-${i}`, actorId: 'busy', atMs: T0, events: events('busy'), outcome: null });
            if (result.kind === 'appended') expected = result.events.at(-1)?.seq ?? expected;
            else if (result.kind === 'conflict') expected = result.lastSeq;
          }
        })();
        let known = 1;
        let missedTotal = 0;
        for (let i = 0; i < 10; i += 1) {
          const result = await inTurn({
            sessionId: sid,
            commandId: `turn-${i}`,
            actorId: 'quiet',
            knownLastSeq: known,
            decide: (missed) => {
              assert.deepEqual(missed.map((e) => e.seq), missed.map((_, index) => known + 1 + index), 'missed events come in order from the last one known');
              missedTotal += missed.length;
              known = missed.at(-1)?.seq ?? known;
              return { atMs: T0, events: [{ type: 'turn', body: { i } }], outcome: { i } };
            },
          });
          const [mine] = expectAppended(result);
          assert.equal(mine?.seq, known + 1, 'appended right after what it was told');
          known = mine.seq;
        }
        busyWriter.stopped = true;
        await busy;
        const again = await inTurn({ sessionId: sid, commandId: 'turn-0', actorId: 'quiet', knownLastSeq: known, decide: () => assert.fail('decide was called for a command id already recorded') });
        assert.equal(again.kind, 'duplicate');
        const log = await store.readAfter(sid, 0);
        assert.deepEqual(log.map((e) => e.seq), log.map((_, index) => index + 1));
        assert.equal(log.filter((e) => e.type === 'turn').length, 10);
        if (missedTotal === 0) console.warn(`[${name}] appendInTurn test never had to catch up`);
      });

      void test('one command id sent by two writers at once is appended once and duplicate once', async () => {
        for (let round = 0; round < 10; round += 1) {
          const sid = sessionId();
          const send = (writer: EventStore, actorId: string) =>
            writer.appendForCommand({
              sessionId: sid,
              expectedLastSeq: 0,
              commandId: 'same',
              actorId,
              atMs: T0,
              events: events('once'),
              outcome: { by: actorId },
            });
          const results = await Promise.all([send(store, 'w1'), send(other.store, 'w2')]);
          const kinds = results.map((r) => r.kind).sort();
          assert.deepEqual(
            kinds,
            ['appended', 'duplicate'],
            `round ${round}: ${JSON.stringify(results)}`,
          );
          const winner = results.find((r) => r.kind === 'appended');
          const loser = results.find((r) => r.kind === 'duplicate');
          assert.deepEqual(
            loser?.kind === 'duplicate' ? loser.record.outcome : null,
            winner?.kind === 'appended' ? winner.record.outcome : undefined,
          );
          assert.deepEqual(
            (await store.readAfter(sid, 0)).map((e) => e.seq),
            [1],
          );
        }
      });
    });
  });
}
