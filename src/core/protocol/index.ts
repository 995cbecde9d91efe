/** The wire protocol shared by server and browser. */
export * from './commands.ts';
export * from './messages.ts';
export * from './rejection-codes.ts';
export * from './signals.ts';
