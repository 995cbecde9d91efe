/**
 * `attune setup-link`: prints a fresh first-run setup link for an instance that still has no
 * operator account (the server logs one when it starts; this is for a lost or expired one). The
 * new link replaces any earlier one, which stops working at once. Configured by the same
 * environment as `serve` (DATA_DIR or DATABASE_URL, PUBLIC_ORIGIN).
 */
import { configFromEnvironment } from '../server/config.ts';
import { SILENT_LOGGER } from '../server/log/logger.ts';
import { databaseOpenMigrated } from '../server/main.ts';
import { KyselyInstanceStore } from '../server/operator/instance-store.ts';
import { setupLinkNew, type SetupLinkNew } from '../server/operator/setup-link.ts';

/** Makes a fresh setup link for the instance `environment` describes. */
export async function setupLinkFor(environment: Readonly<Record<string, string | undefined>>, nowMs: number): Promise<SetupLinkNew> {
  const config = configFromEnvironment(environment);
  const database = await databaseOpenMigrated(config, SILENT_LOGGER);
  try {
    return await setupLinkNew(new KyselyInstanceStore(database.db), config.publicOrigin, nowMs);
  } finally {
    await database.close();
  }
}

/** The command: prints the link (exit 0), or says setup is done (exit 1). */
export async function setupLinkCommand(environment: Readonly<Record<string, string | undefined>>, write: (text: string) => void): Promise<number> {
  const made = await setupLinkFor(environment, Date.now());
  if (made.kind === 'operator_exists') {
    write('This Attune already has its operator account, so no setup link is needed. Sign in as the operator instead.\n');
    return 1;
  }
  write(
    `Open this link to create the operator account (it works once, until ${new Date(made.expiresAtMs).toISOString()}; any earlier setup link no longer works):\n\n  ${made.link}\n\n` +
      'Keep it to yourself: whoever opens it first becomes the operator.\n',
  );
  return 0;
}
