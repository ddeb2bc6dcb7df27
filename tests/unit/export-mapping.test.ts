import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_FIELDS, sampleFillData } from '../../src/content/schema.ts';
import {
  CSV_HEADERS,
  FIELDS_WITHOUT_ROW,
  MAPPINGS,
  NONE,
  TEMPLATE_TARGETS,
  machineRecord,
  mappingFor,
  preformattedRecord,
  targetExpression,
  templateTo,
  toTargetVariables,
  unsupportedPaths,
} from '../../src/export/mapping.ts';
import { parseBody, parseInline } from '../../src/model/parse.ts';
import type { TemplateDoc } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const { templates } = loaded.content;

/** Every Tijdig path a template uses, directives included: read back from its own-syntax rendering. */
function pathsUsed(doc: TemplateDoc): Set<string> {
  const c = templateTo('source', doc);
  const paths = new Set<string>();
  for (const part of [c.subject, c.preheader, c.text, c.html]) for (const m of part.matchAll(/\{\{(?:(?:bedrag|datum) )?([a-zA-Z]+\.[a-zA-Z]+)\}\}/g)) paths.add(m[1]!);
  return paths;
}

// Restated from invoiceninja/invoiceninja app/Utils/HtmlEngine.php (v5-stable): the keys we use.
const INVOICE_NINJA_VARIABLES = new Set([
  '$company.name', '$company.address1', '$company.postal_code', '$company.city', '$company.id_number', '$company.vat_number',
  '$company.phone', '$company.email', '$company.website', '$user.name', '$client.name', '$contact.name', '$client.address1',
  '$client.postal_code', '$client.city', '$contact.email', '$client.number', '$number', '$date', '$due_date', '$amount',
  '$balance_due', '$payment_link', '$paid_to_date', '$payment.date',
]);

describe('the placeholder mapping', () => {
  it('has a decided row for every schema field', () => {
    expect(FIELDS_WITHOUT_ROW).toEqual([]);
    expect(MAPPINGS.map((m) => m.path)).toEqual(PLACEHOLDER_FIELDS.map((f) => f.path));
  });

  it('gives every field a unique ASCII name usable as CSV header, MERGEFIELD and Handlebars variable', () => {
    expect(new Set(CSV_HEADERS).size).toBe(CSV_HEADERS.length);
    for (const name of CSV_HEADERS) expect(name).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(mappingFor('klant.naam').field).toBe('klant_naam');
    expect(mappingFor('afzender.btwNummer').field).toBe('afzender_btw_nummer');
    expect(mappingFor('berekend.totaalTeBetalen').field).toBe('berekend_totaal_te_betalen');
  });

  it('maps Invoice Ninja only to variables its HtmlEngine defines (and never $amount for the open balance)', () => {
    for (const m of MAPPINGS) if (m.invoiceNinja !== NONE) expect(INVOICE_NINJA_VARIABLES, m.path).toContain(m.invoiceNinja);
    expect(mappingFor('factuur.openstaand').invoiceNinja).toBe('$balance_due');
    expect(mappingFor('factuur.bedrag').invoiceNinja).toBe('$amount');
  });

  it('writes Odoo expressions that fit in an attribute and have balanced brackets and quotes', () => {
    for (const m of MAPPINGS) {
      for (const expr of [m.odooPartner, m.odooCreditControl]) {
        if (expr === NONE) continue;
        expect(expr, m.path).not.toMatch(/["<>&]/);
        expect(expr, m.path).toMatch(/^(object\.|\(object\.|format_(date|amount)\(|', '\.join\()/);
        const depth = [...expr].reduce((d, c) => d + (c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0), 0);
        expect(depth, m.path).toBe(0);
        expect((expr.match(/'/g) ?? []).length % 2, m.path).toBe(0);
      }
      if (m.odooLegacy !== NONE) expect(['%(partner_name)s', '%(date)s', '%(amount_due)s', '%(user_signature)s', '%(company_name)s']).toContain(m.odooLegacy);
    }
  });

  it('has a mapping or an explicit "unsupported" for every placeholder of every template, for every target', () => {
    let checked = 0;
    for (const doc of templates) {
      const used = pathsUsed(doc);
      expect(used.size, doc.id).toBeGreaterThan(0);
      for (const target of TEMPLATE_TARGETS) {
        const converted = templateTo(target, doc);
        const unsupported = new Set(converted.unsupported.map((u) => u.path));
        for (const path of used) {
          const expr = targetExpression(target, path);
          // Either the target has a variable, or the export says so and wrote a [Label] marker.
          if (expr === NONE) {
            expect(unsupported, `${doc.id} ${target} ${path}`).toContain(path);
            expect(unsupportedPaths(target)).toContain(path);
          } else expect(typeof expr).toBe('string');
          checked++;
        }
        for (const part of [converted.subject, converted.text, converted.html]) expect(part).not.toMatch(/\u0000/);
      }
    }
    expect(checked).toBeGreaterThan(templates.length * TEMPLATE_TARGETS.length * 5);
  });

  it('keeps the own-syntax rendering parseable by the template parser, with the same placeholders', () => {
    for (const doc of templates) {
      const issues: never[] = [];
      const c = templateTo('source', doc);
      parseInline(c.subject, 'onderwerp', issues);
      parseBody(c.text, issues);
      expect(issues, doc.id).toEqual([]);
    }
  });
});

describe('pre-formatted records', () => {
  const sample = sampleFillData();

  it('holds every header, Dutch amounts and short dates', () => {
    const record = preformattedRecord(sample);
    expect(Object.keys(record)).toEqual([...CSV_HEADERS]);
    expect(record['factuur_openstaand']).toBe('€ 1.240,50');
    expect(record['factuur_vervaldatum']).toBe('31-10-2026');
    expect(record['kosten_interestvoet']).toBe('10,5 %');
    expect(record['berekend_totaal_open']).toBe('€ 1.240,50');
    expect(record['klant_naam']).toBe('Brasserie Het Pleintje');
    expect(preformattedRecord({})['factuur_openstaand']).toBe('');
  });

  it('has a machine flavour with decimal points and ISO dates', () => {
    const record = machineRecord(sample);
    expect(record['factuur_openstaand']).toBe('1240.50');
    expect(record['factuur_vervaldatum']).toBe('2026-10-31');
    expect(record['kosten_interestvoet']).toBe('10.5');
  });
});

describe('templateTo', () => {
  const doc: TemplateDoc = {
    id: 'proef',
    kind: 'email',
    title: 'Proef',
    purpose: 'herinnering',
    tone: 'vriendelijk',
    segment: 'algemeen',
    registered: false,
    subject: [{ type: 'text', value: 'Factuur ' }, { type: 'placeholder', path: 'factuur.nummer' }],
    preheader: [],
    blocks: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', value: 'Letterlijk {{klant.naam}} en $client & <b>, ' },
          { type: 'placeholder', path: 'klant.naam', strong: true },
          { type: 'text', value: ' betaalt ' },
          { type: 'placeholder', path: 'factuur.openstaand', helper: 'bedrag' },
          { type: 'text', value: ' vóór ' },
          { type: 'placeholder', path: 'data.nieuweTermijn', helper: 'datum' },
          { type: 'text', value: ' bij ' },
          { type: 'placeholder', path: 'afzender.naam' },
        ],
      },
    ],
  };

  it('writes Handlebars that compiles strictly and does not treat literal braces as a placeholder', () => {
    const c = templateTo('handlebars', doc);
    expect(c.html).toContain('<strong>{{klant_naam}}</strong>');
    expect(c.html).toContain('&lt;b&gt;');
    const record = preformattedRecord(sampleFillData());
    const html = Handlebars.compile(c.html, { strict: true })(record);
    expect(html).toContain('Letterlijk {{klant.naam}}');
    expect(html).toContain('€ 1.240,50');
    // Subjects and text use the triple-stash: no HTML entities in a plain-text part.
    const text = Handlebars.compile(c.text, { strict: true })({ ...record, klant_naam: 'Café \'t Hoekje & Zn' });
    expect(text).toContain("Café 't Hoekje & Zn");
  });

  it('keeps literal dollars out of Invoice Ninja variables and writes markers for what it lacks', () => {
    const c = templateTo('invoice-ninja', doc);
    expect(c.html).toContain('&#36;client');
    expect(c.html).toContain('$client.name');
    expect(c.html).toContain('[Nieuwe betaaltermijn]');
    expect(c.unsupported.map((u) => u.path)).toEqual(['data.nieuweTermijn']);
  });

  it('writes sender details in when the target lacks them and data is given, never customer data', () => {
    const data = { afzender: { naam: 'Bakkerij <Korst>' }, data: { nieuweTermijn: '2026-12-07' } };
    const c = templateTo('plain', doc, { data });
    expect(c.html).toContain('Bakkerij &lt;Korst&gt;');
    expect(c.text).toContain('[Nieuwe betaaltermijn]');
    expect(c.unsupported.find((u) => u.path === 'afzender.naam')?.prefilled).toBe(true);
  });

  it('writes Odoo QWeb for 15+ and ${…} for 14-, and escapes % for the legacy follow-up texts', () => {
    expect(templateTo('odoo-partner-15', doc).html).toContain(`<t t-out="object.commercial_partner_id.name or ''"/>`);
    expect(templateTo('odoo-partner-15', doc).subject).toContain(`{{ ', '.join(object.unpaid_invoice_ids.mapped('name')) or '' }}`);
    expect(templateTo('odoo-oca-14', doc).html).toContain("${object.partner_id.name or ''}");
    const legacy = templateTo('odoo-legacy', { ...doc, blocks: [{ type: 'paragraph', content: [{ type: 'text', value: '10 % rente voor ' }, { type: 'placeholder', path: 'klant.naam' }] }] });
    expect(legacy.text).toContain('10 %% rente voor %(partner_name)s');
  });
});

describe('toTargetVariables', () => {
  it('rewrites Tijdig placeholders per part and target', () => {
    const source = 'Beste {{klant.contactpersoon}}, u betaalt {{bedrag factuur.openstaand}} vóór {{{datum data.nieuweTermijn}}}.';
    expect(toTargetVariables('handlebars', source, 'html')).toBe('Beste {{klant_contactpersoon}}, u betaalt {{factuur_openstaand}} vóór {{data_nieuwe_termijn}}.');
    expect(toTargetVariables('handlebars', source, 'text')).toBe('Beste {{{klant_contactpersoon}}}, u betaalt {{{factuur_openstaand}}} vóór {{{data_nieuwe_termijn}}}.');
    expect(toTargetVariables('ses', source, 'text')).toBe('Beste {{{klant_contactpersoon}}}, u betaalt {{{factuur_openstaand}}} vóór {{{data_nieuwe_termijn}}}.');
    expect(toTargetVariables('ses', source, 'html')).toBe('Beste {{{klant_contactpersoon_html}}}, u betaalt {{{factuur_openstaand_html}}} vóór {{{data_nieuwe_termijn_html}}}.');
    expect(toTargetVariables('mustachio', source, 'subject')).toBe('Beste {{ klant_contactpersoon }}, u betaalt {{ factuur_openstaand }} vóór {{ data_nieuwe_termijn }}.');
  });

  it('refuses an unknown path instead of sending an empty value', () => {
    expect(() => toTargetVariables('handlebars', '{{klant.naaam}}', 'html')).toThrow(/onbekende placeholder/);
  });
});
