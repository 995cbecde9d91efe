import { testServerStart } from '../testing/test-server.ts';
import { liveSessionSuite } from './live-session.suite.ts';

liveSessionSuite('SQLite', () => testServerStart());
