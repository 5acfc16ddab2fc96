import { r2SettingsStore } from '../../shared/platform/settings-r2.js';
import { workersCallerPlatform } from '../../shared/platform/workers-callers.js';
import { scheduledSweep } from '../recordings/scheduled.js';
import { r2RecordingStore } from '../recordings/store-r2.js';
import { createAllInOneApp } from './app.js';

// The wrangler default environment (`npm run dev:workers`): all four endpoints on one Worker,
// recordings in the R2 binding, retention by the cron trigger.
export default {
  fetch: createAllInOneApp(workersCallerPlatform, { store: r2RecordingStore, settings: r2SettingsStore }).fetch,
  scheduled: scheduledSweep,
};
