// The baseline of `npm run bench:cold`: the smallest Hono app on hono/aws-lambda that answers a Pivot
// request with one Callflow JSON action. Bundled exactly as our Lambda entries are.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const app = new Hono();
app.all('*', (c) => c.json({ module: 'tts', data: { text: 'Hello', voice: 'female', language: 'en-US' }, children: {} }));

export const handler = handle(app);
