/**
 * The logger every server part receives (never imported as a global). Categories are fixed so
 * logs stay searchable; fields whose names look secret are redacted before they are written.
 */
export const LOG_CATEGORIES = ['startup', 'http', 'realtime', 'signals', 'store', 'bus', 'auth', 'shutdown'] as const;

/** One fixed log category. */
export type LogCategory = (typeof LOG_CATEGORIES)[number];

/** Structured fields attached to a log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A structured logger. */
export interface Logger {
  info(category: LogCategory, message: string, fields?: LogFields): void;
  warn(category: LogCategory, message: string, fields?: LogFields): void;
  error(category: LogCategory, message: string, fields?: LogFields): void;
}

const SECRET_FIELD = /token|secret|password|cookie|authorization|hash/i;

/** Copies fields with anything secret-looking replaced by "[redacted]". */
export function logFieldsRedacted(fields: LogFields): LogFields {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, SECRET_FIELD.test(key) ? '[redacted]' : value]),
  );
}

/** A logger writing one JSON object per line to `write`. */
export function jsonLogger(
  write: (line: string) => void,
  now: () => number,
  level: 'info' | 'warn' | 'error' | 'silent' = 'info',
): Logger {
  const rank = { info: 0, warn: 1, error: 2, silent: 3 } as const;
  const emit = (lineLevel: 'info' | 'warn' | 'error') => (category: LogCategory, message: string, fields: LogFields = {}) => {
    if (rank[lineLevel] < rank[level]) return;
    write(
      JSON.stringify({ time: new Date(now()).toISOString(), level: lineLevel, category, message, ...logFieldsRedacted(fields) }),
    );
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps nothing: for tests that do not look at logs. */
export const SILENT_LOGGER: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
