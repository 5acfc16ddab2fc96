// `npx tsx scripts/bench-router.ts`: what Hono's tiny build (PatternRouter, which shared/http uses
// for its smaller Worker bundles) costs per request against the default build (SmartRouter), on
// the all-in-one app's route shape with empty handlers. Both in this run, interleaved; prints
// µs per request and the ratio.
import { Hono as DefaultHono } from 'hono';
import { Hono as TinyHono } from 'hono/tiny';

type AnyHono = DefaultHono | TinyHono;
const ROUNDS = 9;
const REQUESTS = 20_000;
const PATHS = ['/front-desk?Call-ID=a', '/collected?x=1', '/recordings', '/recordings/inbox', '/recordings/8204733072219-b43d72f786ab', '/recordings/8204733072219-b43d72f786ab/link', '/nowhere'];

function allInOne(make: () => AnyHono): AnyHono {
  const endpoint = () => make().get('/', (c) => c.text('ok')).post('/', (c) => c.text('ok'));
  const recordings = make()
    .get('/inbox', (c) => c.text('page'))
    .get('/', (c) => c.text('list'))
    .post('/', (c) => c.text('up'))
    .put('/', (c) => c.text('up'))
    .on(['PUT', 'POST'], '/:name', (c) => c.text('up'))
    .get('/:id', (c) => c.text('audio'))
    .get('/:id/link', (c) => c.text('link'))
    .patch('/:id', (c) => c.text('heard'))
    .delete('/:id', (c) => c.text('gone'));
  const app = make();
  app.use(async (_c, next) => next());
  for (const name of ['front-desk', 'collected', 'gathered']) app.route(`/${name}`, endpoint() as never);
  return app.route('/recordings', recordings as never).get('/', (c) => c.text('root'));
}

async function timePerRequest(app: AnyHono): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i++) await app.fetch(new Request(`http://localhost${PATHS[i % PATHS.length]}`));
  return Number(process.hrtime.bigint() - start) / 1000 / REQUESTS;
}

const apps = { default: allInOne(() => new DefaultHono()), tiny: allInOne(() => new TinyHono()) };
const times: Record<keyof typeof apps, number[]> = { default: [], tiny: [] };
for (const app of Object.values(apps)) await timePerRequest(app); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ['default', 'tiny'] as const) times[name].push(await timePerRequest(apps[name]));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const [base, tiny] = [median(times.default), median(times.tiny)];
console.log(`hono default (SmartRouter): ${base.toFixed(2)} µs/request; hono/tiny (PatternRouter): ${tiny.toFixed(2)} µs/request; tiny/default = ${(tiny / base).toFixed(2)}`);
