import { serveStandalone } from '../../shared/http/standalone.js';
import { r2SettingsReader } from '../../shared/platform/settings-r2.js';
import { workersCallerPlatform } from '../../shared/platform/workers-callers.js';
import { createFrontDeskApp } from './app.js';

export default serveStandalone('front-desk', createFrontDeskApp(workersCallerPlatform, { settings: r2SettingsReader }));
