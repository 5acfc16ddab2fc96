// Tests that run inside workerd (R2 binding, Worker entries). Separate from the Node project
// because the Workers pool replaces the runtime; referenced from vitest.config.ts.
// The all-in-one worker's entry, compatibility settings, module rules and R2 binding come from wrangler.toml's
// default environment, so these tests run what `wrangler dev` runs. Its settings do not: the pool's
// own wrangler reading would bind the developer's .env or .dev.vars, so the tests get a fixed set.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { unstable_readConfig } from 'wrangler';

process.env.WRANGLER_SEND_METRICS ??= 'false';
const wrangler = unstable_readConfig({ config: './wrangler.toml' }, { hideWarnings: true });

/** The settings `SELF` (the all-in-one worker) runs with; tests that call an entry pass their own env. */
export const TEST_SETTINGS = { TIMEZONE: 'America/New_York', RESPONSE_FORMAT: 'callflow' };

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: wrangler.main!,
      miniflare: {
        compatibilityDate: wrangler.compatibility_date!,
        compatibilityFlags: wrangler.compatibility_flags,
        r2Buckets: wrangler.r2_buckets.map((bucket: { binding: string }) => bucket.binding),
        // The page files (`.html`, `.css`, `.browser.js`) are text modules, as wrangler builds them.
        modulesRules: wrangler.rules.map((rule: { type: string; globs: string[]; fallthrough?: boolean }) => ({ type: rule.type, include: rule.globs, ...(rule.fallthrough === undefined ? {} : { fallthrough: rule.fallthrough }) })),
        bindings: TEST_SETTINGS,
      },
    }),
  ],
  test: {
    name: 'workerd',
    include: ['test/workerd/**/*.test.ts'],
    // A real lookup service in Node for the caller tests (a Worker cannot listen on a port).
    globalSetup: ['test/workerd/lookup-receiver.ts'],
    // Keeps the log lines out of the output and fails a file whose output gives a token away.
    setupFiles: ['test/workerd/log-capture.ts'],
  },
});
