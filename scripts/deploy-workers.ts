// `npm run deploy:workers`: deploy the four per-endpoint Workers, after checking that the sibling
// URLs in wrangler.toml no longer hold the YOUR-SUBDOMAIN placeholder.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ENVS = ['recordings', 'gathered', 'collected', 'front-desk'];
if (readFileSync('wrangler.toml', 'utf8').includes('YOUR-SUBDOMAIN')) {
  console.error('wrangler.toml still says YOUR-SUBDOMAIN: replace it with your workers.dev subdomain (README "Deploy: Cloudflare Workers").');
  process.exit(1);
}
for (const env of ENVS) execFileSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--env', env], { stdio: 'inherit' });
