import { workersPlatform } from '../../shared/platform/workers.js';
import { serveStandalone } from '../../shared/http/standalone.js';
import { createGatheredApp } from './app.js';

export default serveStandalone('gathered', createGatheredApp(workersPlatform));
