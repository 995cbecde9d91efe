/**
 * The logger every server part receives (never imported as a global). One JSON object per line on
 * stdout, so any log shipper can read it. Categories are fixed so logs stay searchable. Every line
 * goes through `redaction.ts` first: fields whose names look secret are hidden, and so is anything
 * secret-shaped inside any text, the message included.
 */
import { logTextRedacted, logValueRedacted } from './redaction.ts';

export { logShownOnPurpose } from './redaction.ts';

export const LOG_CATEGORIES = ['startup', 'http', 'realtime', 'signals', 'store', 'bus', 'auth', 'shutdown'] as const;

/** One fixed log category. */
export type LogCategory = (typeof LOG_CATEGORIES)[number];

/** Structured fields attached to a log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/** How much is written: `info` everything, `silent` nothing. */
export type LogLevel = 'info' | 'warn' | 'error' | 'silent';

/** A structured logger. */
export interface Logger {
  info(category: LogCategory, message: string, fields?: LogFields): void;
  warn(category: LogCategory, message: string, fields?: LogFields): void;
  error(category: LogCategory, message: string, fields?: LogFields): void;
}

/** Names the line's own keys use; a field with one of them is renamed rather than overwrite it. */
const RESERVED_KEYS = new Set(['time', 'level', 'category', 'message']);

/** Copies fields with anything secret hidden (by field name, and by shape inside any value). */
export function logFieldsRedacted(fields: LogFields): Record<string, unknown> {
  const redacted = logValueRedacted(fields);
  return typeof redacted === 'object' && redacted !== null && !Array.isArray(redacted) ? (redacted as Record<string, unknown>) : {};
}

/** One log line, as JSON text with no line breaks. */
export function logLineOf(timeMs: number, level: Exclude<LogLevel, 'silent'>, category: LogCategory, message: string, fields: LogFields): string {
  const line: Record<string, unknown> = { time: new Date(timeMs).toISOString(), level, category, message: logTextRedacted(message) };
  for (const [key, value] of Object.entries(logFieldsRedacted(fields))) line[RESERVED_KEYS.has(key) ? `field_${key}` : key] = value;
  return JSON.stringify(line);
}

/** A logger writing one JSON object per line to `write`. */
export function jsonLogger(write: (line: string) => void, now: () => number, level: LogLevel = 'info'): Logger {
  const rank = { info: 0, warn: 1, error: 2, silent: 3 } as const;
  const emit = (lineLevel: Exclude<LogLevel, 'silent'>) => (category: LogCategory, message: string, fields: LogFields = {}) => {
    if (rank[lineLevel] < rank[level]) return;
    write(logLineOf(now(), lineLevel, category, message, fields));
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps nothing: for tests that do not look at logs. */
export const SILENT_LOGGER: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
