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
        },
      },
      // workerd tests (R2 binding, Worker entries): test/workerd/**
      './vitest.workers.config.ts',
    ],
  },
});
