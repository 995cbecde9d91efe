/**
 * The instance's parts, built once by the composition root: its settings (setup link, crisis
 * resources), the operator's view of accounts, and backups. Also what "Need help now?" shows:
 * the operator's saved resources when there are any, else HELP_RESOURCES_FILE or the defaults.
 */
import type { Kysely } from 'kysely';
import type { HelpResourcesSource, OperatorHelpAnswer } from '../../core/protocol/operator-api.ts';
import type { Config } from '../config.ts';
import { helpResourcesSchema, type HelpResources } from '../help/help-resources.ts';
import type { Logger } from '../log/logger.ts';
import type { DatabaseSchema } from '../store/schema.ts';
import { backupsFor, type Backups } from './backups.ts';
import { KyselyInstanceStore, type InstanceStore } from './instance-store.ts';
import { KyselyOperatorAccountStore, type OperatorAccountStore } from './operator-account-store.ts';

/** Everything the setup and operator routes work with. */
export interface InstanceServices {
  readonly settings: InstanceStore;
  readonly accounts: OperatorAccountStore;
  readonly backups: Backups;
}

/** Builds the instance's parts over one database. */
export function instanceServicesBuild(db: Kysely<DatabaseSchema>, config: Pick<Config, 'dataDir' | 'databaseUrl'>): InstanceServices {
  return {
    settings: new KyselyInstanceStore(db),
    accounts: new KyselyOperatorAccountStore(db),
    backups: backupsFor(config),
  };
}

/**
 * The crisis resources to show now, and where they come from. A stored value that no longer
 * passes the schema (written by an older version, or by hand) is skipped with a warning, so
 * "Need help now?" always has something to show.
 */
export async function helpResourcesCurrent(
  settings: InstanceStore,
  fallback: { readonly help: HelpResources; readonly fromFile: boolean },
  logger: Logger,
): Promise<OperatorHelpAnswer> {
  const stored = await settings.helpRead();
  if (stored !== null) {
    const parsed = helpResourcesSchema.safeParse(jsonOrNull(stored.json));
    if (parsed.success) return { help: parsed.data, source: 'operator', updatedAtMs: stored.updatedAtMs };
    logger.warn('store', 'the saved crisis resources could not be read; showing the file or defaults', {});
  }
  const source: HelpResourcesSource = fallback.fromFile ? 'file' : 'default';
  return { help: fallback.help, source, updatedAtMs: null };
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
