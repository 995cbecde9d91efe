/**
 * The live heap after a full garbage collection, for checks that memory stays bounded. `gc` is
 * reached without `--expose-gc` on the command line, so any test file can use it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Bytes in use on the heap after collecting garbage (twice: finalizers free more the second time). */
export async function heapUsedAfterGc(): Promise<number> {
  for (let round = 0; round < 2; round += 1) {
    collect();
    // Let sockets closed just now finish their teardown before the next count.
    await new Promise((resolve) => setImmediate(resolve));
  }
  collect();
  return process.memoryUsage().heapUsed;
}
