import { Hono } from 'hono/tiny';
import type { Config } from '../../shared/config/types.js';
import { PivotEdgeError } from '../../shared/errors.js';
import { requireAdminToken } from '../../shared/http/auth.js';
import type { AppContext, AppEnv, Platform } from '../../shared/http/types.js';
import { formatLocalDateTime } from '../../shared/hours/zone.js';
import { overrideFromRequest } from '../../shared/override/request.js';
import { fixedEnd, nextChangeName, parseStoredOverride } from '../../shared/override/stored.js';
import { OVERRIDE_KEY, type HoursOverride, type SettingsSource, type SettingsStore } from '../../shared/override/types.js';

export interface OverrideApiOptions {
  readonly settings: SettingsSource | undefined;
  /** When a `next-change` override ends; only where the hours parser may be bundled (not the recordings Worker). */
  readonly resolveEnd?: ((override: HoursOverride, env: Readonly<Record<string, unknown>>) => Date | null) | undefined;
}

const NO_STORE = { 'cache-control': 'no-store' };
const BODY_MAX = 4096;

/**
 * `GET|PUT|DELETE /override` (Bearer ADMIN_TOKEN): the owner's "closed until…" switch, stored
 * atomically as `settings/override.json` in this platform's store, for front-desk to read.
 */
export function overrideApi(platform: Platform, options: OverrideApiOptions): Hono<AppEnv> {
  const stores = new WeakMap<Config, SettingsStore>();
  const storeOf = (c: AppContext): SettingsStore => {
    let store = stores.get(c.var.config);
    if (store === undefined) {
      store = options.settings?.(platform.env(c), c.var.config);
      if (store === undefined) throw new PivotEdgeError('storage_not_configured', 'No store for settings: the R2 binding RECORDINGS (Workers) or RECORDINGS_BUCKET (Lambda) is missing.', 503);
      stores.set(c.var.config, store);
    }
    return store;
  };

  const view = (c: AppContext, override: HoursOverride, now: Date): Record<string, unknown> | null => {
    const end = fixedEnd(override) ?? options.resolveEnd?.(override, platform.env(c)) ?? null;
    if (end !== null && end.getTime() <= now.getTime()) return null;
    const timeZone = c.var.config.timeZone;
    const which = nextChangeName(override);
    const local = end === null || timeZone === undefined ? undefined : formatLocalDateTime(end, timeZone);
    const untilLocal = which === undefined ? (local ?? null) : local === undefined ? `the ${which}` : `${local} (${which})`;
    return { ...override, untilLocal, endsAt: end?.toISOString() ?? null };
  };

  // The zone too, so a page can offer times on the business's clock (the phone's may differ).
  const answer = (c: AppContext, override: Record<string, unknown> | null): Response => c.json({ override, timeZone: c.var.config.timeZone ?? null }, 200, NO_STORE);

  const app = new Hono<AppEnv>();
  app.use(requireAdminToken);
  app.get('/', async (c) => {
    const text = await storeOf(c).getText(OVERRIDE_KEY);
    // A file we did not write answers 500 with why (front-desk ignores it); PUT or DELETE replaces it.
    return answer(c, text === null ? null : view(c, parseStoredOverride(text), new Date()));
  });
  app.put('/', async (c) => {
    const now = new Date();
    const override = overrideFromRequest(await jsonBody(c), now, c.var.config.timeZone);
    await storeOf(c).putBytes(OVERRIDE_KEY, JSON.stringify(override), 'application/json');
    return answer(c, view(c, override, now));
  });
  app.delete('/', async (c) => {
    await storeOf(c).delete([OVERRIDE_KEY]);
    return c.body(null, 204, NO_STORE);
  });
  app.all('/', () => {
    throw new PivotEdgeError('method_not_allowed', 'This path takes GET, HEAD, PUT, DELETE.', 405, { allow: 'GET, HEAD, PUT, DELETE' });
  });
  return app;
}

async function jsonBody(c: AppContext): Promise<unknown> {
  const text = await c.req.text();
  if (text.length > BODY_MAX) throw new PivotEdgeError('bad_override', `The body is over ${BODY_MAX} characters; expected a small JSON object.`, 413);
  try {
    return JSON.parse(text);
  } catch {
    throw new PivotEdgeError('bad_override', 'The body is not JSON: expected {"state":"closed","until":"2026-12-01T14:00"}.', 400);
  }
}
