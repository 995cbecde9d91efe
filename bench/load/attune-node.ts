/**
 * One Attune node for the load bench: what `attune serve` runs (same config from the
 * environment, same `serverStart`), plus answers to the orchestrator's memory and CPU questions
 * over IPC. Started through `serverProcessStart` with this file as the script.
 */
import { configFromEnvironment } from '../../src/server/config.ts';
import { jsonLogger } from '../../src/server/log/logger.ts';
import { serverStart } from '../../src/server/main.ts';
import { processUsageAnswer } from './process-usage.ts';

const config = configFromEnvironment(process.env);
const logger = jsonLogger((line) => { process.stdout.write(`${line}\n`); }, Date.now, config.logLevel);
const server = await serverStart(config, logger);
processUsageAnswer();
const stop = () => {
  // Keep the process alive past the IPC channel closing; exit once the server has let go.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
