/**
 * HTML email renderer: compiled once in MJML strict mode, filled by string substitution, and read
 * back with parse5 (the WHATWG parser browsers implement), which did not write the output.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_FIELDS, sampleFillData, type FillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import { placeholdersIn } from '../../src/model/parse.ts';
import type { FilledDocument, Run, TemplateDoc } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { compileEmail, renderEmailHtml } from '../../src/render/html/compile.ts';
import { fillEmail, type CompiledEmail } from '../../src/render/html/fill.ts';
import { THEME } from '../../src/render/html/theme.ts';
import { testTemplate } from '../helpers/template.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

// ------------------------------------------------------------------ templates under test

const fixture = (id: string, kind: TemplateDoc['kind'], body: string, extra: Partial<TemplateDoc> = {}, subject = '', preheader = ''): TemplateDoc =>
  testTemplate({ id, kind, body, subject, preheader, extra });

const FULL_BODY = `Beste {{klant.contactpersoon}},

Factuur **{{factuur.nummer}}** van **{{bedrag factuur.openstaand}}** staat nog open. Vragen? Mail {{afzender.email}}.

- eerste punt voor {{klant.naam}}
- tweede punt

## Wat u nu doet

### Details

::factuurtabel
::betaalgegevens met-kosten
::betaalknop Nu online betalen
::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.
::handtekening`;

const FIXTURES: TemplateDoc[] = [
  fixture('test-email', 'email', FULL_BODY, {}, 'Factuur {{factuur.nummer}}: even een seintje', 'Misschien is ze aan uw aandacht ontsnapt, {{klant.naam}}.'),
  fixture('test-email-nl', 'email', FULL_BODY, { jurisdiction: 'nl' }, 'Herinnering factuur {{factuur.nummer}}', 'Uw betaling van {{bedrag berekend.totaalOpen}} is nog niet binnen.'),
  fixture('test-brief', 'brief', `Geachte {{klant.contactpersoon}},\n\n::factuurtabel\n::betaalgegevens\n::termijn Uiterlijk {{datum data.nieuweTermijn}}.\n::handtekening`, { registered: true }, 'Ingebrekestelling factuur {{factuur.nummer}}'),
  fixture('test-data-shaped', 'email', `Beste {{klant.contactpersoon}},\n\n::interestoverzicht Zo berekenen wij de interest voor {{klant.naam}}:\n::afbetalingsplan\n::betaalgegevens termijn\n::handtekening`, {}, 'Afbetalingsplan {{factuur.nummer}}', 'Uw plan, {{klant.naam}}.'),
  fixture('test-belscript', 'belscript', `## Opening\n\nGoeiedag, spreek ik met {{klant.contactpersoon}}?\n\n## Vragen\n\n- Is factuur {{factuur.nummer}} aangekomen?\n\n## Afspraak\n\nBetaling op {{datum data.nieuweTermijn}}.`),
];

const content = readContent(process.cwd());
const REAL = content.ok ? content.content.templates : [];
const TEMPLATES = [...FIXTURES, ...REAL];

const compiledCache = new Map<string, Promise<CompiledEmail>>();
const compiled = (doc: TemplateDoc) => {
  let c = compiledCache.get(doc.id);
  if (!c) compiledCache.set(doc.id, (c = compileEmail(doc)));
  return c;
};

// ------------------------------------------------------------------ reading the HTML back

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) elements(child, out);
  if ('content' in node && node.nodeName === 'template') elements(node.content as Node, out);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === 'style' || node.nodeName === 'script') return '';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** A <style> element's own text (textOf skips styles on purpose). */
const rawText = (el: Element) => el.childNodes.map((n) => (n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : '')).join('');

function comments(node: Node, out: string[] = []): string[] {
  if (node.nodeName === '#comment') out.push((node as DefaultTreeAdapterMap['commentNode']).data);
  if ('childNodes' in node) for (const child of node.childNodes) comments(child, out);
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function read(html: string) {
  const doc = parse(html);
  const all = elements(doc);
  const body = all.find((e) => e.tagName === 'body')!;
  const html_ = all.find((e) => e.tagName === 'html')!;
  const preheader = all.find((e) => e.tagName === 'div' && /display:none/.test(attr(e, 'style') ?? ''));
  const buttons = all.filter((e) => e.tagName === 'a' && /display:inline-block/.test(attr(e, 'style') ?? ''));
  const missing = all.filter((e) => (attr(e, 'class') ?? '').split(' ').includes('tj-missing'));
  // Body text without the hidden preheader, so "present" means visible.
  const visible = squash(body.childNodes.filter((n) => n !== preheader).map(textOf).join(' '));
  return { doc, all, body, html: html_, preheader, buttons, missing, visible, title: squash(textOf(all.find((e) => e.tagName === 'title')!)) };
}

/** Every run that the document shows, as fill() produced it (the model's own answer). */
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
          return [...b.lines.flatMap((l) => [{ text: l.label }, ...l.value])];
        case 'paymentButton':
          return b.label;
      }
    }),
  ];
}

/** Placeholders the visible body shows: the subject is part of it only in a letter ("Betreft"). */
const usedPaths = (doc: TemplateDoc) => placeholdersIn(doc.blocks, ...(doc.kind === 'brief' ? [doc.subject] : []));

/** Every string field of the fill data set to one value; amounts and dates stay valid. */
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

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '{{klant.naam}}',
  '**x**',
  ']]>',
  '<!-- x --> &amp; &lt;',
  'TJSLOT0000H TJROWS TJCELL0',
  '\u202Eevil.exe',
  'ë€<&"'.repeat(2_000),
];

const shape = (html: string) => read(html).all.map((e) => `${e.tagName}[${e.attrs.map((a) => a.name).join(',')}]`);

// ------------------------------------------------------------------ tests

describe('HTML email: compile', () => {
  it('has templates to test (fixtures plus the real content when it loads)', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(FIXTURES.length);
    if (!content.ok) console.warn(`content/ does not load yet (${content.issues.length} issues); testing fixtures only`);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s compiles in strict mode into plain JSON data', async (_id, doc) => {
    const c = await compiled(doc);
    const copy = JSON.parse(JSON.stringify(c)) as CompiledEmail;
    expect(copy).toEqual(c);
    // The copy the browser receives fills exactly like the original.
    expect(fillEmail(copy, sampleFillData())).toEqual(fillEmail(c, sampleFillData()));
    for (const v of c.variants) expect(v.html).not.toMatch(/\u0000/);
  });

  it('refuses template text that would be mistaken for a slot, naming the template', async () => {
    const bad = fixture('slot-lookalike', 'email', 'Tekst met TJSLOT0001H erin.');
    await expect(compileEmail(bad)).rejects.toThrow(/template slot-lookalike: .*reserved marker/);
  });

  it('keeps only the slots the output uses', async () => {
    const c = await compiled(FIXTURES[0]!);
    const paths = new Set(c.variants.flatMap((v) => v.slots.map((s) => s.path)));
    expect(paths.has('afzender.ondernemingsnummer')).toBe(false); // letter frame only
    expect(paths.has('klant.contactpersoon')).toBe(true);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('HTML email %s', (_id, doc) => {
  const sample = sampleFillData();

  it('reads back: lang, preheader, title, button, dark mode, responsive, no external resources', async () => {
    const out = fillEmail(await compiled(doc), sample);
    const filled = fill(doc, sample);
    const r = read(out.html);
    expect(attr(r.html, 'lang')).toBe('nl');
    expect(r.title).toBe(squash(filled.subject.map((x) => x.text).join('')) || doc.title);
    expect(out.subject).toBe(squash(filled.subject.map((x) => x.text).join('')));
    if (doc.preheader.length) {
      expect(squash(textOf(r.preheader!))).toContain(squash(filled.preheader.map((x) => x.text).join('')));
      expect(out.preheader).toBe(squash(filled.preheader.map((x) => x.text).join('')));
    }
    const metas = r.all.filter((e) => e.tagName === 'meta');
    expect(metas.some((m) => attr(m, 'name') === 'color-scheme' && attr(m, 'content') === 'light dark')).toBe(true);
    const css = r.all.filter((e) => e.tagName === 'style').map(rawText).join('\n');
    expect(css).toContain('prefers-color-scheme: dark');
    expect(css).toMatch(/min-width:480px[\s\S]*mj-column-per-100/);

    // The payment link is the only web address the email points to; nothing is loaded from outside.
    const link = sample.betaling!.link!;
    const hasButton = doc.blocks.some((b) => b.type === 'paymentButton');
    expect(r.buttons.map((b) => attr(b, 'href'))).toEqual(hasButton ? [link] : []);
    for (const el of r.all) {
      expect(['script', 'img', 'link', 'iframe', 'object', 'embed', 'form', 'video', 'audio', 'source']).not.toContain(el.tagName);
      for (const a of el.attrs) {
        expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
        if (a.name.startsWith('xmlns')) continue;
        if (a.name === 'href') expect(a.value === link || a.value.startsWith('mailto:') || a.value === '#', a.value).toBe(true);
        else expect(a.value, `${el.tagName} ${a.name}`).not.toMatch(/(?:https?:)?\/\/|url\(/i);
      }
    }
    expect(css).not.toMatch(/url\(|@import|https?:/i);
    expect(comments(r.doc).join('\n')).not.toMatch(/https?:/i);
  });

  it('shows every filled value, and no gap marker, with complete data', async () => {
    const r = read(fillEmail(await compiled(doc), sample).html);
    const filled = fill(doc, sample);
    for (const run of shownRuns(filled)) expect(r.visible).toContain(squash(run.text));
    expect(r.missing).toEqual([]);
    expect(r.visible).not.toMatch(/TJ(SLOT|ROWS|CELL)|\[[a-z]+\.[a-zA-Z]+\]/);
  });

  it('marks every unfilled placeholder with a highlighted [pad] and sends the button nowhere', async () => {
    const out = fillEmail(await compiled(doc), {});
    const r = read(out.html);
    for (const path of placeholdersIn([], doc.subject)) expect(out.subject).toContain(`[${path}]`);
    for (const path of placeholdersIn([], doc.preheader)) expect(out.preheader).toContain(`[${path}]`);
    const markers = new Set(r.missing.map((e) => squash(textOf(e))));
    for (const path of usedPaths(doc)) expect(markers, path).toContain(`[${path}]`);
    for (const m of r.missing) expect(attr(m, 'style')).toContain(`background-color:${THEME.missing}`);
    expect(r.buttons, 'no payment button without a link').toEqual([]);
    if (usedPaths(doc).has('klant.naam')) expect(r.visible).toContain('[klant.naam]');
  });

  it.each(HOSTILE.map((h, i) => [i, h] as const))('keeps hostile value #%i literal text, adding no element or attribute', async (_i, hostile) => {
    const c = await compiled(doc);
    const out = fillEmail(c, everyTextField(hostile));
    const baseline = fillEmail(c, everyTextField('waarde'));
    expect(shape(out.html)).toEqual(shape(baseline.html));
    const r = read(out.html);
    if (doc.blocks.some((b) => 'content' in b || b.type === 'list' || b.type === 'invoiceTable')) expect(r.visible).toContain(squash(hostile));
    expect(out.subject).toBe(squash(out.subject)); // one line, always
    if (doc.subject.some((i) => i.type === 'placeholder' && PLACEHOLDER_FIELDS.find((f) => f.path === i.path)?.kind === 'tekst')) expect(out.subject).toContain(squash(hostile));
    expect(r.buttons, 'a hostile link is no https URL: no button').toEqual([]);
  });
});

describe('HTML email: filling', () => {
  const doc = FIXTURES[0]!;

  it('repeats the invoice row for every open invoice, with the total', async () => {
    const data: FillData = {
      ...sampleFillData(),
      facturen: [
        { nummer: 'A-1', datum: '2026-09-01', vervaldatum: '2026-10-01', bedrag: 10_000, openstaand: 10_000 },
        { nummer: 'A-2', datum: '2026-09-15', vervaldatum: '2026-10-15', bedrag: 20_000, openstaand: 5_000 },
        { nummer: '<b>A-3</b>', bedrag: 1, openstaand: 1 },
      ],
    };
    const r = read(fillEmail(await compiled(doc), data).html);
    const table = r.all.find((e) => (attr(e, 'class') ?? '').includes('tj-invoices'))!;
    expect(attr(table, 'role')).toBe('table');
    const rows = elements(table).filter((e) => e.tagName === 'tr');
    const cells = rows.map((tr) => tr.childNodes.filter((n): n is Element => 'tagName' in n).map((c) => squash(textOf(c))));
    expect(cells[0]).toEqual(['Factuur', 'Factuurdatum', 'Vervaldag', 'Bedrag', 'Openstaand']);
    expect(cells.slice(1, 4)).toEqual([
      ['A-1', '1 september 2026', '1 oktober 2026', '€ 100,00', '€ 100,00'],
      ['A-2', '15 september 2026', '15 oktober 2026', '€ 200,00', '€ 50,00'],
      ['<b>A-3</b>', '[factuur.datum]', '[factuur.vervaldatum]', '€ 0,01', '€ 0,01'],
    ]);
    expect(cells[4]).toEqual(['Totaal openstaand', '€ 150,01']); // the same words as in the PDF, Word and text
    expect(elements(table).filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'col')).toHaveLength(5);
  });

  it('puts an https link in the button, escaped, and refuses any other scheme', async () => {
    const c = await compiled(doc);
    const withLink = (link: string) => read(fillEmail(c, { ...sampleFillData(), betaling: { link } }).html);
    const odd = 'https://pay.example/x?a=1&b="><script>alert(1)</script>';
    expect(withLink(odd).buttons.map((b) => attr(b, 'href'))).toEqual([odd]);
    expect(withLink(odd).visible).toContain(squash(textOf(withLink(odd).buttons[0]!)));
    // Without a usable link there is no button at all: never one to '#' labelled with a field name.
    for (const bad of ['javascript:alert(1)', 'http://pay.example', 'data:text/html,x', ' https://x.example', 'HTTPS://X\u0000']) {
      const r = withLink(bad);
      expect(r.buttons, bad).toEqual([]);
      expect(r.all.filter((e) => attr(e, 'href') === '#'), bad).toEqual([]);
    }
    const blank = read(fillEmail(c, {}).html);
    expect(blank.buttons).toEqual([]);
    expect(blank.all.filter((e) => attr(e, 'href') === '#')).toEqual([]);
    expect(blank.visible).not.toContain('[betaling.link]');
  });

  it('isolates a bidi override so it cannot reorder the text around it', async () => {
    const out = fillEmail(await compiled(doc), { ...sampleFillData(), klant: { naam: '\u202Eevil.exe', contactpersoon: 'Jan' } });
    expect(read(out.html).visible).toContain('\u2068\u202Eevil.exe\u2069');
    expect(out.preheader).toContain('\u2068\u202Eevil.exe\u2069');
  });

  it('links e-mail addresses with mailto and uses Dutch labels for the Netherlands', async () => {
    const r = read(fillEmail(await compiled(FIXTURES[1]!), sampleFillData()).html);
    expect(r.all.some((e) => e.tagName === 'a' && attr(e, 'href') === 'mailto:boekhouding@goudenkorst.be')).toBe(true);
    expect(r.visible).toContain('Betalingskenmerk');
    expect(r.visible).toContain('Incassokosten');
  });

  it('follows the jurisdiction in the data, as fill() does, from one compiled template', async () => {
    const c = await compiled(doc);
    const nl = read(fillEmail(c, { ...sampleFillData(), dossier: { jurisdictie: 'nl' } }).html).visible;
    const be = read(fillEmail(c, { ...sampleFillData(), dossier: { jurisdictie: 'be' } }).html).visible;
    expect(nl).toContain('Betalingskenmerk');
    expect(be).toContain('Gestructureerde mededeling');
    const labels = (f: FilledDocument) => f.blocks.flatMap((b) => (b.type === 'paymentDetails' ? b.lines.map((l) => l.label) : []));
    for (const label of labels(fill(doc, { dossier: { jurisdictie: 'nl' } }))) expect(nl).toContain(label);
    // A template that fixes its jurisdiction ignores the data, again like fill().
    const fixed = await compiled(FIXTURES[1]!);
    expect(fixed.variants).toHaveLength(1);
    expect(read(fillEmail(fixed, { ...sampleFillData(), dossier: { jurisdictie: 'be' } }).html).visible).toContain('Betalingskenmerk');
  });

  it('renders data-shaped blocks (interest breakdown, installments) at fill time, as fill() does', async () => {
    const shaped = FIXTURES.find((f) => f.id === 'test-data-shaped')!;
    const { kosten: _typed, ...rest } = sampleFillData();
    const data: FillData = { ...rest, kosten: { interestvoet: 10.5 }, klant: { ...rest.klant, naam: '<i>Pleintje</i>' } };
    const r = read(fillEmail(await compiled(shaped), data).html);
    const filled = fill(shaped, data);
    expect(filled.blocks.length).toBeGreaterThan(shaped.blocks.length); // the breakdown has an intro and a list
    for (const run of shownRuns(filled)) expect(r.visible).toContain(squash(run.text));
    expect(r.visible).toContain('Zo berekenen wij de interest voor <i>Pleintje</i>:');
    expect(r.visible).toMatch(/Termijn 1: € [\d.,]+ uiterlijk op 1 december 2026/);
    expect(r.all.some((e) => e.tagName === 'i')).toBe(false);
  });

  it('renders a letter with its frame and AANGETEKEND', async () => {
    const r = read(fillEmail(await compiled(FIXTURES[2]!), sampleFillData()).html);
    expect(r.visible).toContain('AANGETEKEND');
    expect(r.visible).toContain('Betreft: Ingebrekestelling factuur 2026-0153');
    expect(r.visible).toContain('t.a.v. Jan Claes');
  });

  it('renderEmailHtml compiles once and fills', async () => {
    const a = await renderEmailHtml(doc, sampleFillData());
    const b = await renderEmailHtml(doc, {});
    expect(a.subject).toBe('Factuur 2026-0153: even een seintje');
    expect(b.subject).toBe('Factuur [factuur.nummer]: even een seintje');
    expect(read(b.html).missing.length).toBeGreaterThan(5);
  });

  it('has WCAG AA contrast for every text colour it uses, light and dark', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
      return (x + 0.05) / (y + 0.05);
    };
    const pairs: [string, string][] = [
      [THEME.text, THEME.card],
      [THEME.muted, THEME.details],
      [THEME.text, THEME.box],
      [THEME.link, THEME.card],
      [THEME.buttonText, THEME.button],
      [THEME.missingText, THEME.missing],
      [THEME.dark.text, THEME.dark.card],
      [THEME.dark.muted, THEME.dark.details],
      [THEME.dark.text, THEME.dark.box],
      [THEME.dark.link, THEME.dark.card],
    ];
    for (const [fg, bg] of pairs) expect(ratio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('browser safety', () => {
  /** Follows relative imports from a module and returns every bare or node: specifier reached. */
  function externalImports(entry: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
    if (seen.has(entry)) return found;
    seen.add(entry);
    const source = readFileSync(entry, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) externalImports(resolve(dirname(entry), spec), seen, found);
      else found.add(spec);
    }
    return found;
  }

  it.each(['src/render/html/fill.ts', 'src/render/text/index.ts', 'src/export/eml.ts'])('%s imports no mjml and nothing Node-only', (file) => {
    const found = [...externalImports(resolve(file))];
    expect(found.filter((s) => s.startsWith('node:') || /^(mjml|fs|path|buffer|crypto|os)\b/.test(s))).toEqual([]);
  });
});
