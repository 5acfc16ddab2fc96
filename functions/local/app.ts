import { Hono } from 'hono/tiny';
import { endpointPath, type AppEnv, type Platform } from '../../shared/http/index.js';
import { overrideEndWithHours } from '../../shared/override/end-with-hours.js';
import { createCollectedApp } from '../collected/app.js';
import { createFrontDeskApp } from '../front-desk/app.js';
import { createGatheredApp } from '../gathered/app.js';
import { createRecordingsApp, type RecordingsAppOptions } from '../recordings/app.js';

/**
 * All endpoints on one origin: the local server and the all-in-one Worker; `recordings` says where
 * audio (and, with `settings`, the owner's hours override) is kept.
 */
export function createAllInOneApp(platform: Platform, recordings: RecordingsAppOptions): Hono<AppEnv> {
  const pivot = { settings: recordings.settings };
  return new Hono<AppEnv>({ getPath: endpointPath })
    .route('/front-desk', createFrontDeskApp(platform, pivot))
    .route('/collected', createCollectedApp(platform, pivot))
    .route('/gathered', createGatheredApp(platform, pivot))
    .route('/recordings', createRecordingsApp(platform, { resolveEnd: overrideEndWithHours, ...recordings }))
    .get('/', (c) => c.text('pivot-edge: point your Kazoo pivot callflow voice_url at /front-desk\n'));
}
