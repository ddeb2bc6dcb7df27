// The one seeded generator, shared with the pack and the bench.
export { mulberry32 } from '../../src/lib/seeded-random.ts';
