import { practitionerSuite } from './practitioner.suite.ts';
import { practitionerTestServerStart } from './practitioner.test-support.ts';

practitionerSuite('SQLite', () => practitionerTestServerStart());
