// The doctor against real local deployments: one set up right passes every check; broken ones
// fail the check that names what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor, type DoctorResult } from '../../tools/doctor/doctor.js';
import { nodeServer, type TestServer } from '../support/servers.js';

const PUBLIC = 'https://desk.pivot-edge.test';
const PIVOT_TOKEN = 'doctor-test-pivot-21b9';
const ADMIN_TOKEN = 'doctor-test-admin-6e07';
const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const good = {
  TIMEZONE: 'America/New_York',
  BUSINESS_HOURS: 'Mo-Fr 09:00-17:00; Sa 10:00-14:00',
  FRONT_DESK_DEVICE_ID: DEVICE,
  MENU: `1=device:${DEVICE}; 0=front-desk`,
  PUBLIC_BASE_URL: PUBLIC,
  PIVOT_TOKEN,
  ADMIN_TOKEN,
  RETENTION_DAYS: '30',
};
const PLACEHOLDER = 'https://pivot-edge-recordings.YOUR-SUBDOMAIN.workers.dev';

let servers: Record<'good' | 'placeholder' | 'open' | 'local', TestServer>;
beforeAll(async () => {
  const [goodServer, placeholder, open, local] = await Promise.all([
    nodeServer(good),
    nodeServer({ ...good, RECORDINGS_URL: PLACEHOLDER }),
    nodeServer({ ...good, PIVOT_TOKEN: '' }),
    nodeServer({ ...good, PUBLIC_BASE_URL: '' }),
  ]);
  servers = { good: goodServer, placeholder, open, local };
});
afterAll(() => Promise.all(Object.values(servers).map((server) => server.close())));

const statusOf = (result: DoctorResult, name: string) => result.checks.find((check) => check.name.startsWith(name));

describe('npm run doctor', () => {
  it('passes a correct deployment: every check, and the test message uploaded, listed and deleted', async () => {
    const result = await runDoctor({ url: `${PUBLIC}/front-desk`, token: PIVOT_TOKEN, adminToken: ADMIN_TOKEN, connectTo: { [PUBLIC]: servers.good.origin }, env: good });
    expect(result.checks.map((check) => [check.name.replace(/ \(.*\)$/, ''), check.status])).toEqual([
      ['voice_url', 'pass'],
      ['token', 'pass'],
      ['open', 'pass'],
      ['closed', 'pass'],
      ['menu: a key, no key, wrong keys', 'pass'],
      ['voicemail', 'pass'],
      ['sibling URLs', 'pass'],
      ['latency', 'pass'],
      ['recording round trip', 'pass'],
      ['retention', 'pass'],
      ['notifications', 'warn'],
    ]);
    expect(result.failed).toBe(0);
    expect(result.report).toMatch(/ready for real calls$/);
    // The round trip cleaned up after itself.
    const listing = (await (await fetch(`${servers.good.origin}/recordings`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { items: unknown[] };
    expect(listing.items).toEqual([]);
  });

  it('names the placeholder left in a sibling URL', async () => {
    const result = await runDoctor({ url: `${PUBLIC}/front-desk`, token: PIVOT_TOKEN, adminToken: ADMIN_TOKEN, connectTo: { [PUBLIC]: servers.placeholder.origin, [PLACEHOLDER]: `${servers.placeholder.origin}/recordings` } });
    expect(statusOf(result, 'sibling URLs')).toMatchObject({ status: 'fail', detail: expect.stringContaining('pivot-edge-recordings.your-subdomain.workers.dev still has a placeholder in it'), fix: expect.stringContaining('YOUR-SUBDOMAIN') });
    expect(result.failed).toBeGreaterThan(0);
    expect(result.report).toContain('✗ sibling URLs');
  });

  it('names a deployment without PIVOT_TOKEN', async () => {
    const result = await runDoctor({ url: `${PUBLIC}/front-desk`, adminToken: ADMIN_TOKEN, connectTo: { [PUBLIC]: servers.open.origin } });
    expect(statusOf(result, 'token')).toMatchObject({ status: 'fail', detail: expect.stringContaining('PIVOT_TOKEN is not set'), fix: expect.stringContaining('https://pivot:TOKEN@') });
    const withToken = await runDoctor({ url: `${PUBLIC}/front-desk`, token: PIVOT_TOKEN, connectTo: { [PUBLIC]: servers.open.origin } });
    expect(statusOf(withToken, 'token')).toMatchObject({ status: 'fail', detail: 'answered 200 without the token: PIVOT_TOKEN is not set on the deployment' });
  });

  it('names a host Kazoo refuses: the voice_url and every URL the answers hand out', async () => {
    const result = await runDoctor({ url: `${servers.local.origin}/front-desk`, token: PIVOT_TOKEN, adminToken: ADMIN_TOKEN });
    expect(statusOf(result, 'voice_url')).toMatchObject({ status: 'fail', detail: expect.stringContaining('on 127.0.0.1, which Kazoo refuses'), fix: expect.stringContaining('PUBLIC_BASE_URL') });
    expect(statusOf(result, 'sibling URLs')).toMatchObject({ status: 'fail', detail: expect.stringContaining('which Kazoo refuses') });
    // And the answers themselves: Kazoo rejects a flow that hands out such a URL.
    expect(statusOf(result, 'closed')).toMatchObject({ status: 'fail', detail: expect.stringContaining('invalid client URL') });
  });

  it('without the admin token: what it can check, and what it cannot, said', async () => {
    const result = await runDoctor({ url: `${PUBLIC}/front-desk`, token: PIVOT_TOKEN, connectTo: { [PUBLIC]: servers.good.origin } });
    expect(result.checks.filter((check) => check.status === 'skip').map((check) => check.name)).toEqual(['open, closed, menu', 'recording round trip', 'retention, notifications']);
    expect(result.failed).toBe(0);
  });

  it('an unreachable deployment stops at the token check', async () => {
    const result = await runDoctor({ url: 'https://desk.pivot-edge.test/front-desk', token: PIVOT_TOKEN, connectTo: { [PUBLIC]: 'http://127.0.0.1:1' } });
    expect(result.checks.map((check) => [check.name, check.status])).toEqual([
      ['voice_url', 'pass'],
      ['token', 'fail'],
    ]);
  });
});
