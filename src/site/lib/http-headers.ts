/**
 * The HTTP headers a host should send with the built site, in one place, and the same rules
 * written for the usual static hosts: a `_headers` file (Netlify, Cloudflare Pages), an nginx
 * `location` block and a Caddyfile. public/_headers and docs/publiceren.md hold these outputs;
 * tests/unit/http-headers.test.ts fails when they drift apart (scripts/write-headers.ts rewrites
 * them).
 */
import { headerContentSecurityPolicy } from './csp.ts';

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': headerContentSecurityPolicy(),
  // Older browsers that do not know frame-ancestors.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // No page of ours needs to tell another site where a visitor came from.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Astro puts a content hash in every file name under /_astro/: those never change, so cache them a year. */
export const HASHED_ASSETS = '/_astro/';
export const HASHED_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (pages, zips, fonts, the sitemap) may change with the next build: ask again each time. */
export const OTHER_CACHE = 'no-cache';

/**
 * public/_headers: one rule for every path, one more for the hashed assets. Both hosts join the
 * values of a header that several matching rules set, so Cache-Control is only in the second rule
 * (other files keep the host's default, which asks the server again).
 */
export function netlifyHeaders(): string {
  const lines = ['# Netlify and Cloudflare Pages read this file. Made by scripts/write-headers.ts from src/site/lib/http-headers.ts.', '/*'];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`  ${name}: ${value}`);
  lines.push(`${HASHED_ASSETS}*`, `  Cache-Control: ${HASHED_CACHE}`, '');
  return lines.join('\n');
}

/** Reads a `_headers` file as those hosts do: the headers for one path, values of several matching rules joined. */
export function headersForPath(file: string, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  let applies = false;
  for (const raw of file.split(/\r?\n/)) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      const pattern = raw.trim();
      applies = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
      continue;
    }
    if (!applies) continue;
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    const name = raw.slice(0, colon).trim();
    const value = raw.slice(colon + 1).trim();
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

const quoteNginx = (value: string) => `"${value.replace(/(["\\$])/g, '\\$1')}"`;

/** An nginx `server` block part: `add_header … always` for every response, a year for /_astro/. */
export function nginxSnippet(): string {
  const common = Object.entries(SECURITY_HEADERS).map(([name, value]) => `add_header ${name} ${quoteNginx(value)} always;`);
  // nginx drops inherited add_header lines in a location that has its own: repeat them there.
  return [
    'root /var/www/tijdig/dist;',
    'error_page 404 /404.html;',
    '',
    'location / {',
    ...common.map((l) => `    ${l}`),
    `    add_header Cache-Control ${quoteNginx(OTHER_CACHE)} always;`,
    '    try_files $uri $uri/index.html =404;',
    '}',
    '',
    `location ${HASHED_ASSETS} {`,
    ...common.map((l) => `    ${l}`),
    `    add_header Cache-Control ${quoteNginx(HASHED_CACHE)} always;`,
    '}',
  ].join('\n');
}

/** A Caddyfile site block. */
export function caddySnippet(): string {
  return [
    'tijdig.example {',
    '    root * /var/www/tijdig/dist',
    '    file_server',
    '    handle_errors {',
    '        rewrite * /404.html',
    '        file_server',
    '    }',
    '    header {',
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `        ${name} ${JSON.stringify(value)}`),
    '    }',
    // Two matchers that exclude each other: Caddy's order between header directives cannot matter.
    `    @hashed path ${HASHED_ASSETS}*`,
    `    header @hashed Cache-Control ${JSON.stringify(HASHED_CACHE)}`,
    `    @other not path ${HASHED_ASSETS}*`,
    `    header @other Cache-Control ${JSON.stringify(OTHER_CACHE)}`,
    '}',
  ].join('\n');
}
