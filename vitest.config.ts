import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
  },
});
