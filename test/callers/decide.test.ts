// The decision order as a table, and the facts front-desk notes for the request log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerFrontDesk } from '../../functions/front-desk/answer.js';
import { decideCaller } from '../../functions/front-desk/decide.js';
import { readPivotRequest } from '../../shared/adapter/index.js';
import { callerFacts } from '../../shared/calls/index.js';
import type { CallerRoute, LookupOutcome } from '../../shared/callers/index.js';
import { parseConfig } from '../../shared/config/index.js';
import { BASE, KAZOO_FIRST_GET } from '../support/pivot.js';

const sally = (route: CallerRoute): LookupOutcome => ({
  ok: true,
  answer: { name: 'Sally', say: 'Hi.', route },
  cached: false,
});
const failed: LookupOutcome = { ok: false, why: 'timeout', detail: 'no answer within 1500 ms', cached: false };

describe('decideCaller', () => {
  it.each([
    // rule, lookup, overrides → route, note, spoken
    [undefined, undefined, false, { route: 'default' }],
    ['blocked', undefined, false, { route: 'block', note: 'blocked' }],
    ['vip', undefined, false, { route: 'vip', note: 'vip' }],
    [undefined, sally('default'), false, { route: 'default', note: 'lookup:default', name: 'Sally', say: 'Hi.' }],
    [undefined, sally('voicemail'), false, { route: 'voicemail', note: 'lookup:voicemail', name: 'Sally', say: 'Hi.' }],
    [undefined, sally({ kind: 'user', id: 'u' }), false, { route: { kind: 'user', id: 'u' }, note: 'lookup:user', name: 'Sally', say: 'Hi.' }],
    [undefined, failed, false, { route: 'default', note: 'lookup-failed:timeout' }],
    ['vip', sally('block'), false, { route: 'vip', note: 'vip', name: 'Sally', say: 'Hi.' }],
    ['vip', sally('block'), true, { route: 'block', note: 'lookup:block', name: 'Sally', say: 'Hi.' }],
    ['vip', sally('default'), true, { route: 'vip', note: 'vip', name: 'Sally', say: 'Hi.' }],
    ['vip', failed, true, { route: 'vip', note: 'vip' }],
    ['blocked', sally('vip'), true, { route: 'vip', note: 'lookup:vip', name: 'Sally', say: 'Hi.' }],
    ['blocked', sally('default'), true, { route: 'block', note: 'blocked' }],
    ['blocked', failed, true, { route: 'block', note: 'blocked' }],
  ] as const)('%s + %j (overrides %s) → %j', (rule, outcome, overrides, expected) => {
    expect(decideCaller(rule, outcome, overrides)).toEqual(expected);
  });
});

describe('front-desk notes what decided the call', () => {
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  async function notesFor(env: Record<string, string>, lookup: LookupOutcome | undefined, at = '2026-11-23T15:00:00Z') {
    const notes: Record<string, string> = {};
    const config = parseConfig({ TIMEZONE: 'America/New_York', FRONT_DESK_DEVICE_ID: 'fd0fd0fd0fd0fd0fd0fd0fd0fd0fd0fd', DEFAULT_COUNTRY_CODE: '1', ...env });
    const urls = { 'front-desk': `${BASE}/front-desk`, collected: `${BASE}/collected`, gathered: `${BASE}/gathered`, recordings: `${BASE}/recordings` };
    const request = await readPivotRequest(new Request(`${BASE}/front-desk?${KAZOO_FIRST_GET}`));
    await answerFrontDesk(
      {
        context: { config, dialect: 'callflow', urls, caller: callerFacts(request) },
        request,
        now: new Date(at),
        override: null,
        query: () => undefined,
        note: (key, value) => void (notes[key] = value),
      },
      async () => {
        if (lookup === undefined) throw new Error('the lookup must not be asked');
        return lookup;
      },
    );
    return notes;
  }

  it('the state, and who the caller is', async () => {
    expect(await notesFor({}, undefined)).toEqual({ state: 'open' });
    expect(await notesFor({ BLOCKED_NUMBERS: '4155550100' }, undefined)).toEqual({ state: 'open', caller: 'blocked' });
    expect(await notesFor({ VIP_NUMBERS: '4155550100' }, undefined, '2026-11-23T23:00:00Z')).toEqual({ state: 'closed', caller: 'vip' });
    expect(await notesFor({ BUSINESS_HOURS: 'Nov 23 off "Thanksgiving"' }, undefined)).toEqual({ state: 'closed', reason: 'Thanksgiving' });
  });

  it('the lookup: its route, or why it failed, and whether it came from the cache', async () => {
    const lookup = { CALLER_LOOKUP_URL: 'https://crm.example.com/who' };
    expect(await notesFor(lookup, sally('voicemail'))).toEqual({ state: 'open', lookup: 'voicemail', caller: 'lookup:voicemail' });
    expect(await notesFor(lookup, { ...failed, cached: true })).toEqual({ state: 'open', lookup: 'failed:timeout (cached)', caller: 'lookup-failed:timeout' });
    expect(await notesFor({ ...lookup, VIP_NUMBERS: '4155550100' }, sally('block'))).toEqual({ state: 'open', lookup: 'block', caller: 'vip' });
    expect(await notesFor(lookup, sally('menu'))).toEqual({ state: 'open', lookup: 'menu', caller: 'lookup-failed:no-menu' });
  });
});
