import { standaloneWorker } from '../../shared/http/standalone.js';
import { r2SettingsReader } from '../../shared/platform/settings-r2.js';
import { workersCallerPlatform } from '../../shared/platform/workers-callers.js';
import { frontDeskHandler } from './app.js';

export default standaloneWorker('front-desk', frontDeskHandler(workersCallerPlatform, { settings: r2SettingsReader }));
