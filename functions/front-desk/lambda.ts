import { serveStandalone } from '../../shared/http/standalone.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { s3SettingsStore } from '../../shared/platform/settings-s3.js';
import { createFrontDeskApp } from './app.js';

export const handler = lambdaHandler((platform) => serveStandalone('front-desk', createFrontDeskApp(platform, { settings: s3SettingsStore })), {
  // The menu hands out collected (Callflow JSON) or gathered (TwiML); voicemail hands out recordings.
  siblings: ['collected', 'gathered', 'recordings'],
});
