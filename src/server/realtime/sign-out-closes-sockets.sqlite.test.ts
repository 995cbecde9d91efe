/** Sign-out closes sockets, on one node with the embedded database and the in-process bus. */
import { testServerStart } from '../testing/test-server.ts';
import { signOutClosesSocketsSuite } from './sign-out-closes-sockets.suite.ts';

signOutClosesSocketsSuite('one node, SQLite', async () => {
  const server = await testServerStart();
  return [server, server] as const;
});
