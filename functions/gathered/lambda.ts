import { serveStandalone } from '../../shared/http/standalone.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { createGatheredApp } from './app.js';

export const handler = lambdaHandler((platform) => serveStandalone('gathered', createGatheredApp(platform)));
