/**
 * Child process for the kill -9 test: appends to one session forever on `<dataDir>` (already
 * migrated) and prints `ack <seq>` after each append has resolved, i.e. after commit, exactly when
 * the server would acknowledge to a client.
 * Usage: node --import tsx append-until-killed.ts <dataDir> <sessionId>
 */
import { openDatabase } from '../database.ts';
import { KyselyEventStore } from '../kysely-event-store.ts';

const [dataDir, sessionId] = process.argv.slice(2);
if (dataDir === undefined || sessionId === undefined)
  throw new Error('usage: <dataDir> <sessionId>');

const database = await openDatabase({ dataDir });
const store = new KyselyEventStore(database.db);
let expected = await store.lastSeq(sessionId);
for (let i = 0; ; i += 1) {
  const result = await store.appendForCommand({
    sessionId,
    expectedLastSeq: expected,
    commandId: `c${i}`,
    actorId: 'child',
    atMs: i,
    events: [{ type: 'tick', body: { i } }],
    outcome: { ok: true },
  });
  if (result.kind !== 'appended') throw new Error(`unexpected ${result.kind}`);
  expected += 1;
  process.stdout.write(`ack ${expected}\n`);
}
