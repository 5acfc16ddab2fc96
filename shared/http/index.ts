export { createEndpointApp, type ConfigLoader } from './app.js';
export { requireAdminToken, requirePivotToken } from './auth.js';
export { requestInstant } from './clock.js';
export { errorResponse } from './errors.js';
export { logEvent } from './log.js';
export { chooseDialect, flowResponse, pivotRoute, type PivotCall } from './pivot-route.js';
export { safeEqual } from './secret.js';
export type { AppContext, AppEnv, Platform } from './types.js';
export { endpointUrls } from './urls.js';
