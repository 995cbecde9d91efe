import { testServerStart } from '../testing/test-server.ts';
import { betweenUsSuite } from './between-us.suite.ts';

betweenUsSuite('SQLite', () => testServerStart());
