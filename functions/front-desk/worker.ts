import { workersPlatform } from '../../shared/platform/workers.js';
import { serveStandalone } from '../../shared/http/standalone.js';
import { createFrontDeskApp } from './app.js';

export default serveStandalone('front-desk', createFrontDeskApp(workersPlatform));
