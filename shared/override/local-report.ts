import type { Config } from '../config/types.js';
import { createFsBlobStore } from '../storage/fs.js';
import { describeOverride } from './describe.js';
import type { HoursConfig } from './effect.js';
import { loadOverride } from './stored.js';

/**
 * `override: …` for the owner's scripts (check-config, hours): the switch in the local server's
 * store (RECORDINGS_DIR) at `now`. A deployed Worker or Lambda keeps its own: GET /recordings/override.
 */
export async function localOverrideLine(directory: string, config: HoursConfig & Partial<Pick<Config, 'forceState'>>, now: Date): Promise<string> {
  const where = `in ${directory}; a deployed Worker or Lambda keeps its own, see GET /recordings/override`;
  try {
    const text = describeOverride(await loadOverride(createFsBlobStore(directory)), config, now);
    return `override: ${text ?? `none in force (${where})`}`;
  } catch (error) {
    return `warning: the override in ${directory} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}
