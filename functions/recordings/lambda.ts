import { serveStandalone } from '../../shared/http/standalone.js';
import { lambdaHandler } from '../../shared/platform/lambda.js';
import { createRecordingsApp } from './app.js';
import { s3RecordingStore } from './store-s3.js';

export const handler = lambdaHandler((platform) => serveStandalone('recordings', createRecordingsApp(platform, { store: s3RecordingStore })));
