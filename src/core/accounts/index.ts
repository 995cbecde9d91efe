/** Accounts: the pure rules for sign-in names, passwords, throttling, sessions and recovery codes. */
export * from './sign-in-name.ts';
export * from './password-policy.ts';
export * from './common-passwords.ts';
export * from './login-throttle.ts';
export * from './login-session-lifetime.ts';
export * from './recovery-codes.ts';
