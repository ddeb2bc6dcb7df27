/**
 * A playbook per customer from reconcile: the segment suggested from payment behaviour (or the
 * user's choice) goes into the hand-over CSV, and bulk mode plans each customer on that playbook.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { resolvePlaybook } from '../../src/bulk/playbooks.ts';
import type { PlannedCustomer } from '../../src/bulk/plan.ts';
import { prepareBulk } from '../../src/bulk/prepare.ts';
import { buildBulk } from '../../src/bulk/run.ts';
import type { InvoiceRecord } from '../../src/bulk/validate.ts';
import type { CustomerBehaviour } from '../../src/reconcile/behaviour.ts';
import { bulkCsv } from '../../src/reconcile/reminders.ts';
import { mergeWorkflowData, playbooksInUse } from '../../src/site/lib/bulk-playbooks.ts';
import { playbooksPerCustomer, suggestionFor } from '../../src/site/lib/reconcile-segments.ts';
import { buildModel } from '../../src/site/lib/segment-calculator.ts';
import { compiledFor, content, fonts, SENDER, templates, workflow } from '../fixtures/bulk/setup.ts';

const TODAY = '2026-11-23';
const workflows = content.workflows;
const standaard = workflow('standaard');
const model = buildModel(content.segments);

const record = (nummer: string, naam: string, klantnummer: string, draaiboek?: string): InvoiceRecord => ({
  row: 0,
  nummer,
  datum: '2026-10-05',
  vervaldatum: '2026-11-04',
  bedrag: 60500,
  openstaand: 60500,
  naam,
  klantnummer,
  emails: [`boekhouding@${klantnummer}.example`],
  telefoon: '+32 3 123 45 67',
  straat: 'Kerkstraat 12',
  postcode: '2800',
  gemeente: 'Mechelen',
  land: 'be',
  klanttype: 'onderneming',
  ...(draaiboek ? { draaiboek } : {}),
});

const csv = bulkCsv([record('F-1', 'Schrijnwerkerij Peeters BV', '0456789012', 'vip'), record('F-2', 'Drukkerij Claes NV', '0567890123', 'Slechte betalers'), record('F-3', 'Tuinaanleg Maes', '0678901234'), record('F-4', 'Garage Wouters', '0789012345', 'heel-goede-klant')]);
const prepare = (extra: object = {}) => prepareBulk(csv, { today: TODAY, workflow: standaard, workflows, jurisdiction: 'be', sent: 'volgens-schema', ...extra });
const byName = (customers: readonly PlannedCustomer[]): Record<string, PlannedCustomer> => Object.fromEntries(customers.map((c) => [c.group.klant.naam ?? '', c]));

describe('resolvePlaybook', () => {
  it('knows a playbook by id, title or segment name, accents and case aside', () => {
    expect(resolvePlaybook('wanbetaler', workflows).workflow?.id).toBe('wanbetaler');
    expect(resolvePlaybook('Slechte betalers', workflows).workflow?.id).toBe('wanbetaler');
    expect(resolvePlaybook('VIP-klanten', workflows).workflow?.id).toBe('vip');
    expect(resolvePlaybook(' STANDAARD ', workflows).workflow?.id).toBe('standaard');
    expect(resolvePlaybook('Herinnering voor de vervaldag', workflows).workflow?.id).toBe('voor-vervaldag');
    expect(resolvePlaybook('goudklant', workflows)).toEqual({ unknown: 'goudklant' });
    expect(resolvePlaybook('', workflows)).toEqual({});
    expect(resolvePlaybook('vip', undefined)).toEqual({});
  });
});

describe('bulk mode plans each customer on the playbook its rows name', () => {
  const customers = byName(prepare().customers);

  it('reads the Draaiboek column of the hand-over CSV and picks that playbook’s step for the days late', () => {
    expect(Object.fromEntries(Object.entries(customers).map(([naam, c]) => [naam, [c.workflow?.id ?? '(pagina)', c.status, c.step?.offset, c.channel]]))).toEqual({
      'Schrijnwerkerij Peeters BV': ['vip', 'klaar', 15, 'telefoon'],
      'Drukkerij Claes NV': ['wanbetaler', 'klaar', 13, 'email'],
      'Tuinaanleg Maes': ['(pagina)', 'klaar', 15, 'email'],
      'Garage Wouters': ['(pagina)', 'klaar', 15, 'email'],
    });
    expect(customers['Schrijnwerkerij Peeters BV']!.reasons[0]).toBe('draaiboek VIP-klanten voor deze klant (uit het bestand)');
    // The next step follows the customer's own playbook too.
    expect(customers['Drukkerij Claes NV']!.next?.step?.offset).toBe(22);
  });

  it('warns about a name no playbook has, and then uses the page’s playbook', () => {
    expect(customers['Garage Wouters']!.issues.map((i) => [i.column, i.message])).toEqual([['Draaiboek', 'geen draaiboek heet "heel-goede-klant"; het gekozen draaiboek Standaardklanten geldt']]);
  });

  it('a step chosen for everybody is a step of the page’s playbook: a customer with its own keeps the automatic one', () => {
    const forAll = byName(prepare({ choice: standaard.stappen.findIndex((s) => s.offset === 5) }).customers);
    expect([forAll['Tuinaanleg Maes']!.step?.offset, forAll['Tuinaanleg Maes']!.chosen]).toEqual([5, 'voor iedereen']);
    expect([forAll['Drukkerij Claes NV']!.step?.offset, forAll['Drukkerij Claes NV']!.chosen]).toEqual([13, 'automatisch']);
  });

  it('without the list of playbooks the column changes nothing', () => {
    const plain = prepareBulk(csv, { today: TODAY, workflow: standaard, jurisdiction: 'be', sent: 'volgens-schema' });
    expect(plain.customers.every((c) => c.workflow === undefined && c.step?.offset === 15)).toBe(true);
  });

  it('the zip has each customer’s step of its own playbook, named in the overview', async () => {
    const prepared = prepare();
    const inUse = playbooksInUse('standaard', prepared.customers);
    expect([inUse[0], ...inUse.slice(1).sort()]).toEqual(['standaard', 'vip', 'wanbetaler']);
    const data = mergeWorkflowData([
      { workflow: 'standaard', templates: templates.slice(0, 3), compiled: { a: {} as never } },
      { workflow: 'vip', templates: templates.slice(2, 5), compiled: { b: {} as never } },
    ]);
    expect(data.templates.map((t) => t.id)).toEqual(templates.slice(0, 5).map((t) => t.id));
    expect(Object.keys(data.compiled)).toEqual(['a', 'b']);

    const result = await buildBulk({ customers: prepared.customers, workflow: standaard, templates, compiled: await compiledFor(standaard, workflow('vip'), workflow('wanbetaler')), fonts, sender: SENDER, today: TODAY, now: new Date('2026-11-23T08:00:00Z') });
    const stap = Object.fromEntries(result.summary.map((r) => [r.klant, [r.stap, r.sjabloon]]));
    expect(stap['Schrijnwerkerij Peeters BV']![0]).toMatch(/^VIP-klanten: 2 van 6 · D\+15 · /);
    expect(stap['Schrijnwerkerij Peeters BV']![1]).toMatch(/^vip-/);
    expect(stap['Drukkerij Claes NV']![0]).toMatch(/^Slechte betalers: 3 van \d+ · D\+13 · /);
    expect(stap['Tuinaanleg Maes']![0]).toMatch(/^3 van 7 · D\+15 · /);
    const zip = await JSZip.loadAsync(result.zip);
    const readme = await zip.file('00_LEESMIJ.txt')!.async('string');
    expect(readme).toContain('Eigen draaiboek: VIP-klanten (1 klant), zoals uw bestand het per klant vraagt');
    expect(readme).toContain('Eigen draaiboek: Slechte betalers (1 klant)');
  });
});

describe('from payment behaviour to the playbook per customer', () => {
  const behaviour = (klantSleutel: string, gemiddeldDagenTeLaat: number | null, aandeelMeerDan15: number | null): CustomerBehaviour => ({ klantSleutel, naam: klantSleutel, facturen: 6, betaald: 5, openstaand: 10000, gemiddeldDagenTeLaat, aandeelMeerDan15, gemiddeldBedragProcent: 100, jarenKlant: 3 });
  const late = behaviour('nr:late', 60, 80);
  const fine = behaviour('nr:fine', 2, 0);
  const fresh = behaviour('nr:fresh', null, null);

  it('suggests the segment from the indicators, and the user’s choice wins over it', () => {
    expect(suggestionFor(late, model)?.segment).toBe('wanbetaler');
    expect(suggestionFor(fresh, model)).toBeNull();
    expect(playbooksPerCustomer([late, fine, fresh], model, new Map())).toEqual({ 'nr:late': 'wanbetaler', 'nr:fine': suggestionFor(fine, model)!.playbook });
    expect(playbooksPerCustomer([late, fresh], model, new Map([['nr:late', 'vip'], ['nr:fresh', 'standaard']]))).toEqual({ 'nr:late': 'vip', 'nr:fresh': 'standaard' });
    // "geen keuze" on the page is an empty value: the suggestion stays.
    expect(playbooksPerCustomer([late], model, new Map([['nr:late', '']]))).toEqual({ 'nr:late': 'wanbetaler' });
  });
});
