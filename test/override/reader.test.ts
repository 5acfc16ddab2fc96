// The override's cache, driven by an injected clock, a counting store and a hand-fired timer: how
// often the store is read, what a call gets while a read is slow or failing, and what is logged.
import { describe, expect, it } from 'vitest';
import { createOverrideReader, OVERRIDE_FRESH_MS, OVERRIDE_WAIT_MS } from '../../shared/override/reader.js';
import { OVERRIDE_KEY } from '../../shared/override/types.js';

const CLOSED = { state: 'closed', until: '2026-11-23T19:00:00.000Z', setAt: '2026-11-23T14:00:00.000Z' } as const;
const OPEN = { state: 'open', until: '2026-11-23T23:00:00.000Z', setAt: '2026-11-23T15:00:00.000Z' } as const;

/** A store whose next answers are queued by the test; each read is counted and can be held open. */
function countingStore() {
  const answers: (string | null | Error)[] = [];
  const held: { release: () => void }[] = [];
  let hold = false;
  const store = {
    reads: 0,
    keys: [] as string[],
    answers,
    held,
    holdNext: (value: boolean) => void (hold = value),
    async getText(key: string): Promise<string | null> {
      store.reads++;
      store.keys.push(key);
      const answer = answers.length > 1 ? answers.shift()! : answers[0] ?? null;
      if (hold) await new Promise<void>((resolve) => held.push({ release: resolve }));
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return store;
}

/** A timer the test fires by hand (`fireAll`), so "the wait is over" never depends on real time. */
function manualTimer() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timer = (ms: number, fire: () => void) => {
    expect(ms).toBe(OVERRIDE_WAIT_MS);
    const id = next++;
    pending.set(id, fire);
    return () => void pending.delete(id);
  };
  return { timer, pending, fireAll: () => [...pending.values()].forEach((fire) => fire()) };
}

function harness() {
  let now = 1_000_000;
  const store = countingStore();
  const clock = manualTimer();
  const logs: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const reader = createOverrideReader({
    store,
    clock: () => now,
    timer: clock.timer,
    log: (level, event, fields = {}) => void logs.push({ level, event, fields: { ...fields } }),
  });
  return { store, clock, logs, reader, advance: (ms: number) => void (now += ms) };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the override cache', () => {
  it('reads settings/override.json once per window, however many calls come', async () => {
    const { store, reader, advance } = harness();
    store.answers.push(JSON.stringify(CLOSED));
    expect(await reader.read()).toEqual({ override: CLOSED, status: 'fresh' });
    for (let step = 0; step < 10; step++) {
      advance(OVERRIDE_FRESH_MS / 10 - 1);
      expect((await reader.read()).override).toEqual(CLOSED);
    }
    expect(store.reads).toBe(1);
    expect(store.keys).toEqual([OVERRIDE_KEY]);
    advance(10);
    store.answers.splice(0, 1, JSON.stringify(OPEN));
    expect(await reader.read()).toEqual({ override: OPEN, status: 'fresh' });
    expect(store.reads).toBe(2);
  });

  it('sees a switch that was cleared (the file deleted) at the next window', async () => {
    const { store, reader, advance } = harness();
    store.answers.push(JSON.stringify(CLOSED), null);
    expect((await reader.read()).override).toEqual(CLOSED);
    advance(OVERRIDE_FRESH_MS);
    expect(await reader.read()).toEqual({ override: null, status: 'fresh' });
  });

  it('shares one read among calls that arrive while it runs', async () => {
    const { store, reader } = harness();
    store.answers.push(JSON.stringify(CLOSED));
    store.holdNext(true);
    const calls = [reader.read(), reader.read(), reader.read()];
    await settle();
    expect(store.reads).toBe(1);
    store.held.forEach((read) => read.release());
    expect(await Promise.all(calls)).toEqual([1, 2, 3].map(() => ({ override: CLOSED, status: 'fresh' })));
  });

  it('a slow read: the call goes on after the wait with what it knew, logs once, and the late answer fills the cache', async () => {
    const { store, clock, logs, reader, advance } = harness();
    store.answers.push(JSON.stringify(CLOSED));
    expect((await reader.read()).override).toEqual(CLOSED);
    advance(OVERRIDE_FRESH_MS);
    store.answers.splice(0, 1, JSON.stringify(OPEN));
    store.holdNext(true);
    const kept: Promise<void>[] = [];
    const first = reader.read((work) => kept.push(work));
    const second = reader.read((work) => kept.push(work));
    await settle();
    clock.fireAll();
    expect(await first).toEqual({ override: CLOSED, status: 'stale' });
    expect(await second).toEqual({ override: CLOSED, status: 'stale' });
    // Once a call waited in vain, the rest of the window does not wait at all.
    expect(await reader.read()).toEqual({ override: CLOSED, status: 'stale' });
    expect(clock.pending.size).toBe(0);
    expect(kept).toHaveLength(1);
    expect(logs).toEqual([{ level: 'warn', event: 'override_read_slow', fields: { key: OVERRIDE_KEY, waitedMs: OVERRIDE_WAIT_MS } }]);
    store.held.forEach((read) => read.release());
    await kept[0];
    expect(await reader.read()).toEqual({ override: OPEN, status: 'fresh' });
    expect(store.reads).toBe(2);
    expect(clock.pending.size).toBe(0);
  });

  it('a failing store: the last good value (or none), one log line per read, no retry inside the window', async () => {
    const { store, logs, reader, advance } = harness();
    store.answers.push(new Error('R2 GET: 500 InternalError'));
    expect(await reader.read()).toEqual({ override: null, status: 'unavailable' });
    expect(await reader.read()).toEqual({ override: null, status: 'unavailable' });
    expect(store.reads).toBe(1);
    expect(logs).toEqual([{ level: 'warn', event: 'override_read_failed', fields: { key: OVERRIDE_KEY, message: 'R2 GET: 500 InternalError' } }]);
    advance(OVERRIDE_FRESH_MS);
    store.answers.splice(0, 1, JSON.stringify(CLOSED), new Error('timeout'));
    expect(await reader.read()).toEqual({ override: CLOSED, status: 'fresh' });
    advance(OVERRIDE_FRESH_MS);
    expect(await reader.read()).toEqual({ override: CLOSED, status: 'stale' });
    expect(logs.map((line) => line.event)).toEqual(['override_read_failed', 'override_read_failed']);
  });

  it('a read that is slow and then fails is logged once', async () => {
    const { store, clock, logs, reader } = harness();
    store.answers.push(new Error('socket hang up'));
    store.holdNext(true);
    const call = reader.read();
    await settle();
    clock.fireAll();
    expect(await call).toEqual({ override: null, status: 'unavailable' });
    store.held.forEach((read) => read.release());
    await settle();
    expect(logs.map((line) => line.event)).toEqual(['override_read_slow']);
  });

  it('a hung read does not stop the next window from reading again, and an old answer never replaces a newer one', async () => {
    const { store, clock, reader, advance } = harness();
    store.answers.push(JSON.stringify(OPEN));
    store.holdNext(true);
    const stuck = reader.read();
    await settle();
    clock.fireAll();
    await stuck;
    advance(OVERRIDE_FRESH_MS);
    store.holdNext(false);
    store.answers.splice(0, 1, JSON.stringify(CLOSED));
    expect(await reader.read()).toEqual({ override: CLOSED, status: 'fresh' });
    store.held.forEach((read) => read.release());
    await settle();
    expect((await reader.read()).override).toEqual(CLOSED);
    expect(store.reads).toBe(2);
  });

  it('a file it did not write counts as no override, logged once per content', async () => {
    const { store, logs, reader, advance } = harness();
    store.answers.push('{"state":"closed","until":"tomorrow"}');
    expect(await reader.read()).toEqual({ override: null, status: 'fresh' });
    advance(OVERRIDE_FRESH_MS);
    expect(await reader.read()).toEqual({ override: null, status: 'fresh' });
    expect(logs.map((line) => [line.event, line.fields.why])).toEqual([
      ['override_invalid', 'settings/override.json is ignored: expected {"state":"open"|"closed","until":<ISO instant>|"next-change","setAt":<ISO instant>}'],
    ]);
  });
});
