import { serveStandalone } from '../../shared/http/standalone.js';
import { overrideEndWithHours } from '../../shared/override/end-with-hours.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { s3SettingsStore } from '../../shared/platform/settings-s3.js';
import { createRecordingsApp } from './app.js';
import { s3RecordingStore } from './store-s3.js';

export const handler = lambdaHandler((platform) => serveStandalone('recordings', createRecordingsApp(platform, { store: s3RecordingStore, settings: s3SettingsStore, resolveEnd: overrideEndWithHours })), {
  // Its goodbye hands out no URL; links in notices come from configured URLs only.
  siblings: [],
});
