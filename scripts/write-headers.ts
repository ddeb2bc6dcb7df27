/**
 * Writes public/_headers and the nginx and Caddy blocks in docs/publiceren.md from
 * src/site/lib/http-headers.ts. Run it after changing the headers; the unit test fails until then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caddySnippet, netlifyHeaders, nginxSnippet } from '../src/site/lib/http-headers.ts';

const root = join(import.meta.dirname, '..');
writeFileSync(join(root, 'public/_headers'), netlifyHeaders());
const doc = join(root, 'docs/publiceren.md');
const text = readFileSync(doc, 'utf8')
  .replace(/(```nginx\n)[\s\S]*?(\n```)/, (_m, a: string, b: string) => `${a}${nginxSnippet()}${b}`)
  .replace(/(```caddy\n)[\s\S]*?(\n```)/, (_m, a: string, b: string) => `${a}${caddySnippet()}${b}`);
writeFileSync(doc, text);
console.log('public/_headers en docs/publiceren.md bijgewerkt');
