// Property tests run with one fixed seed, so a CI run and a local run see the same cases and a
// failure can be replayed. FUZZ_SEED=<n> explores other cases (a found failure becomes an issue).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FUZZ_SEED'] ?? 20261207) });
