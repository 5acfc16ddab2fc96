import { serveStandalone } from '../../shared/http/standalone.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { s3SettingsStore } from '../../shared/platform/settings-s3.js';
import { createGatheredApp } from './app.js';

export const handler = lambdaHandler((platform) => serveStandalone('gathered', createGatheredApp(platform, { settings: s3SettingsStore })), {
  // Voicemail hands out recordings; the menu asked again hands out this function's own URL.
  siblings: ['recordings'],
});
