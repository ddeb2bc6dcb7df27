/**
 * The Content-Security-Policy every page carries in a <meta> tag. Nothing from another origin,
 * no inline script (Astro writes every script and stylesheet to a file: see astro.config.mjs), no
 * eval. Template pages add the hashes of the email preview's <style> elements, because the
 * sandboxed srcdoc iframe inherits this policy, and allow style attributes, which the email HTML
 * needs (inline styles are what email clients read).
 */
import { createHash } from 'node:crypto';

export interface CspOptions {
  /** 'sha256-…' sources for <style> elements (the email preview). */
  styleHashes?: readonly string[];
  /** Allow style="" attributes (the email preview). */
  styleAttributes?: boolean;
  /** `astro dev` injects component styles inline; the built site never does. */
  dev?: boolean;
}

type Directive = [string, ...string[]];

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives = baseDirectives();
  if (options.dev) {
    directives[2] = ['style-src', "'self'", "'unsafe-inline'"];
  } else if (options.styleHashes?.length || options.styleAttributes) {
    directives.push(['style-src-elem', "'self'", ...(options.styleHashes ?? []).map((h) => `'${h}'`)]);
    if (options.styleAttributes) directives.push(['style-src-attr', "'unsafe-inline'"]);
  }
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * The policy sent as an HTTP header by the host (public/_headers, the nginx and Caddy snippets).
 * A browser enforces header and meta policy both, so what a page may do is what both allow: the
 * header adds what a meta tag cannot say (frame-ancestors: no site may frame these pages) and
 * leaves the style elements to each page's meta tag, which pins them by hash on template pages.
 */
export function headerContentSecurityPolicy(): string {
  const directives = baseDirectives();
  directives.push(['style-src-elem', "'self'", "'unsafe-inline'"], ['style-src-attr', "'unsafe-inline'"], ['frame-ancestors', "'none'"]);
  return directives.map((d) => d.join(' ')).join('; ');
}

function baseDirectives(): Directive[] {
  return [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    // The PDF renderer fetches /fonts/*.ttf; nothing else is fetched.
    ['connect-src', "'self'"],
    // The email preview is a sandboxed srcdoc frame, which frame-src does not govern; nothing else frames.
    ['frame-src', "'none'"],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['object-src', "'none'"],
  ];
}

/** The CSP hash source of each <style> element's content in an HTML document. */
export function styleElementHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    hashes.add(`sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}`);
  }
  return [...hashes];
}
