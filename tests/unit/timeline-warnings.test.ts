/**
 * Timeline warnings: each rule fires on a bad plan and stays quiet on a good one, with Dutch
 * messages in the right country's usage and sources from the legal module. Then the real seed
 * playbooks, read with readContent, under every country and customer type.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Purpose, TemplateKind } from '../../src/content/schema.ts';
import { BE_B2C, NL, SOURCES, addDays } from '../../src/legal/index.ts';
import { LEGAL_CASES, type LegalCase } from '../../src/jurisdiction/ids.ts';
import { candidatesFor } from '../../src/model/variants.ts';
import type { Block, Inline } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { statutoryTerm } from '../../src/timeline/schedule.ts';
import {
  CONTENT_VOCABULARY,
  PlanError,
  RULES,
  WARNING_IDS,
  blankPlan,
  buildTimeline,
  caseCatalog,
  computeSchedule,
  createSettings,
  describeTemplate,
  fourteenDayLetterBasis,
  planFromWorkflow,
  planRows,
  statesFourteenDayTerms,
  validatePlan,
  warningsFor,
  type Plan,
  type PlanStep,
  type SettingsInput,
  type TemplateInfo,
  type Warning,
  type WarningId,
} from '../../src/timeline/index.ts';

// ---------------------------------------------------------------- helpers

const settings = (over: Partial<SettingsInput> = {}) =>
  createSettings({ invoiceDate: '2026-02-02', dueDate: '2026-03-04', amountCents: 100_000, customerType: 'business', jurisdiction: 'be', workingDaysOnly: false, ...over });

const T = (id: string, kind: TemplateKind, purpose: Purpose, claimsCosts = false, fourteenDayLetter = false): TemplateInfo => ({ id, kind, purpose, claimsCosts, fourteenDayLetter });
const TEMPLATES: TemplateInfo[] = [
  T('vooraf', 'email', 'preventief'),
  T('vooraf-kosten', 'email', 'preventief', true),
  T('herinnering', 'email', 'herinnering'),
  T('herinnering-kosten', 'email', 'herinnering', true),
  T('tweede', 'email', 'tweede-herinnering'),
  T('tweede-kosten', 'email', 'tweede-herinnering', true),
  T('laatste-kosten', 'email', 'laatste-herinnering', true),
  T('brief-herinnering', 'brief', 'herinnering'),
  // States the collection costs and the pay-by date 14 days after receipt.
  T('veertiendagenbrief', 'brief', 'herinnering', false, true),
  T('ingebrekestelling', 'brief', 'ingebrekestelling', true),
  T('bellen', 'belscript', 'telefonisch-contact'),
  T('advocaat', 'brief', 'overdracht', true),
];

const step = (offset: number, template: string, over: Partial<PlanStep> = {}): PlanStep => {
  const kind = TEMPLATES.find((t) => t.id === template)?.kind;
  const kanaal = over.kanaal ?? (kind === 'belscript' ? 'telefoon' : kind === 'brief' ? (template === 'ingebrekestelling' ? 'aangetekende-brief' : template === 'advocaat' ? 'juridisch' : 'brief') : 'email');
  return { offset, anchor: 'vervaldag', titel: `Stap ${template}`, kanaal, toon: 'professioneel', template, bijReactie: 'Bij betaling: afsluiten en bedanken.', ...over };
};

const plan = (steps: PlanStep[], over: Partial<SettingsInput> = {}, extra: Partial<Plan> = {}): Plan => {
  const p = validatePlan({ ...blankPlan(settings(over)), steps, ...extra });
  if (p instanceof PlanError) throw p;
  return p;
};

const warnings = (p: Plan) => buildTimeline(p, TEMPLATES).warnings;
const only = (p: Plan, id: WarningId) => warnings(p).filter((w) => w.id === id);

const ALL_URLS = new Set(Object.values(SOURCES).map((s) => s.url));
function wellFormed(w: Warning): void {
  expect(WARNING_IDS).toContain(w.id);
  expect(w.message).toMatch(/^[A-Z].*[.]$/s);
  expect(w.message).not.toMatch(/undefined|null|NaN|\[object|\s{2}/);
  for (const s of w.sources) expect(ALL_URLS.has(s.url)).toBe(true);
  expect(w.source).toBe(w.sources[0] ?? null);
}

// ---------------------------------------------------------------- the rules one by one

describe('binnen-termijn: an escalation while a term is still running', () => {
  it('fires for a legal step inside the term of a registered formal notice (BE: third working day)', () => {
    // Tuesday 31 March 2026 + 3 working days (Easter Monday off) = Friday 3 April … Thursday 16 April.
    const p = plan([step(27, 'ingebrekestelling', { toon: 'formeel' }), step(41, 'advocaat', { toon: 'formeel' })]);
    const [w] = only(p, 'binnen-termijn');
    expect(w).toBeDefined();
    wellFormed(w!);
    expect(w!.stepIndex).toBe(1);
    expect(w!.severity).toBe('warning');
    expect(w!.message).toContain('loopt dan nog tot en met donderdag 16 april 2026');
    expect(w!.message).toContain('derde werkdag na het versturen van de brief, op vrijdag 3 april 2026');
    expect(w!.message).toContain('Plan stap 2 op vrijdag 17 april 2026 of later, of geef in stap 1 een kortere termijn.');
    // Towards a business the count is good practice: no consumer law is cited.
    expect(w!.source).toBeNull();
    const [c] = only(plan([step(27, 'ingebrekestelling', { toon: 'formeel' }), step(41, 'advocaat', { toon: 'formeel' })], { customerType: 'consumer' }), 'binnen-termijn');
    expect(c!.source?.url).toBe(SOURCES.legalNewsXix.url);
  });

  it('is quiet once the term has ended, or with a shorter notice term', () => {
    expect(only(plan([step(27, 'ingebrekestelling'), step(44, 'advocaat')]), 'binnen-termijn')).toEqual([]);
    expect(only(plan([step(27, 'ingebrekestelling'), step(41, 'advocaat')], { noticeTermDays: 8 }), 'binnen-termijn')).toEqual([]);
  });

  it('fires for a formal notice before the term of the previous reminder ends (e-mail: from the next day)', () => {
    const p = plan([step(5, 'herinnering', { termDays: 14 }), step(15, 'ingebrekestelling')]);
    const [w] = only(p, 'binnen-termijn');
    expect(w!.message).toContain('de dag na het versturen van de e-mail, op dinsdag 10 maart 2026');
    expect(w!.message).toContain('Bij een onderneming');
  });

  it('the Netherlands: counts from the day after receipt, in Dutch usage', () => {
    const p = plan([step(27, 'ingebrekestelling'), step(41, 'advocaat')], { jurisdiction: 'nl', customerType: 'consumer' });
    const [w] = only(p, 'binnen-termijn');
    wellFormed(w!);
    expect(w!.message).toContain('de dag nadat de klant de brief heeft ontvangen');
    expect(w!.message).not.toContain('Bij een onderneming');
    expect(w!.sources.map((s) => s.url)).toContain(SOURCES.phr2016938.url);
  });

  it('ignores ordinary reminders and phone calls during a term', () => {
    const p = plan([step(27, 'ingebrekestelling'), step(30, 'bellen'), step(32, 'tweede')]);
    expect(only(p, 'binnen-termijn')).toEqual([]);
  });

  it('a reminder that asks costs inside a term the same creditor gave (business)', () => {
    const p = plan([step(5, 'herinnering', { termDays: 14 }), step(12, 'tweede-kosten')]);
    expect(only(p, 'binnen-termijn').map((w) => w.stepIndex)).toEqual([1]);
  });
});

describe('be-eerste-herinnering-gratis: the first reminder to a Belgian consumer is free', () => {
  it('fires when the first reminder after the due date asks costs', () => {
    const p = plan([step(-3, 'vooraf'), step(5, 'herinnering-kosten')], { customerType: 'consumer' });
    const [w] = only(p, 'be-eerste-herinnering-gratis');
    wellFormed(w!);
    expect(w!.severity).toBe('error');
    expect(w!.stepIndex).toBe(1);
    expect(w!.message).toContain('eerste herinnering aan uw klant, een consument, en die moet gratis zijn');
  });

  it('is quiet for a free first reminder, for businesses and for the Netherlands', () => {
    expect(only(plan([step(5, 'herinnering')], { customerType: 'consumer' }), 'be-eerste-herinnering-gratis')).toEqual([]);
    expect(only(plan([step(5, 'herinnering-kosten')]), 'be-eerste-herinnering-gratis')).toEqual([]);
    expect(only(plan([step(5, 'herinnering-kosten')], { customerType: 'consumer', jurisdiction: 'nl' }), 'be-eerste-herinnering-gratis')).toEqual([]);
  });

  it('looks at the first reminder actually sent (after the first sending date)', () => {
    const p = plan([step(5, 'herinnering'), step(30, 'laatste-kosten')], { customerType: 'consumer', firstSendDate: '2026-03-20' });
    expect(only(p, 'be-eerste-herinnering-gratis').map((w) => w.stepIndex)).toEqual([1]);
    expect(only(p, 'overgeslagen').map((w) => w.stepIndex)).toEqual([0]);
  });
});

describe('be-wachttermijn: Belgian consumer costs only after 14 days', () => {
  it('fires inside the waiting period and names the first day allowed', () => {
    const p = plan([step(5, 'herinnering'), step(13, 'tweede-kosten')], { customerType: 'consumer' });
    const [w] = only(p, 'be-wachttermijn');
    wellFormed(w!);
    expect(w!.message).toContain('loopt nog tot en met maandag 23 maart 2026');
    expect(w!.message).toContain('Plan stap 2 op dinsdag 24 maart 2026 of later');
  });

  it('counts a letter from the third working day: the exact boundary', () => {
    // Letter Monday 9 March → Thursday 12 March … Wednesday 25 March: costs from Thursday 26 March.
    const at = (offset: number) => only(plan([step(5, 'brief-herinnering'), step(offset, 'tweede-kosten')], { customerType: 'consumer' }), 'be-wachttermijn');
    expect(at(21)).toHaveLength(1); // 25 March
    expect(at(22)).toEqual([]); // 26 March
  });

  it('is quiet for businesses', () => {
    expect(only(plan([step(5, 'herinnering'), step(13, 'tweede-kosten')]), 'be-wachttermijn')).toEqual([]);
  });
});

describe('be-termijn-te-kort: the first reminder to a Belgian consumer gives at least 14 days', () => {
  it('fires for a shorter term, and for no term', () => {
    expect(only(plan([step(5, 'herinnering', { termDays: 8 })], { customerType: 'consumer' }), 'be-termijn-te-kort')[0]!.message).toContain('geeft maar 8 dagen');
    expect(only(plan([step(5, 'herinnering', { termDays: 0 })], { customerType: 'consumer' }), 'be-termijn-te-kort')[0]!.message).toContain('geeft geen termijn');
  });
  it('is quiet for 14 days or more, or automatic', () => {
    expect(only(plan([step(5, 'herinnering', { termDays: 15 })], { customerType: 'consumer' }), 'be-termijn-te-kort')).toEqual([]);
    expect(only(plan([step(5, 'herinnering')], { customerType: 'consumer' }), 'be-termijn-te-kort')).toEqual([]);
  });
});

describe('nl-veertiendagenbrief: Dutch consumer collection costs need a completed 14-day letter', () => {
  const nl = { jurisdiction: 'nl' as const, customerType: 'consumer' as const };

  it('fires when no 14-day letter came before', () => {
    const p = plan([step(-3, 'vooraf'), step(10, 'laatste-kosten')], nl);
    const [w] = only(p, 'nl-veertiendagenbrief');
    wellFormed(w!);
    expect(w!.severity).toBe('error');
    expect(w!.message).toContain('geen veertiendagenbrief');
    expect(w!.message).toContain('heeft gestuurd');
    expect(w!.source?.url).toBe(SOURCES.wetboekplus96.url);
  });

  it('fires while the term of the letter runs, counted from the day after receipt', () => {
    // Letter Thursday 5 March → received Tuesday 10 March → term 11–24 March → costs from 25 March.
    const at = (offset: number) => only(plan([step(1, 'veertiendagenbrief'), step(offset, 'laatste-kosten')], nl), 'nl-veertiendagenbrief');
    expect(at(20)[0]!.message).toContain('tot en met dinsdag 24 maart 2026');
    expect(at(20)[0]!.message).toContain('Plan stap 2 op woensdag 25 maart 2026 of later');
    expect(at(20)[0]!.message).not.toContain('gaan we ervan uit');
    expect(at(21)).toEqual([]);
  });

  it('does not count a letter that gives fewer than 14 days', () => {
    const p = plan([step(1, 'veertiendagenbrief', { termDays: 7 }), step(30, 'laatste-kosten')], nl);
    expect(only(p, 'nl-veertiendagenbrief')[0]!.message).toContain('geen veertiendagenbrief');
  });

  it('does not count one of our reminders whose text is no veertiendagenbrief, and says why', () => {
    const p = plan([step(1, 'brief-herinnering'), step(5, 'herinnering'), step(30, 'laatste-kosten')], nl);
    const [w] = only(p, 'nl-veertiendagenbrief');
    wellFormed(w!);
    expect(w!.severity).toBe('error');
    expect(w!.message).toContain('geen veertiendagenbrief aan vooraf');
    expect(w!.message).toContain('Stap 1 en stap 2 tellen niet als veertiendagenbrief: die teksten noemen niet het exacte bedrag aan incassokosten');
    // The same plan with a veertiendagenbrief as step 1 is fine.
    expect(only(plan([step(1, 'veertiendagenbrief'), step(5, 'herinnering'), step(30, 'laatste-kosten')], nl), 'nl-veertiendagenbrief')).toEqual([]);
  });

  it.each([
    ['no template chosen', ''],
    ['a template we do not know', 'mijn-eigen-brief'],
  ])('a step with the user’s own text (%s) is assumed to be one, and the warning says so', (_, template) => {
    const own = (offset: number) => plan([step(1, template, { kanaal: 'brief' }), step(offset, 'laatste-kosten')], nl);
    // Inside its term: the same error as for a real veertiendagenbrief, with the assumption named.
    const [inside] = only(own(20), 'nl-veertiendagenbrief');
    wellFormed(inside!);
    expect(inside!.severity).toBe('error');
    expect(inside!.message).toContain('tot en met dinsdag 24 maart 2026');
    expect(inside!.message).toContain(`Stap 1 ("${`Stap ${template}`.trim()}") gebruikt geen tekst van ons voor een Nederlandse consument`);
    expect(inside!.message).toContain('gaan we ervan uit dat het een veertiendagenbrief is');
    // After its term: no error, but a note that asks the user to check the letter.
    const [after] = only(own(21), 'nl-veertiendagenbrief');
    wellFormed(after!);
    expect(after!.severity).toBe('info');
    expect(after!.message).toContain('gaan we ervan uit dat het een veertiendagenbrief is');
    expect(after!.message).toContain('het exacte bedrag aan incassokosten noemt');
    // A real veertiendagenbrief ended as well: nothing to assume, nothing to say.
    expect(only(plan([step(1, 'veertiendagenbrief'), step(2, template, { kanaal: 'brief' }), step(30, 'laatste-kosten')], nl), 'nl-veertiendagenbrief')).toEqual([]);
  });

  it('is quiet for businesses and in Belgium', () => {
    expect(only(plan([step(10, 'laatste-kosten')], { jurisdiction: 'nl' }), 'nl-veertiendagenbrief')).toEqual([]);
    expect(only(plan([step(10, 'laatste-kosten')], { customerType: 'consumer' }), 'nl-veertiendagenbrief')).toEqual([]);
  });
});

describe('statesFourteenDayTerms: a text is a veertiendagenbrief only when it says so', () => {
  const ph = (path: string): Inline => ({ type: 'placeholder', path });
  const para = (...content: Inline[]): Block => ({ type: 'paragraph', content });
  const costs = para({ type: 'text', value: 'Incassokosten: ' }, ph('berekend.incassokostenTotaal'));
  const payBy = { type: 'deadline', content: [{ type: 'text', value: 'Uiterlijk op ' }, ph('berekend.betaalUiterlijk')] } as const satisfies Block;
  const doc = (blocks: Block[], cases: LegalCase[] = ['nl-consument']) => ({ subject: [], preheader: [], blocks, cases });

  it('needs both the exact collection costs and the pay-by date 14 days after receipt', () => {
    expect(statesFourteenDayTerms(doc([costs, payBy]))).toBe(true);
    expect(statesFourteenDayTerms(doc([para(ph('berekend.incassokosten')), payBy]))).toBe(true);
    // ::betaalgegevens met-kosten prints the costs too.
    expect(statesFourteenDayTerms(doc([{ type: 'paymentDetails', withCosts: true }, payBy]))).toBe(true);
    expect(statesFourteenDayTerms(doc([costs]))).toBe(false);
    expect(statesFourteenDayTerms(doc([payBy, { type: 'paymentDetails', withCosts: false }]))).toBe(false);
    // A date the user types ("uiterlijk op …") is no term counted from receipt.
    expect(statesFourteenDayTerms(doc([costs, para(ph('data.nieuweTermijn'))]))).toBe(false);
  });

  it('only for a text written for a Dutch consumer', () => {
    expect(statesFourteenDayTerms(doc([costs, payBy], ['nl-onderneming', 'be-consument']))).toBe(false);
    expect(describeTemplate({ ...doc([costs, payBy]), id: 'x', kind: 'brief', purpose: 'herinnering' } as never).fourteenDayLetter).toBe(true);
  });
});

describe('kosten-voor-vervaldag', () => {
  it('fires for costs on or before the due date, with the country’s words', () => {
    const be = only(plan([step(-3, 'vooraf-kosten'), step(0, 'vooraf-kosten'), step(1, 'tweede-kosten')]), 'kosten-voor-vervaldag');
    expect(be.map((w) => w.stepIndex)).toEqual([0, 1]);
    expect(be[0]!.message).toContain('interesten en een schadevergoeding');
    const nl = only(plan([step(-3, 'vooraf-kosten')], { jurisdiction: 'nl' }), 'kosten-voor-vervaldag');
    expect(nl[0]!.message).toContain('rente en incassokosten');
    wellFormed(nl[0]!);
  });
});

describe('toon-omlaag', () => {
  it('fires when the tone goes down, quiet when it stays or goes up', () => {
    const p = plan([step(5, 'herinnering', { toon: 'vriendelijk' }), step(10, 'tweede', { toon: 'kordaat' }), step(15, 'bellen', { toon: 'professioneel' }), step(20, 'tweede', { toon: 'professioneel' })]);
    const w = only(p, 'toon-omlaag');
    expect(w.map((x) => x.stepIndex)).toEqual([2]);
    wellFormed(w[0]!);
    expect(w[0]!.message).toContain('is professioneel, terwijl stap 2 al kordaat was');
    expect(w[0]!.source).toBeNull();
  });
});

describe('juridisch-zonder-ingebrekestelling', () => {
  it('fires without a formal notice before the legal step', () => {
    const be = only(plan([step(5, 'herinnering'), step(30, 'advocaat')]), 'juridisch-zonder-ingebrekestelling');
    expect(be).toHaveLength(1);
    expect(be[0]!.message).toContain('gerechtsdeurwaarder');
    expect(be[0]!.message).toContain('hebt');
    const nl = only(plan([step(5, 'herinnering'), step(30, 'advocaat')], { jurisdiction: 'nl' }), 'juridisch-zonder-ingebrekestelling');
    expect(nl[0]!.message).toContain('advocaat of deurwaarder');
    expect(nl[0]!.message).not.toContain('gerechtsdeurwaarder');
    expect(nl[0]!.source?.url).toBe(SOURCES.wetboekplusIngebrekestelling.url);
    wellFormed(nl[0]!);
  });

  it('fires when the notice comes only after the legal step', () => {
    expect(only(plan([step(30, 'advocaat'), step(40, 'ingebrekestelling')]), 'juridisch-zonder-ingebrekestelling')).toHaveLength(1);
  });

  it('accepts a registered letter or a template meant as formal notice', () => {
    expect(only(plan([step(20, 'brief-herinnering', { kanaal: 'aangetekende-brief' }), step(40, 'advocaat')]), 'juridisch-zonder-ingebrekestelling')).toEqual([]);
    expect(only(plan([step(20, 'ingebrekestelling', { kanaal: 'brief' }), step(40, 'advocaat')]), 'juridisch-zonder-ingebrekestelling')).toEqual([]);
  });
});

describe('minimale-tussentijd', () => {
  it('warns about contacts closer than the minimum gap, unless the plan enforces it', () => {
    const steps = [step(5, 'herinnering'), step(5, 'bellen'), step(7, 'tweede')];
    const w = only(plan(steps, { minGapDays: 3 }), 'minimale-tussentijd');
    expect(w.map((x) => x.stepIndex)).toEqual([1, 2]);
    expect(w[0]!.message).toContain('valt op dezelfde dag als stap 1');
    expect(w[1]!.message).toContain('volgt al 2 dagen na stap 2');
    expect(only(plan(steps, { minGapDays: 3, enforceMinGap: true }), 'minimale-tussentijd')).toEqual([]);
    expect(only(plan(steps), 'minimale-tussentijd')).toEqual([]);
  });
});

describe('volgorde, kanaal-sjabloon, sjabloon-ontbreekt, overgeslagen, gepauzeerd, betalingstermijn', () => {
  it('volgorde: a step dated before the step above it', () => {
    const w = only(plan([step(10, 'herinnering'), step(5, 'tweede')]), 'volgorde');
    expect(w.map((x) => x.stepIndex)).toEqual([1]);
    wellFormed(w[0]!);
  });

  it('kanaal-sjabloon: the template kind must fit the channel', () => {
    const w = only(plan([step(10, 'herinnering', { kanaal: 'aangetekende-brief' })]), 'kanaal-sjabloon');
    expect(w[0]!.message).toContain('gaat als aangetekende brief, maar het sjabloon "herinnering" is een e-mail');
    expect(w[0]!.severity).toBe('error');
    expect(only(plan([step(10, 'bellen')]), 'kanaal-sjabloon')).toEqual([]);
  });

  it('sjabloon-ontbreekt: none chosen, or unknown to the catalog', () => {
    const w = only(plan([step(10, ''), step(12, 'bestaat-niet')]), 'sjabloon-ontbreekt');
    expect(w.map((x) => [x.stepIndex, x.severity])).toEqual([
      [0, 'info'],
      [1, 'warning'],
    ]);
    // Without a catalog we cannot know, so we do not complain about unknown ids.
    expect(warningsFor(computeSchedule(plan([step(12, 'bestaat-niet')]))).filter((x) => x.id === 'sjabloon-ontbreekt')).toEqual([]);
  });

  it('gepauzeerd: steps held by an open pause', () => {
    const w = only(plan([step(5, 'herinnering'), step(15, 'tweede')], {}, { pauses: [{ from: '2026-03-12', until: null, reason: 'betwisting' }] }), 'gepauzeerd');
    expect(w.map((x) => x.stepIndex)).toEqual([1]);
    expect(w[0]!.message).toContain('pauze van donderdag 12 maart 2026 (betwisting)');
  });

  it('betalingstermijn: due date before the invoice date; more than 60 days between businesses', () => {
    expect(only(plan([], { invoiceDate: '2026-03-10' }), 'betalingstermijn')[0]).toMatchObject({ severity: 'error', stepIndex: null });
    const long = only(plan([], { invoiceDate: '2025-12-01' }), 'betalingstermijn');
    expect(long[0]!.severity).toBe('warning');
    expect(long[0]!.message).toContain('hoogstens 60 kalenderdagen');
    wellFormed(long[0]!);
    expect(only(plan([], { invoiceDate: '2025-12-01', customerType: 'consumer' }), 'betalingstermijn')).toEqual([]);
    expect(only(plan([], { invoiceDate: '2025-12-01', jurisdiction: 'nl' }), 'betalingstermijn')[0]!.severity).toBe('info');
    expect(only(plan([], { invoiceDate: '2026-01-10' }), 'betalingstermijn')).toEqual([]);
  });
});

describe('every rule, on random plans (property)', () => {
  const templateIds = ['', 'onbekend', ...TEMPLATES.map((t) => t.id)];
  const arbStep = fc.record({
    offset: fc.integer({ min: -10, max: 60 }),
    template: fc.constantFrom(...templateIds),
    kanaal: fc.constantFrom('email' as const, 'telefoon' as const, 'brief' as const, 'aangetekende-brief' as const, 'juridisch' as const),
    toon: fc.constantFrom('vriendelijk' as const, 'professioneel' as const, 'kordaat' as const, 'formeel' as const),
    termDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  });

  it('never throw, and every warning is well formed', () => {
    fc.assert(
      fc.property(
        fc.array(arbStep, { maxLength: 8 }),
        fc.constantFrom('be' as const, 'nl' as const),
        fc.constantFrom('business' as const, 'consumer' as const),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 7 }),
        fc.boolean(),
        (raw, jurisdiction, customerType, d, minGapDays, workingDaysOnly) => {
          const due = addDays('2025-01-01', d);
          const steps = raw.map((r) => step(r.offset, r.template, r.termDays === undefined ? { kanaal: r.kanaal, toon: r.toon } : { kanaal: r.kanaal, toon: r.toon, termDays: r.termDays }));
          const p = plan(steps, { jurisdiction, customerType, dueDate: due, invoiceDate: addDays(due, -30), minGapDays, workingDaysOnly, firstSendDate: d % 3 === 0 ? addDays(due, 5) : null });
          for (const rule of RULES) expect(() => rule.check({ plan: p, vocabulary: CONTENT_VOCABULARY, schedule: computeSchedule(p, TEMPLATES), sent: [] })).not.toThrow();
          const ws = warnings(p);
          ws.forEach(wellFormed);
          const rows = planRows(p, TEMPLATES);
          expect(rows.flatMap((r) => r.warnings).length + ws.filter((w) => w.stepIndex === null).length).toBe(ws.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- the real seed playbooks

describe('the real seed playbooks', () => {
  const loaded = readContent(process.cwd());
  if (!loaded.ok) throw new Error(`content does not load: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
  const { workflows, templates } = loaded.content;
  const catalogs = new Map(LEGAL_CASES.map((c) => [c, caseCatalog(templates, c)]));
  const seed = (id: string) => {
    const w = workflows.find((x) => x.id === id);
    if (!w) throw new Error(`no playbook ${id}`);
    return w;
  };
  const split = (c: LegalCase) => ({ jurisdiction: c.split('-')[0] as 'be' | 'nl', customerType: c.endsWith('-consument') ? ('consumer' as const) : ('business' as const) });
  const found = (id: string, c: LegalCase, dueDate = '2026-03-04', workingDaysOnly = true, over: Partial<SettingsInput> = {}) =>
    buildTimeline(planFromWorkflow(seed(id), settings({ ...split(c), dueDate, invoiceDate: addDays(dueDate, -30), workingDaysOnly, ...over })), catalogs.get(c)!).warnings;
  const summary = (ws: Warning[]) => ws.map((w) => `${w.id}@${w.stepIndex! + 1} ${w.severity}`);
  const PAIRS = workflows.flatMap((w) => w.gevallen.map((c) => [w.id, c] as const));

  it('derives claimsCosts from the payment block of the variant for the case', () => {
    const info = (c: LegalCase, id: string) => catalogs.get(c)!.find((t) => t.id === id)!;
    expect(info('be-onderneming', 'wanbetaler-d3-eerste-herinnering').claimsCosts).toBe(false);
    expect(info('be-onderneming', 'wanbetaler-d13-tweede-herinnering').claimsCosts).toBe(true);
    expect(info('be-onderneming', 'wanbetaler-d27-ingebrekestelling')).toMatchObject({ kind: 'brief', purpose: 'ingebrekestelling', claimsCosts: true });
    // The step keeps its base id; the description is the variant's.
    for (const c of LEGAL_CASES) expect(catalogs.get(c)!.every((t) => !templates.find((d) => d.id === t.id)?.variantOf)).toBe(true);
  });

  it('reads from the text for a Dutch consumer which templates are a veertiendagenbrief: exactly the three written as one', () => {
    const letters = catalogs.get('nl-consument')!.filter((t) => t.fourteenDayLetter).map((t) => t.id);
    expect(letters.sort()).toEqual(['standaard-d5-eerste-herinnering', 'vip-d55-ingebrekestelling', 'wanbetaler-d3-eerste-herinnering']);
    for (const id of letters) expect(candidatesFor(templates, id, 'nl-consument')[0]!.id, id).toMatch(/^nl-.*-veertiendagenbrief$/);
  });

  describe('the Dutch consumer: which step of a playbook is the veertiendagenbrief', () => {
    const nlConsumer = (id: string) => planFromWorkflow(seed(id), settings({ ...split('nl-consument'), dueDate: '2026-03-04', invoiceDate: '2026-02-02', workingDaysOnly: true }));
    const schedule = (p: Plan) => computeSchedule(p, catalogs.get('nl-consument')!);
    const basis = (p: Plan) => schedule(p).steps.map((s) => [s.nominalOffset, fourteenDayLetterBasis(p.settings.dueDate)(s)]);

    it('VIP: the friendly D+10 e-mail is not one; the D+55 veertiendagenbrief is', () => {
      expect(basis(nlConsumer('vip'))).toEqual([
        [10, null],
        [15, null],
        [25, null],
        [30, null],
        [45, null],
        [55, 'template'],
      ]);
    });

    it('standard: the D+5 veertiendagenbrief is', () => {
      const b = basis(nlConsumer('standaard'));
      expect(b.find(([offset]) => offset === 5)).toEqual([5, 'template']);
      expect(b.filter(([, x]) => x !== null)).toEqual([[5, 'template']]);
    });

    it('VIP: collection costs asked after the D+10 e-mail get the error, and the WIK costs wait for the D+55 letter', () => {
      const p = nlConsumer('vip');
      // Step 5 (D+45) swapped for the aanmaning that asks costs.
      const steps = p.steps.map((s, i) => (i === 4 ? { ...s, template: 'standaard-d30-laatste-waarschuwing' } : s));
      const edited = { ...p, steps };
      const ws = buildTimeline(edited, catalogs.get('nl-consument')!).warnings.filter((w) => w.id === 'nl-veertiendagenbrief');
      expect(ws.map((w) => [w.stepIndex, w.severity])).toEqual([[4, 'error']]);
      expect(ws[0]!.message).toContain('geen veertiendagenbrief aan vooraf');
      expect(ws[0]!.message).toContain('Stap 1 en stap 3 tellen niet als veertiendagenbrief');
      // The costs in the schedule follow the same reading: not due on D+45, due from the end of the D+55 letter's term.
      const s = schedule(p).steps;
      const wik = (i: number) => s[i]!.costs!.items.find((c) => c.id === 'nl-wik')!;
      const letterTerm = statutoryTerm(s[5]!, p)!.earliestNextStep;
      expect(wik(4).due).toBe(false);
      expect(wik(5).dueFrom).toBe(letterTerm);
      expect(wik(5).dueFrom! > s[5]!.date!).toBe(true);
    });

    it('the statutory 14 days go to the veertiendagenbrief, not to the friendly first e-mail', () => {
      const origins = (p: Plan) => schedule(p).steps.map((s) => [s.nominalOffset, s.term?.origin ?? null, s.term?.days ?? null]);
      // An 8-day notice term (common in Belgium) does not shorten the veertiendagenbrief.
      const vip = origins({ ...nlConsumer('vip'), settings: { ...nlConsumer('vip').settings, noticeTermDays: 8 } });
      expect(vip[0]!.slice(0, 2)).toEqual([10, 'until-next-step']);
      expect(vip[5]).toEqual([55, 'statutory', 14]);
      expect(origins(nlConsumer('standaard'))[1]).toEqual([5, 'statutory', 14]);
      // A Belgian consumer's first reminder keeps its 14 days (Boek XIX), whatever its text.
      const be = planFromWorkflow(seed('vip'), settings({ ...split('be-consument'), dueDate: '2026-03-04', invoiceDate: '2026-02-02' }));
      expect(computeSchedule(be, catalogs.get('be-consument')!).steps[0]!.term!.origin).toBe('statutory');
      // So a formal notice a week after the friendly e-mail meets no "term still running" warning.
      const p = nlConsumer('vip');
      const early = { ...p, steps: p.steps.map((x, i) => (i === 1 ? { ...p.steps[5]!, offset: 17 } : x)).slice(0, 2) };
      expect(buildTimeline(early, catalogs.get('nl-consument')!).warnings.filter((w) => w.id === 'binnen-termijn')).toEqual([]);
    });

    it('a step with the user’s own text keeps the old reading: any written step after the due date may be one', () => {
      const p = nlConsumer('vip');
      const steps = p.steps.map((s, i) => (i === 0 ? { ...s, template: '' } : s));
      expect(basis({ ...p, steps })[0]).toEqual([10, 'assumed']);
      // As the first reminder it gets the statutory 14 days, as before.
      expect(schedule({ ...p, steps }).steps[0]!.term!.origin).toBe('statutory');
      const calls = p.steps.map((s, i) => (i === 1 ? { ...s, template: '' } : s));
      // A phone call carries no term, own text or not.
      expect(basis({ ...p, steps: calls })[1]).toEqual([15, null]);
    });
  });

  it('every built-in playbook declares at least its Belgian business case', () => {
    for (const w of workflows) expect(w.gevallen, w.id).toContain('be-onderneming');
  });

  it.each(PAIRS)('%s (%s): no warning at all, for every due date over two years, with and without working days', (id, c) => {
    for (let i = 0; i < 730; i += 1) {
      const due = addDays('2026-01-01', i);
      for (const wd of [true, false]) {
        const ws = found(id, c, due, wd);
        if (ws.length) expect(summary(ws), `${id} ${c} due ${due} workingDaysOnly=${wd}`).toEqual([]);
      }
    }
  });

  it('a business escalation inside a running term cites no consumer law', () => {
    const consumerSources = new Set([
      ...BE_B2C.paperStartsOnWorkingDayAfterSending.sources,
      ...BE_B2C.waitDays.sources,
      ...BE_B2C.firstReminderFree.sources,
      ...NL.fourteenDayLetterDays.sources,
    ]);
    for (const jurisdiction of ['be', 'nl'] as const) {
      const p = plan([step(5, 'herinnering'), step(20, 'ingebrekestelling'), step(25, 'advocaat')], { jurisdiction, customerType: 'business' });
      const ws = buildTimeline(p, TEMPLATES).warnings.filter((w) => w.id === 'binnen-termijn');
      expect(ws.length, jurisdiction).toBeGreaterThan(0);
      for (const w of ws) expect(w.sources.filter((x) => consumerSources.has(x)), `${jurisdiction}: ${w.message}`).toEqual([]);
      // The same plan for a consumer does cite how the law counts the term.
      const consumer = buildTimeline(plan([step(5, 'herinnering'), step(20, 'ingebrekestelling'), step(25, 'advocaat')], { jurisdiction, customerType: 'consumer' }), TEMPLATES).warnings.filter((w) => w.id === 'binnen-termijn');
      expect(consumer.some((w) => w.sources.some((x) => consumerSources.has(x))), jurisdiction).toBe(true);
    }
  });

  it('with an 8-day formal notice (common in Belgium) the standard and bad-payer playbooks stay quiet for businesses', () => {
    for (const id of ['standaard', 'wanbetaler']) expect(found(id, 'be-onderneming', '2026-03-04', true, { noticeTermDays: 8 })).toEqual([]);
  });
});
