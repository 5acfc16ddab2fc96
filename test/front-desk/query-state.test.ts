import { describe, expect, it } from 'vitest';
import { ask, BASE, DEVICE_ID, KAZOO_FIRST_GET, node, pivotAnswer } from '../support/pivot.js';

// Our own state in the URLs we hand out (`step`) is found without decoding all of Kazoo's query
// when its name is not there; a name written with an escape still counts, as Hono reads it.
const env = { TIMEZONE: 'America/New_York', FORCE_STATE: 'open', FRONT_DESK_DEVICE_ID: DEVICE_ID, PUBLIC_BASE_URL: BASE };
const frontDesk = async (query: string) => (await pivotAnswer(await ask(env, `/front-desk?${query}`))).json;
const HUNG_UP = node('hangup', {});

describe('front-desk reads its own state from the query', () => {
  it.each(['step=after-dial', '%73tep=after-dial', 'st%65p=after-dial', `${KAZOO_FIRST_GET}&step=after-dial`, `${KAZOO_FIRST_GET}&%73tep=after-dial`])(
    '%s: the after-dial answer',
    async (state) => {
      expect(await frontDesk(`${state.includes('Call-ID') ? state : `${state}&${KAZOO_FIRST_GET}`}&DialCallStatus=completed&CallStatus=completed`)).toEqual(HUNG_UP);
    },
  );

  it('a value that merely contains the name is not the state', async () => {
    expect(await frontDesk(`${KAZOO_FIRST_GET.replace('Alice+Smith', 'step%3Dafter-dial')}&DialCallStatus=completed`)).toMatchObject({ module: 'tts', children: { _: { module: 'device' } } });
  });
});
