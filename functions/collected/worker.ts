import { workersPlatform } from '../../shared/platform/workers.js';
import { serveStandalone } from '../../shared/http/standalone.js';
import { createCollectedApp } from './app.js';

export default serveStandalone('collected', createCollectedApp(workersPlatform));
