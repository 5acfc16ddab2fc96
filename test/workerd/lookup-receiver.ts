// globalSetup of the workerd project (runs in Node): a real HTTP lookup service on 127.0.0.1 for the
// Workers under test. `/who` answers Sally, `/slow` never answers, `/fail` answers 500; `/seen`
// lists the caller numbers asked about so far, so a test can tell a cache hit from a request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    lookupOrigin: string;
  }
}

export default async function startLookupReceiver(project: TestProject): Promise<() => Promise<void>> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://receiver');
    if (url.pathname === '/seen') return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen));
    seen.push(`${url.pathname} ${url.searchParams.get('caller_number')}`);
    if (url.pathname === '/slow') return;
    if (url.pathname === '/fail') return void response.writeHead(500).end();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ name: 'Sally', say: 'Your current account balance is 5 dollars and 72 cents.', route: 'default' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('lookupOrigin', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
