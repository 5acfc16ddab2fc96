import type { Config } from './types.js';

/** Parse at most once per env object (a process's `process.env`, a Worker isolate's `env`). */
export function cachedPerEnv(parse: (env: Readonly<Record<string, unknown>>) => Config): (env: Readonly<Record<string, unknown>>) => Config {
  const cache = new WeakMap<object, Config>();
  return (env) => {
    let config = cache.get(env);
    if (config === undefined) cache.set(env, (config = parse(env)));
    return config;
  };
}
