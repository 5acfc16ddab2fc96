// Tests that run inside workerd (R2 binding, Worker entries). Separate from the Node project
// because the Workers pool replaces the runtime; referenced from vitest.config.ts.
// wrangler.toml's default environment (the all-in-one worker) supplies `main`, the vars, the R2
// binding and the compatibility settings, so these tests run what `wrangler dev` runs.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        compatibilityDate: '2026-04-01',
        compatibilityFlags: ['nodejs_compat'],
        r2Buckets: ['RECORDINGS'],
      },
    }),
  ],
  test: {
    name: 'workerd',
    include: ['test/workerd/**/*.test.ts'],
    // A real lookup service in Node for the caller tests (a Worker cannot listen on a port).
    globalSetup: ['test/workerd/lookup-receiver.ts'],
  },
});
