/**
 * A ready-to-edit .eml draft (RFC 5322 + MIME), browser-safe: TextEncoder and our own base64 and
 * quoted-printable, no Buffer. `X-Unsent: 1` makes Outlook open it as an unsent draft. The output is
 * deterministic: the boundary and Message-ID come from a hash of the content, not from randomness.
 */

export type Mailbox = string | { name?: string; address: string };

/** A file sent along (the original invoice PDF), base64 in a multipart/mixed message. */
export interface EmlAttachment {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface EmlInput {
  subject: string;
  html: string;
  text: string;
  from?: Mailbox;
  to?: Mailbox;
  date: Date;
  /** When given, a Message-ID is added; drafts usually go without one (the client sets it on send). */
  messageIdDomain?: string;
  attachments?: readonly EmlAttachment[];
}

const CRLF = '\r\n';
const encoder = new TextEncoder();
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

/** "=XX" for every byte, made once. */
const HEX = Array.from({ length: 256 }, (_, byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
/** Longest encoded line before its soft break "=" (76 characters in all). */
const QP_WIDTH = 75;

/**
 * Quoted-printable (RFC 2045 §6.7) over UTF-8. Line breaks become CRLF hard breaks; lines are cut
 * with soft breaks ("=") at 76 characters, never inside an =XX escape.
 */
export function quotedPrintable(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(quotedPrintableLine).join(CRLF);
}

/**
 * One line, read as UTF-16 and written as UTF-8 escapes where needed. Runs of printable ASCII are
 * copied as slices (a bulk run encodes megabytes of HTML: per-byte strings were a quarter of its time).
 */
function quotedPrintableLine(line: string): string {
  const n = line.length;
  const literal = (i: number) => {
    const c = line.charCodeAt(i);
    // A space or tab at the end of a line is escaped, so no transport strips it.
    return (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && i < n - 1);
  };
  let out = '';
  let width = 0;
  const escape = (byte: number) => {
    if (width + 3 > QP_WIDTH) {
      out += `=${CRLF}`;
      width = 0;
    }
    out += HEX[byte]!;
    width += 3;
  };
  let i = 0;
  while (i < n) {
    if (literal(i)) {
      let end = i + 1;
      while (end < n && literal(end)) end++;
      while (i < end) {
        if (width >= QP_WIDTH) {
          out += `=${CRLF}`;
          width = 0;
        }
        const take = Math.min(end - i, QP_WIDTH - width);
        out += line.slice(i, i + take);
        width += take;
        i += take;
      }
      continue;
    }
    let cp = line.charCodeAt(i++);
    if (cp >= 0xd800 && cp <= 0xdbff && i < n) {
      const low = line.charCodeAt(i);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is written as U+FFFD, as TextEncoder does.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) escape(cp);
    else if (cp < 0x800) {
      escape(0xc0 | (cp >> 6));
      escape(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      escape(0xe0 | (cp >> 12));
      escape(0x80 | ((cp >> 6) & 63));
      escape(0x80 | (cp & 63));
    } else {
      escape(0xf0 | (cp >> 18));
      escape(0x80 | ((cp >> 12) & 63));
      escape(0x80 | ((cp >> 6) & 63));
      escape(0x80 | (cp & 63));
    }
  }
  return out;
}

/** Header values: no CR/LF (no header injection) and no other control characters. */
const clean = (value: string): string => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();

/** RFC 2047 B encoded-words of at most 39 bytes each (64 chars), split between code points. */
function encodedWords(value: string): string[] {
  const words: number[][] = [];
  let chunk: number[] = [];
  for (const char of value) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > 39) {
      words.push(chunk);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length || !words.length) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(Uint8Array.from(w))}?=`);
}

/** Plain ASCII stays readable; anything else, or a line too long to fold, is encoded. */
function headerText(name: string, value: string): string {
  const v = clean(value);
  const plain = /^[\x20-\x7e]*$/.test(v) && !v.includes('=?') && name.length + 2 + v.length <= 78;
  return plain ? `${name}: ${v}` : `${name}: ${encodedWords(v).join(`${CRLF} `)}`;
}

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/;

/** "Name <address>"; an address that is not a plain ASCII address leaves the header out. */
function mailboxHeader(name: string, box: Mailbox | undefined): string | null {
  if (!box) return null;
  const address = clean(typeof box === 'string' ? box : box.address);
  if (!ADDRESS.test(address)) return null;
  const display = typeof box === 'string' ? '' : clean(box.name ?? '');
  if (!display) return `${name}: ${address}`;
  if (/^[\x20-\x7e]*$/.test(display) && !display.includes('=?') && name.length + display.length + address.length + 8 <= 78) {
    return `${name}: "${display.replace(/(["\\])/g, '\\$1')}" <${address}>`;
  }
  return `${name}: ${encodedWords(display).join(`${CRLF} `)}${CRLF} <${address}>`;
}

/** FNV-1a over the UTF-8 bytes, twice with different seeds: 16 hex digits, stable across runs. */
function contentHash(parts: string[]): string {
  const bytes = encoder.encode(parts.join('\u0000'));
  // Both seeds in one indexed pass (an iterator per byte cost a bulk run a tenth of its time).
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** RFC 5322 date in UTC ("Mon, 23 Nov 2026 10:00:00 +0000"). */
function rfc5322Date(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('buildEml: invalid date');
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** A file name for the Content-Disposition header: plain ASCII quoted, anything else as RFC 2231 UTF-8. */
function filenameParam(name: string): string {
  const v = clean(name).replace(/[\\/]/g, '_') || 'bijlage';
  if (/^[\x20-\x7e]*$/.test(v) && !/["\\]/.test(v)) return `filename="${v}"`;
  const encoded = [...encoder.encode(v)].map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `filename*=UTF-8''${encoded}`;
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8). */
const base64Lines = (bytes: Uint8Array) => base64(bytes).replace(/.{76}(?=.)/g, `$&${CRLF}`);

export function buildEml(input: EmlInput): string {
  const hash = contentHash([input.subject, input.text, input.html, JSON.stringify(input.from ?? ''), JSON.stringify(input.to ?? ''), String(input.date.getTime())]);
  // "=_" cannot occur in quoted-printable output, so the boundary can never clash with a body.
  const boundary = `=_tijdig_${hash}`;
  const domain = (input.messageIdDomain ?? '').replace(/[^A-Za-z0-9.-]/g, '');
  const headers = [
    mailboxHeader('From', input.from),
    mailboxHeader('To', input.to),
    headerText('Subject', input.subject),
    `Date: ${rfc5322Date(input.date)}`,
    domain ? `Message-ID: <${hash}@${domain}>` : null,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
  ].filter((h): h is string => h !== null);
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body)].join(CRLF);
  const alternative = [`Content-Type: multipart/alternative; boundary="${boundary}"`, '', part('text/plain', input.text), part('text/html', input.html), `--${boundary}--`];
  const files = input.attachments ?? [];
  if (!files.length) return [...headers, ...alternative, ''].join(CRLF);
  // The text and HTML stay one alternative part; the files follow it in a multipart/mixed.
  const mixed = `=_tijdig_mixed_${hash}`;
  const attachment = (f: EmlAttachment) => [`--${mixed}`, `Content-Type: ${clean(f.mime) || 'application/octet-stream'}`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; ${filenameParam(f.name)}`, '', base64Lines(f.bytes)].join(CRLF);
  return [...headers, `Content-Type: multipart/mixed; boundary="${mixed}"`, '', `--${mixed}`, ...alternative, ...files.map(attachment), `--${mixed}--`, ''].join(CRLF);
}
