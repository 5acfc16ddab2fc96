import { serveStandalone } from '../../shared/http/standalone.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { createCollectedApp } from './app.js';

export const handler = lambdaHandler((platform) => serveStandalone('collected', createCollectedApp(platform)));
