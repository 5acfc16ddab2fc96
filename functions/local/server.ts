import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { parseConfig } from '../../shared/config/index.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { loadOverride } from '../../shared/override/stored.js';
import { fsSettingsStore } from '../../shared/platform/settings-fs.js';
import { startRetention } from '../recordings/retention.js';
import { fsRecordingStore } from '../recordings/store-fs.js';
import { createAllInOneApp } from './app.js';
import { logClientErrors } from './client-errors.js';
import { startupReport } from './startup-report.js';

export interface LocalServer {
  /** e.g. `http://127.0.0.1:8787` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serve every endpoint on one port; `port: 0` picks a free one (tests). */
export async function startLocalServer(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly port?: number; readonly hostname?: string; readonly quiet?: boolean } = {},
): Promise<LocalServer> {
  // Parsed with the owner's advice for the start-up report; the apps load their own (cached) copy.
  const config = parseConfig(env);
  const app = createAllInOneApp(nodePlatform(env), { store: fsRecordingStore, settings: fsSettingsStore });
  // RETENTION_DAYS: a sweep at start, then on a timer (unref'd: it never keeps the process alive).
  const retention = startRetention(fsRecordingStore(env, config), config);
  const hostname = options.hostname ?? env['HOST'] ?? '0.0.0.0';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? config.port, hostname }, () => resolve(started));
  });
  logClientErrors(server);
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${port}`;
  if (options.quiet !== true) {
    const store = fsSettingsStore(env, config);
    const override = store === undefined ? null : await loadOverride(store).catch((error: unknown) => ({ unreadable: error instanceof Error ? error.message : String(error) }));
    console.log(startupReport(config, origin, new Date(), override));
  }
  return {
    origin,
    close: () => {
      retention.stop();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
