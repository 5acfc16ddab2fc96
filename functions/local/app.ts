import { Hono } from 'hono';
import type { AppEnv, Platform } from '../../shared/http/index.js';
import { createFrontDeskApp } from '../front-desk/app.js';
import { createCollectedApp } from '../collected/app.js';
import { createGatheredApp } from '../gathered/app.js';

/** All endpoints on one origin: the local server and the all-in-one Worker. */
export function createAllInOneApp(platform: Platform): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/front-desk', createFrontDeskApp(platform))
    .route('/collected', createCollectedApp(platform)).route('/gathered', createGatheredApp(platform))
    .get('/', (c) => c.text('pivot-edge: point your Kazoo pivot callflow voice_url at /front-desk\n'));
}
