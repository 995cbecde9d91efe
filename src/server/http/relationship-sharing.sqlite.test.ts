import { testServerStart } from '../testing/test-server.ts';
import { relationshipSharingSuite } from './relationship-sharing.suite.ts';

relationshipSharingSuite('SQLite', () => testServerStart());
