/** The event-store contract on the in-memory implementation (two stores sharing one log). */
import { eventStoreContract } from './event-store.contract.ts';
import { MemoryEventLog, MemoryEventStore } from './memory-event-store.ts';

const log = new MemoryEventLog();

eventStoreContract('memory', () =>
  Promise.resolve({ store: new MemoryEventStore(log), close: () => Promise.resolve() }),
);
