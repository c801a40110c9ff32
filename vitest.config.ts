import { defineConfig } from 'vitest/config';
import { accessLevelsModule } from './build/accessLevelsModule';

export default defineConfig({
  // renderer modules (the auth store) read access levels from this build-time module
  plugins: [accessLevelsModule()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // e2e suites start Chromium; keep the 2-core machines from running several at once
    fileParallelism: true,
    maxWorkers: 2,
    // the JSON report lets .ci/run print one plain "N passed, N failed" line
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
