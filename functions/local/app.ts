import { Hono } from 'hono/tiny';
import type { AppEnv, Platform } from '../../shared/http/index.js';
import { createCollectedApp } from '../collected/app.js';
import { createFrontDeskApp } from '../front-desk/app.js';
import { createGatheredApp } from '../gathered/app.js';
import { createRecordingsApp, type RecordingsAppOptions } from '../recordings/app.js';

/** All endpoints on one origin: the local server and the all-in-one Worker; `recordings` says where audio is kept. */
export function createAllInOneApp(platform: Platform, recordings: RecordingsAppOptions): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/front-desk', createFrontDeskApp(platform))
    .route('/collected', createCollectedApp(platform))
    .route('/gathered', createGatheredApp(platform))
    .route('/recordings', createRecordingsApp(platform, recordings))
    .get('/', (c) => c.text('pivot-edge: point your Kazoo pivot callflow voice_url at /front-desk\n'));
}
