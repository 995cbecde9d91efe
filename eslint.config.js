// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Globals that read the clock, draw randomness or reach the outside world: forbidden in src/core. */
const impureGlobals = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'WebSocket',
  'XMLHttpRequest', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate',
  'queueMicrotask', 'requestAnimationFrame', 'performance', 'process', 'Buffer', 'require',
  'crypto', '__dirname', '__filename', 'global', 'globalThis',
].map((name) => ({ name, message: 'src/core is pure: pass this in as a parameter instead.' }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', '.tmp/**', 'e2e-artifacts/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test's describe/test return promises the runner itself awaits.
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**', '**/web/**', '**/cli/**'], message: 'src/core imports nothing from outer layers, types included.' },
          { group: ['node:*'], message: 'src/core uses no Node module.' },
          { group: ['fs', 'path', 'net', 'http', 'https', 'crypto', 'os', 'child_process', 'worker_threads'], message: 'src/core uses no Node module.' },
        ],
      }],
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Time is a parameter in src/core.' },
        { object: 'Math', property: 'random', message: 'Randomness is a parameter in src/core.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is a parameter in src/core.' },
      ],
    },
  },
  {
    // Tests in core may use fast-check and node:test; the purity rules bind the code under test.
    files: ['src/core/**/*.test.ts', 'src/core/**/*.test-support.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [
      { group: ['**/server/**', '**/web/**', '**/cli/**'], message: 'src/core imports nothing from outer layers.' },
    ] }] },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [
      { group: ['**/server/**', '**/cli/**'], message: 'The web client never imports the server.' },
      { group: ['node:*'], message: 'The web client runs in the browser: no Node modules.' },
    ] }] },
  },
  {
    // Tests of browser code run under node:test; the code under test stays browser-only.
    files: ['src/web/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [
      { group: ['**/server/**', '**/cli/**'], message: 'The web client never imports the server.' },
    ] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [
      { group: ['**/web/**', '**/cli/**'], message: 'The server does not import the web client or the CLI.' },
    ] }] },
  },
  {
    // The reconnect chaos test and the several-nodes tests drive the product's own live-session
    // client against real servers.
    files: ['src/server/testing/node-live-environment.ts', 'src/server/realtime/reconnect-chaos.test.ts', 'src/server/realtime/multi-node*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [
      { regex: '/web/(?!net/)', message: 'Only the live-session client (web/net) may be driven from here.' },
      { group: ['**/cli/**'], message: 'The server does not import the CLI.' },
    ] }] },
  },
  {
    files: ['**/*.test.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js', 'bin/**/*.js'], ...tseslint.configs.disableTypeChecked },
);
