import { consultationTestServerStart, consultationsSuite } from './consultations.suite.ts';

consultationsSuite('SQLite', (now) => consultationTestServerStart(now));
