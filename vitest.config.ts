import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for every package; the tests must use that same single copy,
    // or errors created on one side fail `instanceof` checks on the other.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
  },
});
