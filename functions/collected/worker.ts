import { standaloneWorker } from '../../shared/http/standalone.js';
import { r2SettingsReader } from '../../shared/platform/settings-r2.js';
import { workersPlatform } from '../../shared/platform/workers.js';
import { collectedHandler } from './app.js';

export default standaloneWorker('collected', collectedHandler(workersPlatform, { settings: r2SettingsReader }));
