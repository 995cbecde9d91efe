/**
 * The `attune` command: `serve` (what `npm start` runs), `migrate`, `simulate` (two simulated
 * people on a running server, for demos and for trying Attune without sensors), and `setup-link`
 * (a fresh first-run link while the instance has no operator account).
 */
import { configFromEnvironment, ConfigError } from '../server/config.ts';
import { jsonLogger } from '../server/log/logger.ts';
import { databaseOpenMigrated, serverStart } from '../server/main.ts';
import { setupLinkCommand } from './setup-link.ts';
import { simulateCommand } from './simulate.ts';

const USAGE = `Usage: attune <command>

Commands:
  serve     Start Attune: the web app, its API and live sessions (configured by environment; see README)
  migrate   Bring the database up to date, then exit
  simulate  Two simulated people join a new session on a running server and share heart rate and breathing
            (attune simulate --help for its options)
  setup-link  Print a fresh link to create the operator account, while this instance has none (replaces any earlier link)
  help      Show this text`;

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function serve(): Promise<void> {
  const config = configFromEnvironment(process.env);
  const logger = jsonLogger((line) => { process.stdout.write(`${line}\n`); }, Date.now, config.logLevel);
  const server = await serverStart(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutdown', 'stopping', { signal });
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close().then(() => process.exit(0), (error: unknown) => {
      logger.error('shutdown', 'shutdown failed', { error: String(error) });
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
