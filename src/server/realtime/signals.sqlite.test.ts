import { testServerStart } from '../testing/test-server.ts';
import { signalsSuite } from './signals.suite.ts';

signalsSuite('SQLite, one node', async () => [await testServerStart()]);
