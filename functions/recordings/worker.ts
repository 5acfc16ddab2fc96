import { serveStandalone } from '../../shared/http/standalone.js';
import { r2SettingsStore } from '../../shared/platform/settings-r2.js';
import { workersPlatform } from '../../shared/platform/workers.js';
import { createRecordingsApp } from './app.js';
import { scheduledSweep } from './scheduled.js';
import { r2RecordingStore } from './store-r2.js';

export default {
  fetch: serveStandalone('recordings', createRecordingsApp(workersPlatform, { store: r2RecordingStore, settings: r2SettingsStore })).fetch,
  scheduled: scheduledSweep,
};
