import type { AddressInfo } from 'node:net';
import { loadConfig, parseConfig } from '../../shared/config/index.js';
import { loadConfigWithoutHours } from '../../shared/config/without-hours.js';
import { problemsReported } from '../../shared/http/config-problems.js';
import { nodePlatform } from '../../shared/platform/node.js';
import { loadOverride } from '../../shared/override/stored.js';
import { fsSettingsStore } from '../../shared/platform/settings-fs.js';
import { startRetention } from '../recordings/retention.js';
import { fsRecordingStore } from '../recordings/store-fs.js';
import { createAllInOneApp } from './app.js';
import { createHttpServer } from './http-server.js';
import { recordingsDirProblem, startupReport } from './startup-report.js';
import { UPLOAD_LIMITS, uploadAdmission, type UploadLimits } from './upload-limits.js';

export interface LocalServer {
  /** e.g. `http://127.0.0.1:8787` */
  readonly origin: string;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  /** `0` picks a free one (tests). */
  readonly port?: number;
  readonly hostname?: string;
  readonly quiet?: boolean;
  /** What uploads may hold of this process (default UPLOAD_LIMITS); tests shrink the windows. */
  readonly uploads?: Partial<UploadLimits>;
}

/** Serve every endpoint on one port. */
export async function startLocalServer(env: Readonly<Record<string, string | undefined>>, options: LocalServerOptions = {}): Promise<LocalServer> {
  // Parsed with the owner's advice for the start-up report; the apps load their own (cached) copy.
  const config = parseConfig(env);
  const uploads = uploadAdmission({ ...UPLOAD_LIMITS, ...options.uploads });
  const app = createAllInOneApp(nodePlatform(env), { store: fsRecordingStore, settings: fsSettingsStore, uploads });
  // RETENTION_DAYS: a sweep at start, then on a timer (unref'd: it never keeps the process alive).
  const retention = startRetention(fsRecordingStore(env, config), config);
  const hostname = options.hostname ?? env['HOST'] ?? '0.0.0.0';
  const server = createHttpServer(app.fetch, hostname);
  await new Promise<void>((resolve) => server.listen(options.port ?? config.port, hostname, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${port}`;
  if (options.quiet !== true) {
    const store = fsSettingsStore(env, config);
    const override = store === undefined ? null : await loadOverride(store).catch((error: unknown) => ({ unreadable: error instanceof Error ? error.message : String(error) }));
    const directory = await recordingsDirProblem(config.recordingsDir);
    console.log(startupReport(config, origin, new Date(), override, directory === undefined ? [] : [directory]));
    // Told here once: the request log does not repeat them.
    problemsReported(env, [...loadConfig(env).problems, ...loadConfigWithoutHours(env).problems].map((problem) => problem.message));
  }
  return {
    origin,
    close: () => {
      retention.stop();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
