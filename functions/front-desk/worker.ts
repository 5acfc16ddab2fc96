import { workersPlatform } from '../../shared/platform/workers.js';
import { serveStandalone } from '../../shared/http/standalone.js';
import { r2SettingsReader } from '../../shared/platform/settings-r2.js';
import { createFrontDeskApp } from './app.js';

export default serveStandalone('front-desk', createFrontDeskApp(workersPlatform, { settings: r2SettingsReader }));
