/**
 * Loaded before every test file. Under CI=true property tests run with a fixed seed so a failure
 * reproduces; locally they explore new seeds. fast-check prints the seed and counterexample on failure.
 */
import fc from 'fast-check';

const FIXED_CI_SEED = 20261121;

fc.configureGlobal({
  ...(process.env.CI === 'true' ? { seed: FIXED_CI_SEED } : {}),
  numRuns: Number(process.env.FC_NUM_RUNS ?? 200),
  verbose: fc.VerbosityLevel.Verbose,
});
