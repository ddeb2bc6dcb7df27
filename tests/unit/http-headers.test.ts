/** The headers for static hosts: one source, the shipped files agree with it, and the policy keeps the pages working. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerContentSecurityPolicy } from '../../src/site/lib/csp.ts';
import { caddySnippet, headersForPath, netlifyHeaders, nginxSnippet, SECURITY_HEADERS } from '../../src/site/lib/http-headers.ts';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('the shipped files follow src/site/lib/http-headers.ts', () => {
  it('public/_headers', () => {
    expect(read('public/_headers')).toBe(netlifyHeaders());
  });

  it('the nginx and Caddy blocks in docs/publiceren.md', () => {
    const doc = read('docs/publiceren.md');
    expect(/```nginx\n([\s\S]*?)\n```/.exec(doc)?.[1]).toBe(nginxSnippet());
    expect(/```caddy\n([\s\S]*?)\n```/.exec(doc)?.[1]).toBe(caddySnippet());
  });

  it('README says how to publish dist/ and points to the headers', () => {
    expect(read('README.md')).toMatch(/docs\/publiceren\.md/);
  });
});

describe('what a host sends', () => {
  const file = netlifyHeaders();

  it('every page: CSP that forbids framing, nosniff, no referrer, no powerful features, and no long cache', () => {
    const page = headersForPath(file, '/sjablonen/');
    expect(directives(page['Content-Security-Policy']!).get('frame-ancestors')).toEqual(["'none'"]);
    expect(page['X-Frame-Options']).toBe('DENY');
    expect(page['X-Content-Type-Options']).toBe('nosniff');
    expect(page['Referrer-Policy']).toBe('no-referrer');
    expect(page['Permissions-Policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(page['Cache-Control']).toBeUndefined();
  });

  it('hashed assets only: cached a year, with one Cache-Control value', () => {
    expect(headersForPath(file, '/_astro/Base.DL01f6i3.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersForPath(file, '/downloads/tijdig-alles.zip')['Cache-Control']).toBeUndefined();
    expect(headersForPath(file, '/fonts/DejaVuSans.ttf')['Cache-Control']).toBeUndefined();
    expect(nginxSnippet()).toMatch(/location \/_astro\/ \{[\s\S]*immutable/);
    expect(nginxSnippet().match(/location \/ \{[\s\S]*?\n\}/)![0]).not.toContain('immutable');
    expect(caddySnippet()).toContain('@hashed path /_astro/*');
  });

  it('the header policy allows everything a page policy allows: same sources for scripts, fetches and frames', () => {
    const header = directives(headerContentSecurityPolicy());
    const page = directives(contentSecurityPolicy({ styleHashes: ['sha256-abc'], styleAttributes: true }));
    for (const [name, values] of page) {
      if (name === 'style-src-elem') expect(header.get(name)).toEqual(["'self'", "'unsafe-inline'"]);
      else expect([name, header.get(name)]).toEqual([name, values]);
    }
    // Nothing from another origin, no eval, ever.
    expect(headerContentSecurityPolicy()).not.toMatch(/https?:|unsafe-eval|\*/);
    expect(header.get('script-src')).toEqual(["'self'"]);
  });

  it('nginx keeps every security header in both locations (it drops inherited add_header lines)', () => {
    for (const name of Object.keys(SECURITY_HEADERS)) expect(nginxSnippet().split(`add_header ${name} `).length - 1, name).toBe(2);
  });
});
