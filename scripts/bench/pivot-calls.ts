/**
 * The calls the speed benchmarks send, and the settings they are answered with: a first request
 * exactly as Kazoo sends it (req_format kazoo, GET, legacy encoding, empty objects as `&&`), the
 * business open (the hours are evaluated: every day 00:00-24:00 plus a holiday that is not today),
 * the front desk a device, no menu, PUBLIC_BASE_URL and PIVOT_TOKEN set (Basic auth, as Kazoo sends
 * the userinfo of voice_url). collected and gathered get a menu whose key 1 rings a device.
 */
export const KAZOO_QUERY =
  'Account-ID=4b8c0d0e0f101112131415161718191a&Api-Version=4.x&Call-ID=abc123%40192.168.1.2&Caller-ID-Name=Alice+Smith' +
  '&Caller-ID-Number=%2B14155550100&&&Direction=inbound&From=%2B14155550100&From-Realm=sip.example.com&Language=en-us' +
  '&Request=5000&Request-Realm=sip.example.com&To=5000&To-Realm=sip.example.com';

/** The TwiML dialect's first request, as `<Gather action>` sends it with key 1. */
export const TWIML_GATHER_QUERY =
  'CallSid=abc123%40192.168.1.2&AccountSid=4b8c0d0e0f101112131415161718191a&From=%2B14155550100&FromRealm=sip.example.com' +
  '&To=5000&ToRealm=sip.example.com&ApiVersion=2010-04-01&Direction=inbound&CallerName=Alice+Smith&CallerNumber=%2B14155550100&Digits=1';

export const PIVOT_TOKEN = 'bench-pivot-token-0123456789';
export const AUTHORIZATION = `Basic ${Buffer.from(`pivot:${PIVOT_TOKEN}`).toString('base64')}`;
export const ORIGIN = 'https://pivot.example.com';
const DEVICE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A holiday 100 days from now: a rule the hours check on every call, never the one that applies. */
function holidayNotToday(): string {
  const day = new Date(Date.now() + 100 * 86_400_000);
  return `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()} off "Founders Day"`;
}

const ZONE = 'America/New_York';

/** Opening hours of an ordinary 8-hour day that has begun two hours before now (its end within hours, as on a real day). */
function hoursAroundNow(): string {
  const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  const at = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
  return `Mo-Su ${at(hour - 2)}-${at(hour + 6)}`;
}

/** front-desk open, ringing a device, menu off. */
export function frontDeskEnv(recordingsDir: string, logLevel = 'info'): Record<string, string> {
  return {
    TIMEZONE: ZONE,
    BUSINESS_HOURS: `${hoursAroundNow()}; ${holidayNotToday()}`,
    FRONT_DESK_DEVICE_ID: DEVICE,
    PUBLIC_BASE_URL: ORIGIN,
    PIVOT_TOKEN,
    RECORDINGS_DIR: recordingsDir,
    LOG_LEVEL: logLevel,
  };
}

/** The same, with a menu (collected and gathered route its key 1 to a device). */
export function menuEnv(recordingsDir: string, logLevel = 'info'): Record<string, string> {
  return { ...frontDeskEnv(recordingsDir, logLevel), MENU: `1=device:${DEVICE} "Sales"; 0=front-desk` };
}

/** Each Pivot endpoint's benchmark request: path and query (GET), as Kazoo sends it. */
export const PIVOT_CALLS = {
  'front-desk': `/front-desk?${KAZOO_QUERY}`,
  // Our collect_dtmf's pivot child: the URL we handed out plus Kazoo's parameters and the digit.
  collected: `/collected?attempt=0&${KAZOO_QUERY}&Digits[menu]=1`,
  gathered: `/gathered?attempt=0&${TWIML_GATHER_QUERY}`,
} as const;
