import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** Every variable name the config code reads: quoted UPPER_SNAKE literals in shared/config and the local server. */
function variablesReadByCode(): string[] {
  const files = [
    ...readdirSync(new URL('shared/config/', root)).map((file) => `shared/config/${file}`),
    'functions/local/server.ts',
  ];
  const names = new Set<string>();
  for (const file of files) {
    for (const [, name] of read(file).matchAll(/['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|TIMEZONE|MENU|PORT|HOST)['"]/g)) names.add(name!);
  }
  return [...names].sort();
}

describe('every variable the code reads is documented', () => {
  const names = variablesReadByCode();

  it('finds the variables (sanity: the scan itself works)', () => {
    expect(names).toEqual(expect.arrayContaining(['TIMEZONE', 'BUSINESS_HOURS', 'MENU', 'PIVOT_TOKEN', 'RECORDINGS_URL', 'HOST']));
  });

  it.each(names)('%s is in the README configuration table', (name) => {
    expect(read('README.md')).toMatch(new RegExp(`^\\|[^\\n]*\`${name}\``, 'm'));
  });

  it.each(names)('%s is in .env.example', (name) => {
    expect(read('.env.example')).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
