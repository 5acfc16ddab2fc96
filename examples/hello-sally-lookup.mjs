// A tiny "who is calling" service for pivot-edge's CALLER_LOOKUP_URL (README "Callers"): the
// platform's own Hello Sally example. Node only, no dependencies:
//
//   node examples/hello-sally-lookup.mjs            # listens on http://127.0.0.1:8788/who
//   LOOKUP_TOKEN=s3cret PORT=9000 node examples/hello-sally-lookup.mjs
//
// pivot-edge asks it once per call (GET with a query, or POST with JSON when
// CALLER_LOOKUP_METHOD=post) and it answers {"name", "say", "route"}.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Your customers, by E.164 number: pivot-edge sends caller_number already normalised. */
const CUSTOMERS = new Map([
  ['+14155550100', { name: 'Sally', balanceCents: 572 }],
  ['+14155550123', { name: 'Bob', balanceCents: 0 }],
]);
/** Customer support: where known customers are put through (a route pivot-edge understands). */
const SUPPORT = 'number:+14155550199';

function spokenMoney(cents) {
  const dollars = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${dollars} dollar${dollars === 1 ? '' : 's'} and ${rest} cent${rest === 1 ? '' : 's'}`;
}

/** The answer for one call; undefined when the caller is not a customer. */
export function answerFor(call) {
  const customer = CUSTOMERS.get(call.caller_number ?? '');
  if (customer === undefined) return undefined;
  return {
    name: customer.name,
    say: `Your current account balance is ${spokenMoney(customer.balanceCents)}. We will now connect you with customer support.`,
    route: SUPPORT,
  };
}

async function readCall(request) {
  if (request.method === 'GET') return Object.fromEntries(new URL(request.url, 'http://lookup').searchParams);
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(body || '{}');
}

/** The HTTP service; `token` (optional) is the Bearer token pivot-edge sends as CALLER_LOOKUP_AUTH. */
export function createLookupServer(token = process.env.LOOKUP_TOKEN) {
  return createServer(async (request, response) => {
    if (token && request.headers.authorization !== `Bearer ${token}`) return void response.writeHead(401).end();
    try {
      const answer = answerFor(await readCall(request));
      // Not a customer: nothing to say, pivot-edge goes on by its own rules.
      if (answer === undefined) return void response.writeHead(204).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch {
      response.writeHead(400).end();
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createLookupServer();
  server.listen(Number(process.env.PORT ?? 8788), host, () => {
    console.log(`Hello Sally lookup on http://${host}:${server.address().port}/who`);
  });
}
