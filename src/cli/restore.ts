/**
 * `attune restore <file> --yes`: puts a backup back, replacing everything in the configured
 * database, then applies migrations so a backup from an older Attune works with this one.
 * Without `--yes` it only says what it would do. Every server using the database must be stopped
 * first (for SQLite this is checked). See docs/operations/backup-and-restore.md.
 */
import { configFromEnvironment } from '../server/config.ts';
import { SILENT_LOGGER } from '../server/log/logger.ts';
import { databaseOpenMigrated } from '../server/main.ts';
import { backupsFor } from '../server/operator/backups.ts';
import { postgresBackupCheck, postgresRestore, RestoreRefusedError, sqliteRestore } from '../server/operator/backup-restore.ts';

const USAGE = 'Usage: attune restore <backup file> --yes\n  Replaces everything in the configured database (DATA_DIR or DATABASE_URL) with the backup. Stop every Attune server using it first.\n';

/** Parsed arguments, or null when they are not understood. */
function argumentsOf(argv: readonly string[]): { readonly file: string; readonly confirmed: boolean } | null {
  const files = argv.filter((argument) => !argument.startsWith('--'));
  const flags = argv.filter((argument) => argument.startsWith('--'));
  if (files.length !== 1 || flags.some((flag) => flag !== '--yes')) return null;
  return { file: files[0] ?? '', confirmed: flags.includes('--yes') };
}

/** The command: 0 restored, 1 refused or failed (nothing changed), 2 not understood. */
export async function restoreCommand(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  write: (text: string) => void,
  nowMs: number = Date.now(),
): Promise<number> {
  const parsed = argumentsOf(argv);
  if (parsed === null) {
    write(USAGE);
    return 2;
  }
  const config = configFromEnvironment(environment);
  const target = config.databaseUrl === undefined ? `the SQLite database in DATA_DIR=${config.dataDir}` : 'the Postgres database of DATABASE_URL';
  if (!parsed.confirmed) {
    write(`This would replace everything in ${target} with ${parsed.file}. Stop every Attune server using it, then run again with --yes to go ahead.\n`);
    return 1;
  }
  try {
    if (config.databaseUrl === undefined) {
      const restored = await sqliteRestore(config.dataDir, parsed.file, nowMs);
      write(`Restored ${parsed.file} into ${restored.database}.\n`);
      if (restored.previousKeptAt !== null) write(`The database it replaced is kept at ${restored.previousKeptAt}; delete it once you are sure you do not need it (it holds personal data).\n`);
    } else {
      await postgresBackupCheck(parsed.file);
      // What is there now is saved first: on Postgres that is how the old data is kept aside.
      const before = await backupsFor(config).make(nowMs);
      write(`Saved what the database held before the restore to ${before.path}.\n`);
      await postgresRestore(config.databaseUrl, parsed.file);
      write(`Restored ${parsed.file} into the database of DATABASE_URL.\n`);
    }
  } catch (error) {
    if (error instanceof RestoreRefusedError) {
      write(`Nothing was restored. ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const database = await databaseOpenMigrated(config, SILENT_LOGGER);
  await database.close();
  write('The database is up to date with this version of Attune. Start the servers again.\n');
  return 0;
}
