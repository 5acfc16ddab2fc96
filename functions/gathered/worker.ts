import { workersPlatform } from '../../shared/platform/workers.js';
import { serveStandalone } from '../../shared/http/standalone.js';
import { r2SettingsReader } from '../../shared/platform/settings-r2.js';
import { createGatheredApp } from './app.js';

export default serveStandalone('gathered', createGatheredApp(workersPlatform, { settings: r2SettingsReader }));
