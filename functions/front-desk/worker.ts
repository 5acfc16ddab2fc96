import { serveStandalone } from '../../shared/http/standalone.js';
import { r2SettingsReader } from '../../shared/platform/settings-r2.js';
import { workersCachingPlatform } from '../../shared/platform/workers-cache.js';
import { createFrontDeskApp } from './app.js';

export default serveStandalone('front-desk', createFrontDeskApp(workersCachingPlatform, { settings: r2SettingsReader }));
