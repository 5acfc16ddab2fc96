import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
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
