import { defineConfig } from 'vitest/config';

// One runner, four projects: unit, integration on each dialect, browser e2e.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/server/src/**/*.test.ts', 'packages/shared/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // the demo generator's checks build a whole small firm in memory
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'int-sqlite',
          include: ['apps/server/src/**/*.int.test.ts'],
          env: { TEST_DIALECT: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'int-postgres',
          include: ['apps/server/src/**/*.int.test.ts'],
          env: { TEST_DIALECT: 'postgres' },
          globalSetup: ['apps/server/src/test/pg-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
