/**
 * The `attune` command: `serve` (what `npm start` runs), `migrate`, `simulate` (two simulated
 * people on a running server, for demos and for trying Attune without sensors), and `setup-link`
 * (a fresh first-run link while the instance has no operator account).
 */
import { configFromEnvironment, ConfigError } from '../server/config.ts';
import { jsonLogger } from '../server/log/logger.ts';
import { databaseOpenMigrated, serverStart } from '../server/main.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { setupLinkCommand } from './setup-link.ts';
import { simulateCommand } from './simulate.ts';

const USAGE = `Usage: attune <command>

Commands:
  serve     Start Attune: the web app, its API and live sessions (configured by environment; see README)
  migrate   Bring the database up to date, then exit
  simulate  Two simulated people join a new session on a running server and share heart rate and breathing
            (attune simulate --help for its options)
  setup-link  Print a fresh link to create the operator account, while this instance has none (replaces any earlier link)
  backup    Write a backup of the whole instance into DATA_DIR/backups and print where it is
  restore   Put a backup back: attune restore <file> --yes (stop every server first; see docs/operations/backup-and-restore.md)
  help      Show this text`;

async function serve(): Promise<void> {
  const config = configFromEnvironment(process.env);
  const logger = jsonLogger((line) => { process.stdout.write(`${line}\n`); }, Date.now, config.logLevel);
  const server = await serverStart(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn('shutdown', 'a second stop signal: exiting now without finishing. Events already acknowledged are safe; devices reconnect and send again what was not.', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('shutdown', 'stopping: not taking new work, finishing writes under way, asking live devices to reconnect', {
      signal,
      graceMs: config.shutdownGraceMs,
      delayMs: config.shutdownDelayMs,
    });
    setTimeout(() => {
      logger.error('shutdown', `shutdown took longer than SHUTDOWN_GRACE_MS (${config.shutdownGraceMs} ms); exiting anyway. Events already acknowledged are safe. If this happens often, look for a slow database or raise SHUTDOWN_GRACE_MS.`);
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    server.close().then(() => process.exit(0), (error: unknown) => {
      logger.error('shutdown', 'shutdown failed; exiting anyway. Events already acknowledged are safe.', { error: String(error) });
      process.exit(1);
    });
  };
  process.on('SIGINT', () => { stop('SIGINT'); });
  process.on('SIGTERM', () => { stop('SIGTERM'); });
}

async function migrate(): Promise<void> {
  const config = configFromEnvironment(process.env);
  const logger = jsonLogger((line) => { process.stdout.write(`${line}\n`); }, Date.now, config.logLevel);
  const database = await databaseOpenMigrated(config, logger);
  logger.info('startup', 'database is up to date', { database: database.dialect });
  await database.close();
}

async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'serve':
      await serve();
      return -1;
    case 'migrate':
      await migrate();
      return 0;
    case 'simulate':
      return simulateCommand(argv.slice(1));
    case 'backup':
      return backupCommand(process.env, (text) => { process.stdout.write(text); });
    case 'restore':
      return restoreCommand(argv.slice(1), process.env, (text) => { process.stdout.write(text); });
    case 'setup-link':
      return setupLinkCommand(process.env, (text) => { process.stdout.write(text); });
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`attune: unknown command "${command}"\n\n${USAGE}\n`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `attune: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
