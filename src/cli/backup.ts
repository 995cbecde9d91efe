/**
 * `attune backup`: writes a backup of the whole instance into `<DATA_DIR>/backups/`, as the
 * operator page does (SQLite: a consistent copy even while people use Attune; Postgres: pg_dump),
 * and prints where it is. Configured by the same environment as `serve`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnvironment } from '../server/config.ts';
import { BackupFailedError, backupsFor } from '../server/operator/backups.ts';
import { SQLITE_FILE_NAME } from '../server/store/database.ts';

/** Said after every backup: what the file holds and how to keep it. */
export const BACKUP_CARE =
  'This file holds everyone\'s data: sessions, check-ins, body signals, notes and accounts. ' +
  'Keep it as carefully as the server itself: only encrypted, only where few people can read it, and delete old copies you no longer need.';

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The command: writes a backup and prints its path (exit 0), or says why it could not (exit 1). */
export async function backupCommand(
  environment: Readonly<Record<string, string | undefined>>,
  write: (text: string) => void,
  nowMs: number = Date.now(),
): Promise<number> {
  const config = configFromEnvironment(environment);
  if (config.databaseUrl === undefined && !existsSync(join(config.dataDir, SQLITE_FILE_NAME))) {
    write(`There is no Attune database in DATA_DIR=${config.dataDir} (no ${SQLITE_FILE_NAME}), so there is nothing to back up. Check DATA_DIR, or DATABASE_URL if this instance uses Postgres.\n`);
    return 1;
  }
  try {
    const backup = await backupsFor(config).make(nowMs);
    write(`Backup written: ${backup.path} (${sizeText(backup.sizeBytes)}).\n${BACKUP_CARE}\nTo restore it: attune restore ${backup.path} --yes\n`);
    return 0;
  } catch (error) {
    if (error instanceof BackupFailedError) {
      write(`No backup was made. ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
