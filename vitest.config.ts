import { defineConfig } from 'vitest/config';
import { textImportsVite } from './scripts/text-imports.js';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [textImportsVite()],
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/workerd/**', 'node_modules/**'],
          // Keeps the request log lines for the tests that read them, and fails a file whose output shows a token.
          setupFiles: ['test/support/log-capture.ts'],
        },
      },
      // workerd tests (R2 binding, Worker entries): test/workerd/**
      './vitest.workers.config.ts',
    ],
  },
});
