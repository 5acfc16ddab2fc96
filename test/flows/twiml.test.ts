import { describe, expect, it } from 'vitest';
import { renderTwiml, twiml } from '../../shared/flows/index.js';
import { twimlProblems } from '../support/twiml-check.js';

const speech = { voice: 'male', language: 'en-gb' } as const;
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;

describe('TwiML rendering', () => {
  it('renders every verb we emit, exactly, and Kazoo would accept each', () => {
    const xml = renderTwiml([
      twiml.say('Hello & <welcome> "friend"', speech),
      twiml.gather('https://h/gathered?attempt=1', 1, 5, [twiml.say('Press 1', speech)]),
      twiml.redirect('https://h/gathered?a=1&b=2'),
      twiml.hangupVerb(),
    ]);
    expect(xml).toBe(
      doc(
        '<Say voice="male" language="en-gb">Hello &amp; &lt;welcome&gt; &quot;friend&quot;</Say>' +
          '<Gather action="https://h/gathered?attempt=1" numDigits="1" timeout="5"><Say voice="male" language="en-gb">Press 1</Say></Gather>' +
          '<Redirect>https://h/gathered?a=1&amp;b=2</Redirect><Hangup/>',
      ),
    );
    expect(twimlProblems(xml)).toEqual([]);
  });

  it('clamps numbers Kazoo would hang up on, drops a language it rejects and strips non-XML characters', () => {
    const xml = renderTwiml([
      twiml.gather('https://h/g', 0, 99999, [twiml.say('1', speech)]),
      twiml.gather('https://h/g', 25, -3, [twiml.say('2', speech)]),
      twiml.say('a\u0000b\u001Fc', { voice: 'female', language: 'en-US' }),
    ]);
    const say = (text: string) => `<Say voice="male" language="en-gb">${text}</Say>`;
    expect(xml).toBe(doc(`<Gather action="https://h/g" numDigits="1" timeout="3600">${say('1')}</Gather><Gather action="https://h/g" numDigits="20" timeout="1">${say('2')}</Gather><Say voice="female">abc</Say>`));
    expect(twimlProblems(xml)).toEqual([]);
  });
});

describe('<Reject>', () => {
  it('renders the two reasons Kazoo accepts, empty', () => {
    const xml = renderTwiml([twiml.reject('busy')]);
    expect(xml).toBe(doc('<Reject reason="busy"/>'));
    expect(twimlProblems(xml)).toEqual([]);
    expect(renderTwiml([twiml.reject('rejected')])).toBe(doc('<Reject reason="rejected"/>'));
  });
});
