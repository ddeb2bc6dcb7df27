/** .eml drafts, read back by mailparser (nodemailer's parser), which did not write them. */
import fc from 'fast-check';
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { sampleFillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import { parseBody, parseInline, type ParseIssue } from '../../src/model/parse.ts';
import type { TemplateDoc } from '../../src/model/types.ts';
import { base64, buildEml, quotedPrintable, type EmlInput } from '../../src/export/eml.ts';
import { renderEmailHtml } from '../../src/render/html/compile.ts';
import { renderText } from '../../src/render/text/index.ts';

const DATE = new Date('2026-11-23T09:30:00Z');

function doc(): TemplateDoc {
  const issues: ParseIssue[] = [];
  const d: TemplateDoc = {
    id: 'eml-test',
    kind: 'email',
    title: 'Herinnering',
    purpose: 'herinnering',
    tone: 'vriendelijk',
    segment: 'algemeen',
    registered: false,
    subject: parseInline('Factuur {{factuur.nummer}} – nog € open, graag één seintje', 'onderwerp', issues),
    preheader: parseInline('Kort bericht over {{klant.naam}}.', 'preheader', issues),
    blocks: parseBody('Beste {{klant.contactpersoon}},\n\nHeel wat tekst met ë, €, „aanhalingstekens” en = tekens.\n\n::factuurtabel\n::betaalknop Betalen\n::handtekening', issues),
  };
  expect(issues).toEqual([]);
  return d;
}

async function rendered(): Promise<EmlInput> {
  const d = doc();
  const email = await renderEmailHtml(d, sampleFillData());
  return { subject: email.subject, html: email.html, text: renderText(fill(d, sampleFillData())), date: DATE };
}

const headerBlock = (eml: string) => eml.slice(0, eml.indexOf('\r\n\r\n'));
const addresses = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value);

describe('.eml draft', () => {
  it('round-trips subject, text and HTML through mailparser as a multipart/alternative draft', async () => {
    const input = { ...(await rendered()), from: { name: 'Bakkerij Dé Gouden Korst', address: 'boekhouding@goudenkorst.be' }, to: { name: 'Jan Claes', address: 'jan@hetpleintje.be' } };
    const eml = buildEml(input);
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe('Factuur 2026-0153 – nog € open, graag één seintje');
    expect(mail.text).toBe(input.text);
    expect(mail.html).toBe(input.html);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.date?.toISOString()).toBe(DATE.toISOString());
    expect(addresses(mail.from)).toEqual([{ name: 'Bakkerij Dé Gouden Korst', address: 'boekhouding@goudenkorst.be' }]);
    expect(addresses(mail.to)).toEqual([{ name: 'Jan Claes', address: 'jan@hetpleintje.be' }]);
    expect(mail.messageId).toBeUndefined(); // a draft gets its Message-ID when it is sent
    // text/plain comes first, so clients that pick the last part they understand show the HTML.
    expect(eml.indexOf('Content-Type: text/plain; charset=utf-8')).toBeLessThan(eml.indexOf('Content-Type: text/html; charset=utf-8'));
  });

  it('uses CRLF only, lines within the RFC limits, and 7-bit output', async () => {
    const eml = buildEml(await rendered());
    expect(eml).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(eml).toMatch(/^[\x00-\x7f]*$/);
    const lines = eml.split('\r\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(78);
    for (const word of headerBlock(eml).match(/=\?[^?]+\?[BQ]\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
  });

  it('splits a long subject into encoded-words without breaking a character', async () => {
    const subject = `Herinnering ${'één € — ‘factuur’ 😀 '.repeat(12)}einde`;
    const eml = buildEml({ subject, text: 'x', html: '<p>x</p>', date: DATE });
    const header = /^Subject:.*(?:\r\n .*)*/m.exec(headerBlock(eml))![0];
    expect(header.split('\r\n').length).toBeGreaterThan(3);
    expect(header).toMatch(/^Subject: =\?UTF-8\?B\?/);
    expect((await simpleParser(eml)).subject).toBe(subject.replace(/\s+/g, ' ').trim());
  });

  it('keeps a short ASCII subject readable', () => {
    expect(headerBlock(buildEml({ subject: 'Factuur 2026-0153', text: 'x', html: 'x', date: DATE })).split('\r\n')).toContain('Subject: Factuur 2026-0153');
  });

  it('makes header injection impossible', async () => {
    const eml = buildEml({
      subject: 'Hallo\r\nBcc: evil@example.com\r\n\r\n<script>',
      from: { name: 'Naam\r\nBcc: evil@example.com', address: 'a@b.be' },
      to: 'jan@x.be\r\nBcc: evil@example.com',
      text: 'x',
      html: 'x',
      date: DATE,
    });
    const mail = await simpleParser(eml);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.subject).toBe('Hallo Bcc: evil@example.com <script>');
    expect(addresses(mail.from)).toEqual([{ name: 'Naam Bcc: evil@example.com', address: 'a@b.be' }]);
    expect(mail.to).toBeUndefined(); // not a plain address: left out rather than guessed
    expect(headerBlock(eml).split('\r\n').filter((l) => /^bcc:/i.test(l))).toEqual([]);
  });

  it('is deterministic: same input, same bytes; other input, other boundary', async () => {
    const input = await rendered();
    expect(buildEml(input)).toBe(buildEml({ ...input }));
    const boundary = (eml: string) => /boundary="([^"]+)"/.exec(eml)?.[1];
    expect(boundary(buildEml(input))).not.toBe(boundary(buildEml({ ...input, text: `${input.text}.` })));
    const withId = buildEml({ ...input, messageIdDomain: 'tijdig.be' });
    expect((await simpleParser(withId)).messageId).toMatch(/^<[0-9a-f]{16}@tijdig\.be>$/);
    expect(withId).toBe(buildEml({ ...input, messageIdDomain: 'tijdig.be' }));
  });

  it('round-trips arbitrary bodies exactly (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 300 }), async (text, html) => {
        // Bodies are text: line breaks are canonical (CRLF on the wire, LF back from the parser).
        const t = `${text.replace(/\r\n?/g, '\n')}\n`;
        const h = `<p>${html.replace(/\r\n?/g, '\n').replace(/[\u0000]/g, '')}</p>\n`;
        const mail = await simpleParser(buildEml({ subject: text.slice(0, 60), text: t, html: h, date: DATE }));
        expect(mail.text).toBe(t);
        expect(mail.html).toBe(h);
      }),
      { numRuns: 60 },
    );
  });

  it('base64 and quoted-printable agree with Node Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
    const qp = quotedPrintable(`a = b \n${'é'.repeat(60)}\ttab\t`);
    expect(qp.split('\r\n').every((l) => l.length <= 76)).toBe(true);
    expect(qp.startsWith('a =3D b=20\r\n')).toBe(true);
    expect(qp.endsWith('tab=09')).toBe(true);
  });

  it('quoted-printable writes exactly what a byte-by-byte encoder of the UTF-8 writes (property test)', () => {
    // The plain reading of RFC 2045 §6.7 as a reference: every byte literal or =XX, soft break before
    // a piece would pass 75 characters, a space or tab at a line's end escaped.
    const reference = (text: string) =>
      text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => {
          const bytes = new TextEncoder().encode(line);
          const out: string[] = [];
          let current = '';
          bytes.forEach((byte, i) => {
            const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && i < bytes.length - 1);
            const piece = literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
            if (current.length + piece.length > 75) {
              out.push(`${current}=`);
              current = '';
            }
            current += piece;
          });
          out.push(current);
          return out.join('\r\n');
        })
        .join('\r\n');
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: fc.constantFrom('a', ' ', '\t', '=', '\n', 'é', '€', '😀', '\ud800', '\udc00'), maxLength: 200 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const text = pieces.join('');
        expect(quotedPrintable(text)).toBe(reference(text));
      }),
      { numRuns: 400 },
    );
    expect(quotedPrintable('x'.repeat(151))).toBe(reference('x'.repeat(151)));
  });

  it('names its boundary by FNV-1a over the UTF-8 of the content (property test)', () => {
    const fnv = (bytes: Uint8Array, seed: number) => {
      let h = seed;
      for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    };
    const text = fc.string({ unit: fc.constantFrom('a', ' ', 'é', '€', '😀', '\ud800', '\udc00', '\u0000'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (subject, body, html) => {
        const bytes = new TextEncoder().encode([subject, body, html, '""', '""', String(DATE.getTime())].join('\u0000'));
        const eml = buildEml({ subject, text: body, html, date: DATE });
        expect(eml).toContain(`boundary="=_tijdig_${fnv(bytes, 0x811c9dc5)}${fnv(bytes, 0x050c5d1f)}"`);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an invalid date', () => {
    expect(() => buildEml({ subject: 'x', text: 'x', html: 'x', date: new Date('nope') })).toThrow(RangeError);
  });
});
