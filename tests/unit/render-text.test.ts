/** Plain-text renderer: width, alignment, links, letter frame, markers and parity with the model. */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_FIELDS, sampleFillData, type FillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import { placeholdersIn } from '../../src/model/parse.ts';
import type { FilledDocument, Run, TemplateDoc } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { renderText } from '../../src/render/text/index.ts';
import fc from 'fast-check';
import { squash as squashText, width, wrap } from '../../src/render/text/wrap.ts';
import { testTemplate } from '../helpers/template.ts';

const fixture = (id: string, kind: TemplateDoc['kind'], body: string, extra: Partial<TemplateDoc> = {}, subject = ''): TemplateDoc =>
  testTemplate({ id, kind, body, subject, extra });

const FULL_BODY = `Beste {{klant.contactpersoon}},

Factuur **{{factuur.nummer}}** van **{{bedrag factuur.openstaand}}** staat nog open. Vragen? Mail {{afzender.email}} of bel {{afzender.telefoon}}, wij helpen u graag verder met deze factuur.

- eerste punt voor {{klant.naam}}, dat lang genoeg is om over meer dan één regel te lopen in de tekst
- tweede punt

## Wat u nu doet

::factuurtabel
::betaalgegevens met-kosten
::betaalknop Nu online betalen
::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}, anders volgt een ingebrekestelling met bijkomende kosten.
::handtekening`;

const FIXTURES = [
  fixture('test-email', 'email', FULL_BODY, {}, 'Factuur {{factuur.nummer}}'),
  fixture('test-brief', 'brief', `Geachte {{klant.contactpersoon}},\n\n::factuurtabel\n::betaalgegevens\n::betaalknop Online betalen\n::handtekening`, { registered: true }, 'Ingebrekestelling factuur {{factuur.nummer}}'),
  fixture('test-belscript', 'belscript', `## Opening\n\nGoeiedag, spreek ik met {{klant.contactpersoon}}?\n\n### Als de klant twijfelt\n\n- Is factuur {{factuur.nummer}} aangekomen?`),
];
const content = readContent(process.cwd());
const TEMPLATES = [...FIXTURES, ...(content.ok ? content.content.templates : [])];

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Display columns: code points, except zero-width bidi controls. */
const cols = (s: string) => [...s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')].length;

function shownRuns(f: FilledDocument): Run[] {
  const frame = f.kind === 'brief' ? [...f.letter.sender.flat(), ...f.letter.recipient.flat(), ...f.letter.placeAndDate, ...f.letter.reference, ...f.subject] : [];
  return [
    ...frame,
    ...f.blocks.flatMap((b) => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
        case 'deadline':
          return b.runs;
        case 'list':
          return b.items.flat();
        case 'signature':
          return b.lines.flat();
        case 'invoiceTable':
          return [...b.rows.flatMap((r) => Object.values(r).flat()), ...b.total];
        case 'paymentDetails':
          return b.lines.flatMap((l) => [{ text: l.label }, ...l.value]);
        case 'paymentButton':
          return b.label;
      }
    }),
  ];
}

/** A line may pass 72 columns only when it is a prefix (indent, bullet, bar or label) plus one word. */
function checkWidth(text: string) {
  for (const line of text.split('\n')) {
    if (cols(line) <= 72) continue;
    expect(line, 'an over-long line holds one unbreakable word').toMatch(/^(?:[ *|]*|.*? {2,})\S+$/);
    expect(cols(line.split(' ').at(-1)!)).toBeGreaterThan(72 - 38);
  }
  expect(text).not.toMatch(/[ \t]+\n/); // no trailing spaces
  expect(text.endsWith('\n')).toBe(true);
}

function everyTextField(value: string): FillData {
  const data: Record<string, Record<string, unknown>> = {};
  for (const f of PLACEHOLDER_FIELDS) {
    if (f.group === 'berekend') continue;
    const [group, name] = f.path.split('.') as [string, string];
    // Dates and choices (jurisdiction, customer type) are validated by the form; free text is not.
    (data[group] ??= {})[name] = typeof f.voorbeeld === 'string' && f.kind !== 'datum' && f.kind !== 'keuze' ? value : f.voorbeeld;
  }
  return data as FillData;
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('plain text %s', (_id, doc) => {
  it('says everything the model says, within 72 columns', () => {
    const filled = fill(doc, sampleFillData());
    const text = renderText(filled);
    checkWidth(text);
    const flowing = squash(text.replace(/^\| /gm, '')); // the deadline bar is layout, not content
    for (const run of shownRuns(filled)) expect(flowing).toContain(squash(run.text));
    expect(text).not.toMatch(/\[[a-z]+\.[a-zA-Z]+\]/);
    if (doc.blocks.some((b) => b.type === 'paymentButton')) expect(text).toMatch(/:\shttps:\/\/betalen\.goudenkorst\.be\/2026-0153$/m);
    if (doc.kind === 'brief') {
      expect(text).toContain(`Betreft: ${squash(filled.subject.map((r) => r.text).join(''))}`);
      expect(text).toContain('Gent, 23 november 2026');
      expect(text.startsWith('AANGETEKEND\n')).toBe(doc.registered);
    }
    if (doc.kind === 'belscript') expect(text.split('\n')[1]).toMatch(/^=+$/);
  });

  it('shows [pad] for every unfilled placeholder', () => {
    const text = renderText(fill(doc, {}));
    checkWidth(text);
    // The subject is part of the text only in a letter ("Betreft: …").
    for (const path of placeholdersIn(doc.blocks, ...(doc.kind === 'brief' ? [doc.subject] : []))) expect(text).toContain(`[${path}]`);
    if (placeholdersIn(doc.blocks).has('klant.naam')) expect(text).toContain('[klant.naam]');
  });

  it.each(['<script>alert(1)</script>', '{{klant.naam}}', '**x**', ']]>', '\u202Eevil', `https://betalen.example/${'a'.repeat(120)}`, 'woord '.repeat(2_000)])(
    'keeps a hostile or long value literal and the width rule: %#',
    (value) => {
      const text = renderText(fill(doc, everyTextField(value)));
      checkWidth(text);
      if (placeholdersIn(doc.blocks).size) expect(squash(text.replace(/^\| /gm, ''))).toContain(squash(value));
    },
  );
});

describe('plain text layout', () => {
  const data: FillData = {
    ...sampleFillData(),
    facturen: [
      { nummer: 'A-1', datum: '2026-09-01', vervaldatum: '2026-10-01', bedrag: 10_000, openstaand: 10_000 },
      { nummer: 'A-22', datum: '2026-09-15', vervaldatum: '2026-10-15', bedrag: 2_000_000, openstaand: 5_000 },
      { nummer: 'A-333', datum: '2026-09-30', vervaldatum: '2026-10-30', bedrag: 1, openstaand: 1 },
    ],
  };

  it('writes the invoice table as aligned columns, amounts right-aligned', () => {
    const lines = renderText(fill(FIXTURES[0]!, data)).split('\n');
    const head = lines.findIndex((l) => l.startsWith('Factuur ') && l.includes('Openstaand'));
    const rule = lines[head + 1]!;
    expect(rule).toMatch(/^-+( {2}-+){4}$/);
    // Column spans from the rule line.
    const spans = [...rule.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const cell = (line: string, i: number) => [...line].slice(spans[i]![0], spans[i]![1]).join('');
    const rows = lines.slice(head + 2, head + 5);
    expect(rows.map((r) => cell(r, 0).trim())).toEqual(['A-1', 'A-22', 'A-333']);
    expect(rows.map((r) => cell(r, 1).trim())).toEqual(['1 september 2026', '15 september 2026', '30 september 2026']);
    expect(rows.map((r) => cell(r, 3))).toEqual(['  € 100,00', '€ 20.000,00', '    € 0,01'].map((v) => v.padStart(spans[3]![1] - spans[3]![0])));
    for (const r of rows) expect(cell(r, 4).endsWith(' ')).toBe(false); // right-aligned: ends at the column edge
    expect(rows.map((r) => cell(r, 4).trim())).toEqual(['€ 100,00', '€ 50,00', '€ 0,01']);
    expect(lines[head + 5]).toBe(rule);
    const total = lines[head + 6]!;
    expect(total.startsWith('Totaal ')).toBe(true);
    expect(cols(total)).toBe(spans[4]![1]);
    expect(total.endsWith('€ 150,01')).toBe(true);
    // Header cells line up with the same spans.
    expect(cell(lines[head]!, 4).trim()).toBe('Openstaand');
  });

  it('falls back to one aligned block per invoice when columns would pass 72', () => {
    const text = renderText(fill(FIXTURES[0]!, {}));
    expect(text).toMatch(/^Factuur {7}\[factuur\.nummer\]$/m);
    expect(text).toMatch(/^Vervaldag {5}\[factuur\.vervaldatum\]$/m);
  });

  it('aligns payment details in one value column', () => {
    const lines = renderText(fill(FIXTURES[0]!, sampleFillData())).split('\n');
    const start = lines.findIndex((l) => l.startsWith('Openstaand:'));
    const details = lines.slice(start, start + 8);
    expect(details.map((l) => l.split(':')[0])).toEqual(['Openstaand', 'Nalatigheidsinteresten', 'Forfaitaire schadevergoeding', 'Te betalen', 'Rekeningnummer (IBAN)', 'BIC', 'Begunstigde', 'Gestructureerde mededeling']);
    const column = details.map((l) => l.search(/(?<=: +)\S/));
    expect(new Set(column).size).toBe(1);
    expect(details[4]!.slice(column[0])).toBe('BE71 0961 2345 6769');
  });

  it('writes the button as "label: link", and marks a missing link', () => {
    expect(renderText(fill(FIXTURES[0]!, sampleFillData()))).toContain('Nu online betalen: https://betalen.goudenkorst.be/2026-0153\n');
    expect(renderText(fill(FIXTURES[0]!, {}))).toContain('Nu online betalen: [betaling.link]\n');
  });

  it('puts a long URL on its own line, unbroken', () => {
    const link = `https://betalen.goudenkorst.be/${'x'.repeat(90)}`;
    const text = renderText(fill(FIXTURES[0]!, { ...sampleFillData(), betaling: { link } }));
    expect(text).toContain(`Nu online betalen:\n${link}\n`);
  });

  it('never starts a line with an amount cut from its "€" or a lone "%"', () => {
    // Every split point of a sentence with an amount and a rate: no line ends in "€" or starts with "%".
    const sentence = 'Wij rekenen de wettelijke rente van 10,5 % aan op het openstaande bedrag van € 1.240,50 sinds de vervaldatum.';
    for (let max = 12; max <= 72; max++) {
      const lines = wrap(sentence, '', '', max);
      for (const line of lines) {
        expect(line, `max ${max}: ${lines.join(' | ')}`).not.toMatch(/€$|^%/);
      }
      expect(lines.join(' ')).toBe(sentence);
    }
  });

  it('wraps lists with a hanging indent and marks the deadline', () => {
    const text = renderText(fill(FIXTURES[0]!, sampleFillData()));
    expect(text).toMatch(/^\* eerste punt voor Brasserie Het Pleintje, .*\n {2}\S/m);
    expect(text).toMatch(/^\| Betaal uiterlijk op 7 december 2026, .*\n\| \S/m);
    expect(text).toMatch(/^Wat u nu doet\n-{13}$/m);
  });

  it('isolates a bidi override and does not count it as a column', () => {
    const text = renderText(fill(FIXTURES[0]!, { ...sampleFillData(), klant: { naam: '\u202Eevil.exe', contactpersoon: 'Jan' } }));
    expect(text).toContain('\u2068\u202Eevil.exe\u2069');
  });

  it('renders a letter frame in reading order', () => {
    const text = renderText(fill(FIXTURES[1]!, sampleFillData()));
    const order = ['AANGETEKEND', 'Bakkerij De Gouden Korst bv', 'Brasserie Het Pleintje', 't.a.v. Jan Claes', 'Gent, 23 november 2026', 'Uw klantnummer: K-0427', 'Betreft: Ingebrekestelling factuur 2026-0153', 'Geachte Jan Claes,'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('renders a phone script with its title and headings', () => {
    const text = renderText(fill(FIXTURES[2]!, sampleFillData()));
    expect(text).toBe(
      [
        'Testsjabloon test-belscript',
        '===========================',
        '',
        'Opening',
        '-------',
        '',
        'Goeiedag, spreek ik met Jan Claes?',
        '',
        'Als de klant twijfelt',
        '',
        '* Is factuur 2026-0153 aangekomen?',
        '',
      ].join('\n'),
    );
  });
});

describe('plain text wrap, measured in one pass', () => {
  // The plain reading of the rules, as a reference: measure the whole line again for every word.
  function referenceWrap(text: string, first: string, rest: string, max: number): string[] {
    const words: string[] = [];
    let afterEuro = false;
    for (const word of squashText(text).split(' ').filter(Boolean)) {
      if (afterEuro || (word === '%' && words.length)) words[words.length - 1] += ` ${word}`;
      else words.push(word);
      afterEuro = !afterEuro && /^-?€$/.test(word);
    }
    const lines: string[] = [];
    let line = '';
    let prefix = first;
    for (const word of words) {
      if (line && cols(prefix) + cols(line) + 1 + cols(word) > max) {
        lines.push(prefix + line);
        prefix = rest;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(prefix + line);
    return lines.map((l) => l.trimEnd());
  }
  const unit = fc.constantFrom('a', 'bb', ' ', ' ', '€', '%', '-€', 'ë', '😀', '\u200f', '\u2066', '\ud800', '\udc00', '\n', 'lang-woord-zonder-spatie');

  it('counts columns as code points without bidi controls, and wraps as the reference does (property test)', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120, size: 'large' }), fc.string({ unit, maxLength: 4 }), fc.string({ unit, maxLength: 4 }), fc.integer({ min: 1, max: 40 }), (text, first, rest, max) => {
        expect(width(text)).toBe(cols(text));
        expect(wrap(text, first, rest, max)).toEqual(referenceWrap(text, first, rest, max));
      }),
      { numRuns: 500 },
    );
  });
});
