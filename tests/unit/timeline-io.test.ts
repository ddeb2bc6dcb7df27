/**
 * Timeline exports: the share link (round trip for any valid plan, any junk decodes to a Dutch
 * error, size), Workflow-shaped JSON (validated with the content schema, round trip) and the
 * plain rows for CSV/ICS.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, Workflow } from '../../src/content/schema.ts';
import { addDays } from '../../src/legal/index.ts';
import { readContent } from '../../src/pack/read-content.ts';
import {
  LIMITS,
  MAX_STATE_LENGTH,
  PlanError,
  applyChange,
  blankPlan,
  createEditor,
  createSettings,
  decodeState,
  describeTemplate,
  encodeState,
  planFromWorkflow,
  planRows,
  planToWorkflowJson,
  validatePlan,
  workflowJsonToPlan,
  type Plan,
  type PlanStep,
} from '../../src/timeline/index.ts';
import { SHARE_DICTIONARY, SHARE_DICTIONARY_SHA256 } from '../../src/timeline/share-dictionary.ts';
import { fromBase64Url, toBase64Url } from '../../src/timeline/share.ts';

// ---------------------------------------------------------------- arbitraries

const FIRST_DAY = 0; // 2000-01-01
const LAST_DAY = 36_524; // 2099-12-31
const arbDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map((n) => addDays('2000-01-01', n));
const arbText = (maxLength: number, minLength = 0) => fc.string({ minLength, maxLength, unit: 'grapheme' });
const arbId = fc.stringMatching(ID_PATTERN).filter((s) => s.length <= 60);
const CHANNELS = ['email', 'telefoon', 'brief', 'aangetekende-brief', 'juridisch'] as const;
const TONES = ['vriendelijk', 'professioneel', 'kordaat', 'formeel'] as const;

const arbSettings = fc.record({
  invoiceDate: arbDate,
  dueDate: arbDate,
  amountCents: fc.integer({ min: 0, max: LIMITS.maxAmountCents }),
  customerType: fc.constantFrom('business' as const, 'consumer' as const),
  jurisdiction: fc.constantFrom('be' as const, 'nl' as const),
  firstSendDate: fc.option(arbDate, { nil: null }),
  workingDaysOnly: fc.boolean(),
  minGapDays: fc.integer({ min: 0, max: LIMITS.maxMinGapDays }),
  enforceMinGap: fc.boolean(),
  noticeTermDays: fc.integer({ min: 1, max: LIMITS.maxNoticeTermDays }),
  interestKind: fc.constantFrom(null, 'legal' as const),
});

/** Steps whose nominal days stay within the Workflow range: absolute days first, anchors after. */
const arbSteps = (strict: boolean) =>
  fc
    .array(
      fc.record({
        day: fc.integer({ min: LIMITS.minOffset, max: LIMITS.maxOffset }),
        relative: fc.boolean(),
        titel: strict ? arbText(60, 3) : arbText(200),
        kanaal: fc.constantFrom(...CHANNELS),
        toon: fc.constantFrom(...TONES),
        template: strict ? arbId : fc.oneof(fc.constant(''), arbId),
        bijReactie: strict ? arbText(120, 10) : arbText(300),
        termDays: fc.option(fc.integer({ min: 0, max: LIMITS.maxTermDays }), { nil: undefined }),
      }),
      { minLength: strict ? 1 : 0, maxLength: 12 },
    )
    .map((raw) => {
      const days = raw.map((r) => r.day).sort((a, b) => a - b);
      return raw.map((r, i): PlanStep => {
        const prev = days[i - 1];
        const relative = r.relative && prev !== undefined;
        const s: PlanStep = { offset: relative ? days[i]! - prev : days[i]!, anchor: relative ? 'vorige' : 'vervaldag', titel: r.titel, kanaal: r.kanaal, toon: r.toon, template: r.template, bijReactie: r.bijReactie };
        return r.termDays === undefined ? s : { ...s, termDays: r.termDays };
      });
    });

const arbPauses = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 60 }), reason: fc.constantFrom('betwisting' as const, 'betaalbelofte' as const, 'andere' as const) }), { maxLength: 4 })
  .chain((raw) =>
    fc.boolean().map((lastOpen) => {
      let day = 9000;
      return raw.map((r, i) => {
        const from = addDays('2000-01-01', (day += r.gap));
        day += r.length;
        const until = lastOpen && i === raw.length - 1 ? null : addDays('2000-01-01', day);
        return { from, until, reason: r.reason };
      });
    }),
  );

const arbMeta = (strict: boolean) =>
  fc.record({
    id: strict ? arbId : fc.oneof(arbId, arbText(100)),
    titel: strict ? arbText(80, 3) : arbText(200),
    segment: fc.constantFrom('vip' as const, 'standaard' as const, 'wanbetaler' as const, 'algemeen' as const),
    samenvatting: strict ? arbText(200, 20) : arbText(400),
    doel: strict ? arbText(120, 10) : arbText(300),
    toon: strict ? arbText(60, 3) : arbText(200),
  });

/** Any valid plan (strict: also a valid Workflow on export). */
const arbPlan = (strict = false): fc.Arbitrary<Plan> =>
  fc
    .record({
      meta: arbMeta(strict),
      settings: arbSettings,
      steps: arbSteps(strict),
      pauses: arbPauses,
      repeat: fc.option(fc.record({ everyDays: fc.integer({ min: 1, max: LIMITS.maxRepeatEveryDays }), maxRepeats: fc.integer({ min: 1, max: LIMITS.maxRepeats }) }), { nil: null }),
    })
    .map((p) => validatePlan(p))
    .filter((p): p is Plan => !(p instanceof PlanError));

// ---------------------------------------------------------------- seed plans

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content does not load');
const { workflows, templates } = loaded.content;
const catalog = templates.map(describeTemplate);
const SETTINGS = createSettings({ invoiceDate: '2026-02-02', dueDate: '2026-03-04', amountCents: 124_050, customerType: 'business', jurisdiction: 'be' });
const seedPlans = workflows.map((w) => planFromWorkflow(w, SETTINGS));

/** A 10-step plan with new text of realistic length (titles, reactions, an own summary). */
function customTenStepPlan(): Plan {
  const texts = [
    ['Vriendelijk seintje vlak voor de vervaldag', 'Meldt de klant een vraag over de levering, beantwoord die nog dezelfde dag.'],
    ['Herinnering op de dag na de vervaldag', 'Betaalt de klant meteen, stuur dan een kort bedankje en sluit het dossier.'],
    ['Telefoontje naar de boekhouding van de klant', 'Noteer met wie u sprak en welke betaaldatum werd beloofd.'],
    ['Tweede herinnering met het rekeninguittreksel', 'Vraagt de klant een kopie van de factuur, stuur die dezelfde dag.'],
    ['Bevestiging van de betaalbelofte', 'Komt de betaling op de beloofde dag niet binnen, ga dan meteen verder.'],
    ['Derde herinnering met interesten', 'Betaalt de klant alleen de hoofdsom, vraag het saldo schriftelijk op.'],
    ['Gesprek met de zaakvoerder', 'Leg een afbetalingsplan alleen schriftelijk vast, met data en bedragen.'],
    ['Laatste herinnering met een harde deadline', 'Verschuif de deadline niet op een mondelinge belofte van de klant.'],
    ['Ingebrekestelling per aangetekende brief', 'Bewaar het bewijs van verzending en de ontvangstbevestiging.'],
    ['Dossier naar de advocaat', 'Bezorg de advocaat alle herinneringen, de factuur en de voorwaarden.'],
  ];
  const offsets = [-2, 1, 6, 10, 14, 18, 22, 27, 32, 46];
  const channels = ['email', 'email', 'telefoon', 'email', 'email', 'email', 'telefoon', 'email', 'aangetekende-brief', 'juridisch'] as const;
  const tones = ['vriendelijk', 'vriendelijk', 'professioneel', 'professioneel', 'professioneel', 'kordaat', 'kordaat', 'kordaat', 'formeel', 'formeel'] as const;
  return {
    meta: {
      id: 'mijn-draaiboek-groothandel',
      titel: 'Opvolging voor de groothandel',
      segment: 'algemeen',
      samenvatting: 'Onze eigen reeks voor klanten in de groothandel: kort op de bal, met twee telefoontjes en een duidelijke laatste deadline.',
      doel: 'Binnen zes weken betaald worden zonder de klant te verliezen.',
      toon: 'Zakelijk, maar altijd beleefd.',
    },
    settings: SETTINGS,
    steps: texts.map(([titel, bijReactie], i) => ({ offset: offsets[i]!, anchor: 'vervaldag', titel: titel!, kanaal: channels[i]!, toon: tones[i]!, template: `groothandel-stap-${i + 1}`, bijReactie: bijReactie! })),
    pauses: [{ from: '2026-03-20', until: '2026-03-27', reason: 'betaalbelofte' }],
    repeat: null,
  };
}

// ---------------------------------------------------------------- share link

describe('share link', () => {
  it('round-trips every seed playbook in a few hundred characters', () => {
    for (const p of seedPlans) {
      const s = encodeState(p);
      expect(s).toMatch(/^1[A-Za-z0-9_-]+$/);
      expect(s.length).toBeLessThan(400);
      expect(decodeState(s)).toEqual(p);
      expect(decodeState(`#${s}`)).toEqual(p);
    }
  });

  it('keeps a 10-step plan under 2 kB, even with all-new text', () => {
    const p = customTenStepPlan();
    expect(validatePlan(p)).toEqual(p);
    const s = encodeState(p);
    expect(s.length).toBeLessThan(2000);
    expect(decodeState(s)).toEqual(p);
    // A seed playbook grown to 10 steps with edits stays far smaller.
    let e = createEditor(seedPlans.find((x) => x.meta.id === 'standaard')!);
    for (let i = 0; i < 3; i++) e = applyChange(e, { type: 'addStep', step: { titel: `Extra opvolging ${i + 1}`, template: 'standaard-d15-tweede-herinnering' } });
    e = applyChange(e, { type: 'setRepeat', repeat: { everyDays: 7, maxRepeats: 2 } });
    expect(e.plan.steps).toHaveLength(10);
    expect(encodeState(e.plan).length).toBeLessThan(600);
  });

  it('round-trips any valid plan (property)', () => {
    fc.assert(
      fc.property(arbPlan(), (p) => {
        expect(decodeState(encodeState(p))).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  it('turns any random string into a Dutch error, never a throw (property)', () => {
    const check = (s: string) => {
      const r = decodeState(s);
      if (r instanceof PlanError) expect(r.message).toMatch(/^Deze deellink/);
      else expect(validatePlan(r)).toEqual(r); // by sheer luck a valid plan: then a valid one
    };
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.stringMatching(/^1[A-Za-z0-9_-]{0,200}$/), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(`1${toBase64Url(b)}`)), { numRuns: 1000 });
  });

  it('survives damaged links: cut, changed characters, wrong JSON inside (property)', () => {
    const good = encodeState(seedPlans[0]!);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: good.length - 1 }), fc.constantFrom(...'AZaz09-_'), fc.boolean(), (at, c, cut) => {
        const bad = cut ? good.slice(0, at) : good.slice(0, at) + c + good.slice(at + 1);
        const r = decodeState(bad);
        if (!(r instanceof PlanError)) expect(validatePlan(r)).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('explains each kind of bad link in Dutch', () => {
    expect(decodeState('').toString()).toMatch(/geen planning/);
    expect((decodeState('2abc') as PlanError).message).toMatch(/nieuwere versie/);
    expect((decodeState('x'.repeat(MAX_STATE_LENGTH + 1)) as PlanError).message).toMatch(/te lang/);
    expect((decodeState('1!!!') as PlanError).message).toMatch(/onvolledig of beschadigd/);
    expect(decodeState(undefined as unknown as string)).toBeInstanceOf(PlanError);
    // Valid compression, wrong content: a plan with a due date that does not exist.
    const p = seedPlans[0]!;
    const s = encodeState({ ...p, settings: { ...p.settings, minGapDays: 999 } });
    expect((decodeState(s) as PlanError).message).toMatch(/^Deze deellink is onvolledig/);
    const overlapping = encodeState({ ...p, pauses: [{ from: '2026-03-10', until: '2026-03-20', reason: 'andere' }, { from: '2026-03-15', until: '2026-03-25', reason: 'andere' }] });
    expect((decodeState(overlapping) as PlanError).message).toMatch(/^Deze deellink bevat een planning die niet klopt\. .*overlappen/);
  });

  it('refuses a "zip bomb" link', () => {
    // 300 kB of spaces compress to a few hundred characters but must not be inflated without limit.
    const bomb = deflateSync(new TextEncoder().encode(' '.repeat(300_000)), { level: 9, dictionary: new TextEncoder().encode(SHARE_DICTIONARY) });
    const link = `1${toBase64Url(bomb)}`;
    expect(link.length).toBeLessThan(MAX_STATE_LENGTH);
    expect((decodeState(link) as PlanError).message).toMatch(/te groot/);
  });

  it('has a correct base64url codec', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const s = toBase64Url(b);
        expect(s).toBe(Buffer.from(b).toString('base64url'));
        expect(fromBase64Url(s)).toEqual(b);
      }),
    );
    expect(fromBase64Url('A')).toBeNull();
    expect(fromBase64Url('AB=C')).toBeNull();
  });

  // Links made by earlier versions, committed as text, are opened in timeline-share-pinned.test.ts.
  it('keeps the frozen dictionary byte for byte', () => {
    expect(createHash('sha256').update(SHARE_DICTIONARY).digest('hex')).toBe(SHARE_DICTIONARY_SHA256);
  });

  it('tells a link too long, empty, from a newer version and damaged apart at their edges', () => {
    // Exactly the longest state we read is not "too long" (it is damaged); one more is.
    expect((decodeState(`1${'A'.repeat(MAX_STATE_LENGTH - 1)}`) as PlanError).message).toMatch(/onvolledig of beschadigd/);
    expect((decodeState(`1${'A'.repeat(MAX_STATE_LENGTH)}`) as PlanError).message).toBe('Deze deellink is te lang om een planning te zijn.');
    expect((decodeState('#') as PlanError).message).toBe('Deze deellink bevat geen planning.');
    expect((decodeState('1') as PlanError).message).toMatch(/^Deze deellink is onvolledig of beschadigd\. Kopieer de volledige link opnieuw/);
    expect((decodeState('9xyz') as PlanError).message).toBe('Deze deellink komt uit een nieuwere versie van de tijdlijn. Vernieuw de pagina en probeer opnieuw.');
    // Only the first character is the version: a digit further on does not make it "newer".
    for (const s of ['0abc', 'x2abc', 'a9', '#x5']) expect((decodeState(s) as PlanError).message, s).toMatch(/onvolledig of beschadigd/);
  });
});

// ---------------------------------------------------------------- JSON

describe('JSON in the Workflow shape', () => {
  it('exports every seed playbook as a valid Workflow plus the timeline, and reads it back', () => {
    for (const p of seedPlans) {
      const json = planToWorkflowJson(p);
      if (json instanceof PlanError) throw json;
      const { tijdlijn, gevallen, ...workflow } = json;
      expect(Workflow.safeParse({ ...workflow, gevallen }).success).toBe(true);
      // The plan is made for one case, and the export says which.
      expect(gevallen).toEqual([`${p.settings.jurisdiction}-${p.settings.customerType === 'consumer' ? 'consument' : 'onderneming'}`]);
      const { gevallen: _all, ...seed } = workflows.find((w) => w.id === p.meta.id)!;
      expect(workflow).toEqual(seed);
      expect(tijdlijn.settings).toEqual(p.settings);
      expect(workflowJsonToPlan(json)).toEqual(p);
      expect(workflowJsonToPlan(JSON.stringify(json))).toEqual(p);
    }
  });

  it('round-trips any plan that is a valid Workflow (property)', () => {
    fc.assert(
      fc.property(arbPlan(true), (p) => {
        const json = planToWorkflowJson(p);
        if (json instanceof PlanError) throw json;
        expect(workflowJsonToPlan(JSON.parse(JSON.stringify(json)))).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });

  it('writes relative steps as days after the due date and reads them back as relative', () => {
    const p = applyChange(createEditor(seedPlans[0]!), { type: 'setAllAnchors', anchor: 'vorige' }).plan;
    const json = planToWorkflowJson(p) as Exclude<ReturnType<typeof planToWorkflowJson>, PlanError>;
    expect(json.stappen.map((s) => s.offset)).toEqual(seedPlans[0]!.steps.map((s) => s.offset));
    expect(json.tijdlijn.steps.every((s) => s.anchor === 'vorige')).toBe(true);
    expect(workflowJsonToPlan(json)).toEqual(p);
  });

  it('says in Dutch what is missing before a plan can be exported', () => {
    expect((planToWorkflowJson(blankPlan(SETTINGS)) as PlanError).message).toMatch(/minstens één stap/);
    const noTemplate = applyChange(createEditor(blankPlan(SETTINGS)), { type: 'addStep' }).plan;
    expect((planToWorkflowJson(noTemplate) as PlanError).message).toMatch(/stap 1, sjabloon/);
  });

  it('imports a plain playbook with the settings given, or asks for them', () => {
    const w = workflows[0]!;
    expect(workflowJsonToPlan(w, SETTINGS)).toEqual(planFromWorkflow(w, SETTINGS));
    expect((workflowJsonToPlan(w) as PlanError).message).toMatch(/factuurgegevens/);
  });

  it('refuses bad files with a Dutch message, never a throw', () => {
    expect((workflowJsonToPlan('{niet json') as PlanError).message).toMatch(/geen geldige JSON/);
    expect((workflowJsonToPlan({ id: 'x' }) as PlanError).message).toMatch(/geen geldig draaiboek/);
    const json = planToWorkflowJson(seedPlans[0]!) as Exclude<ReturnType<typeof planToWorkflowJson>, PlanError>;
    expect((workflowJsonToPlan({ ...json, tijdlijn: { ...json.tijdlijn, steps: json.tijdlijn.steps.slice(1) } }) as PlanError).message).toMatch(/beschadigd/);
    const backwards = { ...json, stappen: json.stappen.map((s, i) => (i === 1 ? { ...s, offset: -40 } : s)), tijdlijn: { ...json.tijdlijn, steps: json.tijdlijn.steps.map((s) => ({ ...s, anchor: 'vorige' as const })) } };
    expect((workflowJsonToPlan(backwards) as PlanError).message).toMatch(/vóór/);
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(() => workflowJsonToPlan(x)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (x) => {
        expect(workflowJsonToPlan(x)).toBeInstanceOf(PlanError);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- rows

describe('planRows', () => {
  it('gives one plain row per step and repeat, with figures and warnings', () => {
    const seedPlan = seedPlans.find((x) => x.meta.id === 'wanbetaler')!;
    // The legal step moved up to D+41, inside the 14-day term of the D+27 notice, so it warns.
    const p = { ...seedPlan, steps: seedPlan.steps.map((s, i) => (i === 5 ? { ...s, offset: 41 } : s)), repeat: { everyDays: 1, maxRepeats: 1 } };
    const rows = planRows(p, catalog);
    expect(rows.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '6.1']);
    expect(rows[0]).toMatchObject({ date: '2026-02-27', offset: -5, dayLabel: 'D-5', channel: 'email', tone: 'professioneel', template: 'wanbetaler-dmin5-vervaldatum-nadert', interestCents: 0, costsCents: 0, termEnd: null, status: 'planned' });
    expect(rows[4]).toMatchObject({ channel: 'aangetekende-brief', costsCents: 4000 });
    expect(rows[4]!.termEnd).toBe('2026-04-16');
    expect(rows[4]!.interestCents).toBeGreaterThan(0);
    expect(rows[4]!.totalCents).toBe(124_050 + rows[4]!.interestCents! + 4000);
    expect(rows[5]!.warnings).toHaveLength(1);
    expect(rows[5]!.warnings[0]).toMatch(/^Stap 6 \("Overdracht/);
    expect(rows[6]!.warnings.join(' ')).toMatch(/^Herhaling 1 van stap 6 \("Overdracht/);
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('leaves held steps without a date', () => {
    const p = { ...seedPlans[0]!, pauses: [{ from: '2026-03-01', until: null, reason: 'betwisting' as const }] };
    const rows = planRows(p, catalog);
    expect(rows.every((r) => r.status === 'on-hold' && r.date === null && r.dayLabel === '' && r.interestCents === null)).toBe(true);
  });
});
