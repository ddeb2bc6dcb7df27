/**
 * Timeline builder: the plan reducer with undo, and the date maths of the schedule (weekends,
 * holidays, delivery rules, pauses, relative steps, repeats, minimum gap, DST, leap years, month
 * ends). Warnings have their own file; share link and JSON are in timeline-io.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, computeInterest, daysBetween, deliveryDate, isWorkingDay, weekday } from '../../src/legal/index.ts';
import {
  applyChange,
  blankPlan,
  canUndo,
  changePlan,
  computeSchedule,
  createEditor,
  createSettings,
  LIMITS,
  nominalOffsets,
  PlanError,
  planFromWorkflow,
  validatePlan,
  type Change,
  type Editor,
  type Plan,
  type PlanStep,
  type SettingsInput,
} from '../../src/timeline/index.ts';
import type { Workflow } from '../../src/content/schema.ts';

// ---------------------------------------------------------------- helpers

const settings = (over: Partial<SettingsInput> = {}) =>
  createSettings({ invoiceDate: '2026-02-02', dueDate: '2026-03-04', amountCents: 100_000, customerType: 'business', jurisdiction: 'be', workingDaysOnly: false, ...over });

const step = (offset: number, over: Partial<PlanStep> = {}): PlanStep => ({
  offset,
  anchor: 'vervaldag',
  titel: `Stap op dag ${offset}`,
  kanaal: 'email',
  toon: 'professioneel',
  template: '',
  bijReactie: 'Bij betaling: afsluiten en bedanken.',
  ...over,
});

const plan = (steps: PlanStep[], over: Partial<SettingsInput> = {}, extra: Partial<Plan> = {}): Plan => {
  const p = validatePlan({ ...blankPlan(settings(over)), steps, ...extra });
  if (p instanceof PlanError) throw p;
  return p;
};

const dates = (p: Plan) => computeSchedule(p).steps.map((s) => s.date);

const WORKFLOW: Workflow = {
  id: 'test',
  titel: 'Testdraaiboek',
  segment: 'standaard',
  gevallen: ['be-onderneming'],
  samenvatting: 'Een draaiboek om de tijdlijn mee te testen.',
  doel: 'Nagaan dat alles klopt.',
  toon: 'Zakelijk.',
  stappen: [
    { offset: -3, titel: 'Vooraf', kanaal: 'email', toon: 'vriendelijk', template: 'a-vooraf', bijReactie: 'Bij betaling: afsluiten.' },
    { offset: 5, titel: 'Eerste herinnering', kanaal: 'email', toon: 'professioneel', template: 'a-eerste', bijReactie: 'Bij betaling: afsluiten.' },
    { offset: 20, titel: 'Telefoon', kanaal: 'telefoon', toon: 'kordaat', template: 'a-bellen', bijReactie: 'Afspraak schriftelijk bevestigen.' },
    { offset: 30, titel: 'Ingebrekestelling', kanaal: 'aangetekende-brief', toon: 'formeel', template: 'a-ingebrekestelling', bijReactie: 'Bewijs van verzending bewaren.' },
  ],
};

// ---------------------------------------------------------------- plans and the reducer

describe('making plans', () => {
  it('starts from a playbook with every step counted from the due date', () => {
    const p = planFromWorkflow(WORKFLOW, settings());
    expect(validatePlan(p)).toEqual(p);
    expect(p.steps.map((s) => [s.offset, s.anchor])).toEqual([
      [-3, 'vervaldag'],
      [5, 'vervaldag'],
      [20, 'vervaldag'],
      [30, 'vervaldag'],
    ]);
    expect(p.meta.titel).toBe('Testdraaiboek');
  });

  it('starts from scratch with no steps and sensible defaults', () => {
    const p = blankPlan(settings());
    expect(p.steps).toEqual([]);
    expect(p.settings.noticeTermDays).toBe(14);
    expect(createSettings({ invoiceDate: '2026-01-01', dueDate: '2026-01-31', amountCents: 1, customerType: 'consumer', jurisdiction: 'nl' })).toMatchObject({
      workingDaysOnly: true,
      minGapDays: 0,
      enforceMinGap: false,
      firstSendDate: null,
      interestKind: null,
    });
    expect(computeSchedule(p).steps).toEqual([]);
  });

  it('refuses invalid plans with a Dutch message', () => {
    const bad = validatePlan({ ...blankPlan(settings()), settings: { ...settings(), dueDate: '2026-02-30' } });
    expect(bad).toBeInstanceOf(PlanError);
    expect((bad as PlanError).message).toMatch(/vervaldatum/);
    const overlap = validatePlan({
      ...blankPlan(settings()),
      pauses: [
        { from: '2026-03-10', until: '2026-03-20', reason: 'betwisting' },
        { from: '2026-03-15', until: '2026-03-25', reason: 'andere' },
      ],
    });
    expect((overlap as PlanError).message).toMatch(/overlappen/);
    const consumerCommercial = validatePlan({ ...blankPlan(settings({ jurisdiction: 'nl', customerType: 'consumer', interestKind: 'commercial' })) });
    expect((consumerCommercial as PlanError).message).toMatch(/wettelijke rente/);
    const tooLate = validatePlan({ ...blankPlan(settings()), steps: [step(300), step(100, { anchor: 'vorige' })] });
    expect((tooLate as PlanError).message).toMatch(/dag 400/);
    expect(validatePlan(null)).toBeInstanceOf(PlanError);
  });
});

describe('the reducer and undo', () => {
  const start = () => createEditor(planFromWorkflow(WORKFLOW, settings()));
  const run = (e: Editor, ...changes: Change[]) => changes.reduce(applyChange, e);

  it('adds, edits and removes steps, and undoes each change in turn', () => {
    const e0 = start();
    const e1 = run(e0, { type: 'addStep', step: { titel: 'Juridische stap', kanaal: 'juridisch', toon: 'formeel' } });
    expect(e1.plan.steps).toHaveLength(5);
    expect(e1.plan.steps[4]).toMatchObject({ offset: 37, anchor: 'vervaldag', titel: 'Juridische stap', template: '' });
    const e2 = run(e1, { type: 'updateStep', index: 4, patch: { offset: 45, template: 'a-advocaat' } });
    expect(e2.plan.steps[4]).toMatchObject({ offset: 45, template: 'a-advocaat' });
    const e3 = run(e2, { type: 'removeStep', index: 0 });
    expect(e3.plan.steps.map((s) => s.offset)).toEqual([5, 20, 30, 45]);
    expect(canUndo(e3)).toBe(true);
    const back = run(e3, { type: 'undo' }, { type: 'undo' }, { type: 'undo' });
    expect(back.plan).toEqual(e0.plan);
    expect(canUndo(back)).toBe(false);
    expect(run(back, { type: 'undo' }).error).toMatch(/niets om ongedaan te maken/);
  });

  it('inserts a step between two others halfway, in the tone of the step before it', () => {
    const e = run(start(), { type: 'addStep', at: 2 });
    expect(e.plan.steps[2]).toMatchObject({ offset: 12, toon: 'professioneel', kanaal: 'email' });
  });

  it('refuses a bad change without touching the plan or the undo stack', () => {
    const e = start();
    const refused = run(e, { type: 'removeStep', index: 9 });
    expect(refused.plan).toBe(e.plan);
    expect(refused.past).toEqual([]);
    expect(refused.error).toBe('Die stap bestaat niet.');
    const badDate = run(e, { type: 'setSettings', patch: { dueDate: 'morgen' } });
    expect(badDate.plan).toBe(e.plan);
    expect(badDate.error).toMatch(/vervaldatum/);
    // The next good change clears the error.
    expect(run(badDate, { type: 'setSettings', patch: { amountCents: 5 } }).error).toBeNull();
  });

  it('adds no undo entry for a change that changes nothing', () => {
    const e = run(start(), { type: 'updateStep', index: 1, patch: { offset: 5 } });
    expect(e.past).toHaveLength(0);
  });

  it('keeps at most LIMITS.maxUndo undo steps', () => {
    let e = start();
    for (let i = 0; i < LIMITS.maxUndo + 20; i++) e = applyChange(e, { type: 'setSettings', patch: { amountCents: i + 1 } });
    expect(e.past).toHaveLength(LIMITS.maxUndo);
  });

  it('moves the content of a step while the day slots stay in place', () => {
    const e = run(start(), { type: 'moveStep', from: 2, to: 1 });
    expect(e.plan.steps.map((s) => [s.offset, s.titel])).toEqual([
      [-3, 'Vooraf'],
      [5, 'Telefoon'],
      [20, 'Eerste herinnering'],
      [30, 'Ingebrekestelling'],
    ]);
  });

  it('switches anchors without moving any step, and back', () => {
    const e = run(start(), { type: 'setAllAnchors', anchor: 'vorige' });
    expect(e.plan.steps.map((s) => [s.offset, s.anchor])).toEqual([
      [-3, 'vorige'],
      [8, 'vorige'],
      [15, 'vorige'],
      [10, 'vorige'],
    ]);
    expect(nominalOffsets(e.plan.steps)).toEqual([-3, 5, 20, 30]);
    // A relative step follows the step before it.
    const moved = run(e, { type: 'updateStep', index: 1, patch: { offset: 10 } });
    expect(nominalOffsets(moved.plan.steps)).toEqual([-3, 7, 22, 32]);
    const one = run(moved, { type: 'setAnchor', index: 2, anchor: 'vervaldag' });
    expect(one.plan.steps[2]).toMatchObject({ offset: 22, anchor: 'vervaldag' });
    expect(nominalOffsets(run(one, { type: 'setAllAnchors', anchor: 'vervaldag' }).plan.steps)).toEqual([-3, 7, 22, 32]);
  });

  it('keeps the days of later relative steps when a step is removed', () => {
    const e = run(start(), { type: 'setAllAnchors', anchor: 'vorige' }, { type: 'removeStep', index: 1 });
    expect(nominalOffsets(e.plan.steps)).toEqual([-3, 20, 30]);
  });

  it('refuses relative anchors on steps out of order, and sorts them on request', () => {
    const e = run(start(), { type: 'updateStep', index: 1, patch: { offset: 25 } });
    const refused = run(e, { type: 'setAllAnchors', anchor: 'vorige' });
    expect(refused.error).toMatch(/volgorde van datum/);
    const sorted = run(e, { type: 'sortByDate' });
    expect(sorted.plan.steps.map((s) => [s.offset, s.titel])).toEqual([
      [-3, 'Vooraf'],
      [20, 'Telefoon'],
      [25, 'Eerste herinnering'],
      [30, 'Ingebrekestelling'],
    ]);
  });

  it('sets the term of a step and switches it back to automatic', () => {
    const e = run(start(), { type: 'updateStep', index: 1, patch: { termDays: 8 } });
    expect(e.plan.steps[1]!.termDays).toBe(8);
    const auto = run(e, { type: 'updateStep', index: 1, patch: { termDays: undefined } });
    expect('termDays' in auto.plan.steps[1]!).toBe(false);
    expect(auto.plan).toEqual(start().plan);
  });

  it('pauses, resumes and removes pauses', () => {
    const e = run(start(), { type: 'pause', from: '2026-03-20', reason: 'betwisting' });
    expect(e.plan.pauses).toEqual([{ from: '2026-03-20', until: null, reason: 'betwisting' }]);
    expect(run(e, { type: 'pause', from: '2026-04-01', reason: 'andere' }).error).toMatch(/loopt al een pauze/);
    expect(run(e, { type: 'resume', on: '2026-03-19' }).error).toMatch(/na het begin/);
    const resumed = run(e, { type: 'resume', on: '2026-03-30' });
    expect(resumed.plan.pauses[0]!.until).toBe('2026-03-30');
    expect(run(resumed, { type: 'resume', on: '2026-04-30' }).error).toMatch(/geen pauze/);
    expect(run(resumed, { type: 'removePause', index: 0 }).plan.pauses).toEqual([]);
  });

  it('sets and clears the repeat, and replaces the whole plan', () => {
    const e = run(start(), { type: 'setRepeat', repeat: { everyDays: 7, maxRepeats: 3 } });
    expect(e.plan.repeat).toEqual({ everyDays: 7, maxRepeats: 3 });
    expect(run(e, { type: 'setRepeat', repeat: null }).plan.repeat).toBeNull();
    expect(run(e, { type: 'setRepeat', repeat: { everyDays: 0, maxRepeats: 3 } }).error).toEqual(expect.stringMatching(/\S/));
    const blank = blankPlan(settings());
    const replaced = run(e, { type: 'replace', plan: blank });
    expect(replaced.plan).toEqual(blank);
    expect(run(replaced, { type: 'undo' }).plan).toEqual(e.plan);
  });

  it('never throws and always keeps a valid plan, whatever the changes (property)', () => {
    const change: fc.Arbitrary<Change> = fc.oneof(
      fc.record({ type: fc.constant('addStep' as const), at: fc.option(fc.integer({ min: -1, max: 8 }), { nil: undefined }) }),
      fc.record({ type: fc.constant('removeStep' as const), index: fc.integer({ min: -1, max: 8 }) }),
      fc.record({ type: fc.constant('moveStep' as const), from: fc.integer({ min: 0, max: 7 }), to: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ type: fc.constant('updateStep' as const), index: fc.integer({ min: 0, max: 7 }), patch: fc.record({ offset: fc.integer({ min: -100, max: 400 }) }) }),
      fc.record({ type: fc.constant('setAnchor' as const), index: fc.integer({ min: 0, max: 7 }), anchor: fc.constantFrom('vervaldag' as const, 'vorige' as const) }),
      fc.record({ type: fc.constant('setAllAnchors' as const), anchor: fc.constantFrom('vervaldag' as const, 'vorige' as const) }),
      fc.constant({ type: 'sortByDate' as const }),
      fc.constant({ type: 'undo' as const }),
      fc.record({ type: fc.constant('pause' as const), from: fc.constantFrom('2026-03-10', '2026-03-20'), until: fc.constantFrom(null, '2026-03-25'), reason: fc.constant('betaalbelofte' as const) }),
      fc.record({ type: fc.constant('resume' as const), on: fc.constantFrom('2026-03-15', '2026-04-01') }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const end = changes.reduce(applyChange, start());
        expect(validatePlan(end.plan)).toEqual(end.plan);
        expect(() => computeSchedule(end.plan)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('changePlan is the same reducer without the undo stack', () => {
    const p = planFromWorkflow(WORKFLOW, settings());
    const next = changePlan(p, { type: 'removeStep', index: 0 });
    expect(next).not.toBeInstanceOf(PlanError);
    expect((next as Plan).steps).toHaveLength(3);
    expect(changePlan(p, { type: 'moveStep', from: 0, to: 10 })).toBeInstanceOf(PlanError);
  });
});

// ---------------------------------------------------------------- date maths

describe('calendar dates', () => {
  it('adds the offset to the due date, before and after it', () => {
    expect(dates(plan([step(-5), step(0), step(13), step(27)]))).toEqual(['2026-02-27', '2026-03-04', '2026-03-17', '2026-03-31']);
  });

  it('crosses month ends, year ends and leap days exactly', () => {
    expect(dates(plan([step(1), step(28), step(29)], { invoiceDate: '2026-01-01', dueDate: '2026-01-31' }))).toEqual(['2026-02-01', '2026-02-28', '2026-03-01']);
    expect(dates(plan([step(1), step(2)], { invoiceDate: '2028-01-01', dueDate: '2028-02-28' }))).toEqual(['2028-02-29', '2028-03-01']);
    expect(dates(plan([step(1)], { invoiceDate: '2027-01-01', dueDate: '2027-02-28' }))).toEqual(['2027-03-01']);
    expect(dates(plan([step(1)], { invoiceDate: '2000-01-01', dueDate: '2000-02-28' }))).toEqual(['2000-02-29']); // 2000: divisible by 400
    expect(dates(plan([step(365)], { invoiceDate: '2028-01-01', dueDate: '2028-02-29' }))).toEqual(['2029-02-28']);
    expect(dates(plan([step(-60), step(15)], { invoiceDate: '2026-10-01', dueDate: '2026-12-20' }))).toEqual(['2026-10-21', '2027-01-04']);
    expect(dates(plan([step(1), step(30)], { invoiceDate: '2026-04-01', dueDate: '2026-04-30' }))).toEqual(['2026-05-01', '2026-05-30']);
  });

  it('moves a step off the weekend only when asked', () => {
    // Due Wednesday 4 March 2026: D+3 is Saturday, D+4 Sunday.
    expect(dates(plan([step(3), step(4)]))).toEqual(['2026-03-07', '2026-03-08']);
    const s = computeSchedule(plan([step(3), step(4)], { workingDaysOnly: true })).steps;
    expect(s.map((x) => x.date)).toEqual(['2026-03-09', '2026-03-09']);
    expect(s[0]!.movedOffDay).toEqual({ from: '2026-03-07', reason: 'een zaterdag' });
    expect(s[1]!.movedOffDay).toEqual({ from: '2026-03-08', reason: 'een zondag' });
    expect(s[0]!.offset).toBe(5);
    expect(s[0]!.plannedDate).toBe('2026-03-07');
  });

  it("moves a step off each country's own public holidays", () => {
    const on = (date: string, jurisdiction: 'be' | 'nl') =>
      computeSchedule(plan([step(1)], { invoiceDate: addDays(date, -31), dueDate: addDays(date, -1), workingDaysOnly: true, jurisdiction })).steps[0]!;
    // Easter Monday is a holiday in both countries.
    expect(on('2026-04-06', 'be').date).toBe('2026-04-07');
    expect(on('2026-04-06', 'be').movedOffDay?.reason).toMatch(/feestdag/);
    expect(on('2026-04-06', 'nl').date).toBe('2026-04-07');
    // Good Friday: a holiday under the Dutch Atw, an ordinary working day in Belgium; then the Easter weekend.
    expect(on('2026-04-03', 'nl').date).toBe('2026-04-07');
    expect(on('2026-04-03', 'be').date).toBe('2026-04-03');
    // Koningsdag (Monday 27 April 2026) and Bevrijdingsdag (Tuesday 5 May): Dutch only.
    expect(on('2026-04-27', 'nl').date).toBe('2026-04-28');
    expect(on('2026-04-27', 'be').date).toBe('2026-04-27');
    expect(on('2026-05-05', 'nl').date).toBe('2026-05-06');
    expect(on('2026-05-05', 'be').date).toBe('2026-05-05');
    // The Belgian national holiday (Tuesday 21 July) and Armistice Day (Wednesday 11 November): Belgian only.
    expect(on('2026-07-21', 'be').date).toBe('2026-07-22');
    expect(on('2026-07-21', 'nl').date).toBe('2026-07-21');
    expect(on('2026-11-11', 'be').date).toBe('2026-11-12');
    // Christmas on a Friday: past the weekend to Monday 28 December.
    expect(on('2026-12-25', 'be').date).toBe('2026-12-28');
    expect(on('2026-12-25', 'nl').date).toBe('2026-12-28');
    // 2 January 2026 is made equal to a holiday under the Atw (docs/legal-facts.md §4.2).
    expect(on('2026-01-01', 'nl').date).toBe('2026-01-05');
    expect(on('2026-01-01', 'be').date).toBe('2026-01-02');
  });

  it('lands every step on a working day when asked (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.array(fc.integer({ min: -60, max: 365 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('be' as const, 'nl' as const), (d, offsets, jurisdiction) => {
        const due = addDays('2024-01-01', d);
        const s = computeSchedule(plan(offsets.map((o) => step(o)), { invoiceDate: addDays(due, -30), dueDate: due, workingDaysOnly: true, jurisdiction })).steps;
        for (const [i, x] of s.entries()) {
          expect(isWorkingDay(x.date!, jurisdiction)).toBe(true);
          const planned = addDays(due, offsets[i]!);
          expect(x.date! >= planned).toBe(true);
          // Never further than the longest run of days off (Christmas + weekend, Easter) allows.
          expect(daysBetween(planned, x.date!)).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates do not depend on the time zone or daylight saving time', () => {
  const original = process.env['TZ'];
  afterAll(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });
  const ZONES = ['UTC', 'Europe/Brussels', 'Europe/Amsterdam', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu'];

  // Due dates right before the EU switches (29 March and 25 October 2026) and the US ones (8 March, 1 November).
  const plans = ['2026-03-27', '2026-10-23', '2026-03-06', '2026-10-30'].map((due) =>
    plan(
      [step(-5), step(1), step(2), step(3, { kanaal: 'aangetekende-brief', termDays: 14 }), step(10, { anchor: 'vorige' }), step(30)],
      { invoiceDate: addDays(due, -30), dueDate: due, workingDaysOnly: true },
      { pauses: [{ from: addDays(due, 2), until: addDays(due, 4), reason: 'betaalbelofte' }], repeat: { everyDays: 7, maxRepeats: 2 } },
    ),
  );

  it('gives the same schedule in every time zone', () => {
    const results = ZONES.map((tz) => {
      process.env['TZ'] = tz;
      return JSON.stringify(plans.map((p) => computeSchedule(p).steps));
    });
    for (const r of results) expect(r).toBe(results[0]);
  });

  it('really switched zones (the machine clock would have moved an hour)', () => {
    process.env['TZ'] = 'Europe/Brussels';
    const before = new Date(2026, 2, 28, 12).getTimezoneOffset();
    const after = new Date(2026, 2, 30, 12).getTimezoneOffset();
    expect(before - after).toBe(60);
    process.env['TZ'] = 'Pacific/Kiritimati';
    expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(-840);
  });

  it('counts whole calendar days across a DST switch', () => {
    for (const tz of ZONES) {
      process.env['TZ'] = tz;
      expect(dates(plan([step(1), step(2), step(3)], { invoiceDate: '2026-03-01', dueDate: '2026-03-28' }))).toEqual(['2026-03-29', '2026-03-30', '2026-03-31']);
      expect(dates(plan([step(1), step(2)], { invoiceDate: '2026-10-01', dueDate: '2026-10-24' }))).toEqual(['2026-10-25', '2026-10-26']);
    }
  });
});

describe('delivery and terms', () => {
  const termOf = (kanaal: PlanStep['kanaal'], sentOn: string, jurisdiction: 'be' | 'nl') => {
    const p = plan([step(daysBetween('2026-03-04', sentOn), { kanaal, termDays: 14 })], { jurisdiction });
    return computeSchedule(p).steps[0]!.term!;
  };

  it('Belgium: an e-mail term starts the next calendar day, even on a Saturday', () => {
    const t = termOf('email', '2026-03-06', 'be'); // Friday
    expect(t).toMatchObject({ origin: 'custom', days: 14, start: '2026-03-07', end: '2026-03-20', earliestNextStep: '2026-03-21' });
  });

  it('Belgium: a letter term starts on the third working day after sending, skipping holidays', () => {
    expect(termOf('brief', '2026-03-06', 'be').start).toBe('2026-03-11'); // Fri → Mon, Tue, Wed
    // Thursday 2 April 2026: Friday counts in Belgium, Easter Monday does not.
    expect(termOf('aangetekende-brief', '2026-04-02', 'be').start).toBe('2026-04-08');
  });

  it('the Netherlands: the term starts the day after (assumed) receipt', () => {
    expect(termOf('email', '2026-03-06', 'nl').start).toBe('2026-03-07');
    // Thursday 2 April 2026: Good Friday and Easter Monday are not working days → received Thursday 9 April.
    expect(termOf('brief', '2026-04-02', 'nl').start).toBe('2026-04-10');
  });

  it('agrees with the legal module for every channel and day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), fc.constantFrom('email' as const, 'brief' as const, 'aangetekende-brief' as const), fc.constantFrom('be' as const, 'nl' as const), (offset, kanaal, j) => {
        const p = plan([step(offset, { kanaal, termDays: 14 })], { jurisdiction: j });
        const s = computeSchedule(p).steps[0]!;
        const legal = kanaal === 'email' ? 'email' : kanaal === 'brief' ? 'letter' : 'registered-letter';
        expect(s.term!.start).toBe(deliveryDate(s.date!, legal, j));
        expect(daysBetween(s.term!.start, s.term!.end)).toBeGreaterThanOrEqual(13);
        expect(isWorkingDay(s.term!.end, j)).toBe(true);
        expect(s.term!.earliestNextStep).toBe(addDays(s.term!.end, 1));
      }),
      { numRuns: 200 },
    );
  });

  it('gives automatic terms: statutory, formal notice, and until the next step', () => {
    const steps = [step(-3), step(5), step(20, { kanaal: 'telefoon' }), step(25), step(30, { kanaal: 'aangetekende-brief', toon: 'formeel' }), step(50, { kanaal: 'juridisch' })];
    const consumer = computeSchedule(plan(steps, { customerType: 'consumer' })).steps;
    // A call and the hand-over letter start no legal term, but still name a "pay by" date.
    expect(consumer.map((s) => s.term?.origin ?? null)).toEqual([null, 'statutory', 'until-next-step', 'until-next-step', 'notice', 'last-step']);
    expect(consumer[1]!.isFirstReminder).toBe(true);
    const business = computeSchedule(plan(steps)).steps;
    expect(business.map((s) => s.term?.origin ?? null)).toEqual([null, 'until-next-step', 'until-next-step', 'until-next-step', 'notice', 'last-step']);
    // The last step gets the default 14 days from delivery (a letter: the third working day after sending).
    expect(business[5]!.term).toMatchObject({ days: 14 });
    expect(business[5]!.term!.end > business[5]!.date!).toBe(true);
    // Until the next step: the day before it, counted from delivery (e-mail: the next day).
    expect(business[1]!.term).toMatchObject({ start: '2026-03-10', end: '2026-03-23', days: 14, earliestNextStep: '2026-03-24' });
    // The notice gives settings.noticeTermDays.
    const eight = computeSchedule(plan(steps, { noticeTermDays: 8 })).steps[4]!.term!;
    expect(eight.days).toBe(8);
    // termDays 0: no term at all.
    expect(computeSchedule(plan([step(5, { termDays: 0 })])).steps[0]!.term).toBeNull();
  });

  it('shows the term still running on a later step', () => {
    const s = computeSchedule(plan([step(27, { kanaal: 'aangetekende-brief' }), step(41, { kanaal: 'juridisch' })])).steps;
    expect(s[1]!.runningTerm).toMatchObject({ stepIndex: 0, occurrence: 0 });
    expect(s[1]!.runningTerm!.term.end > s[1]!.date!).toBe(true);
    expect(computeSchedule(plan([step(27, { kanaal: 'aangetekende-brief' }), step(50, { kanaal: 'juridisch' })])).steps[1]!.runningTerm).toBeNull();
  });
});

describe('pauses, relative steps, repeats, minimum gap and the first sending date', () => {
  it('a closed pause moves every later step by its length; earlier steps stay', () => {
    const pauses = [{ from: '2026-03-10', until: '2026-03-20', reason: 'betwisting' as const }];
    const s = computeSchedule(plan([step(3), step(6), step(10), step(20)], {}, { pauses })).steps;
    // D+3 = 7 March (before), D+6 = 10 March (the first paused day → the resume day), then +10 days.
    expect(s.map((x) => x.date)).toEqual(['2026-03-07', '2026-03-20', '2026-03-24', '2026-04-03']);
    expect(s.map((x) => x.pausedDays)).toEqual([0, 10, 10, 10]);
  });

  it('an open pause holds the later steps; resuming gives them dates', () => {
    const p = plan([step(3), step(10), step(20, { anchor: 'vorige' })], {}, { pauses: [{ from: '2026-03-10', until: null, reason: 'betaalbelofte' }] });
    const held = computeSchedule(p).steps;
    expect(held.map((x) => x.status)).toEqual(['planned', 'on-hold', 'on-hold']);
    expect(held[1]!.date).toBeNull();
    expect(held[1]!.interest).toBeNull();
    const resumed = applyChange(createEditor(p), { type: 'resume', on: '2026-03-17' });
    expect(computeSchedule(resumed.plan).steps.map((x) => x.date)).toEqual(['2026-03-07', '2026-03-21', '2026-04-10']);
  });

  it('a relative step counts from the real date of the step before it', () => {
    const s = computeSchedule(plan([step(3), step(7, { anchor: 'vorige' })], { workingDaysOnly: true })).steps;
    // D+3 = Saturday 7 March → Monday 9 March; seven days later: Monday 16 March.
    expect(s.map((x) => x.date)).toEqual(['2026-03-09', '2026-03-16']);
    expect(s[1]!.nominalOffset).toBe(10);
    // A pause before the previous step does not move it twice.
    const paused = computeSchedule(plan([step(3), step(7, { anchor: 'vorige' })], {}, { pauses: [{ from: '2026-03-05', until: '2026-03-08', reason: 'andere' }] })).steps;
    expect(paused.map((x) => x.date)).toEqual(['2026-03-10', '2026-03-17']);
  });

  it('a step never lands inside a pause, even after a weekend move', () => {
    // D+3 = Saturday 7 March; Monday 9 March starts a pause until 12 March.
    const s = computeSchedule(plan([step(3)], { workingDaysOnly: true }, { pauses: [{ from: '2026-03-09', until: '2026-03-12', reason: 'betwisting' }] })).steps;
    expect(s[0]!.date).toBe('2026-03-12');
  });

  it('repeats the last step every N days, at most M more times', () => {
    const s = computeSchedule(plan([step(5), step(20)], {}, { repeat: { everyDays: 7, maxRepeats: 3 } })).steps;
    expect(s.map((x) => [x.stepIndex, x.occurrence, x.date])).toEqual([
      [0, 0, '2026-03-09'],
      [1, 0, '2026-03-24'],
      [1, 1, '2026-03-31'],
      [1, 2, '2026-04-07'],
      [1, 3, '2026-04-14'],
    ]);
    expect(s.map((x) => x.nominalOffset)).toEqual([5, 20, 27, 34, 41]);
  });

  it('enforces a minimum gap when asked, and only warns otherwise', () => {
    const steps = [step(5), step(6), step(7)];
    expect(dates(plan(steps, { minGapDays: 3 }))).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    const s = computeSchedule(plan(steps, { minGapDays: 3, enforceMinGap: true })).steps;
    expect(s.map((x) => x.date)).toEqual(['2026-03-09', '2026-03-12', '2026-03-15']);
    expect(s.map((x) => x.gapDays)).toEqual([0, 2, 4]);
  });

  it('skips the steps before the first sending date; they count for nothing', () => {
    const s = computeSchedule(plan([step(-3), step(5), step(20), step(30)], { customerType: 'consumer', firstSendDate: '2026-03-20' })).steps;
    expect(s.map((x) => x.status)).toEqual(['skipped', 'skipped', 'planned', 'planned']);
    // The first reminder actually sent is the one on D+20.
    expect(s.findIndex((x) => x.isFirstReminder)).toBe(2);
    expect(s[1]!.term).toBeNull();
  });
});

describe('interest and costs on each step', () => {
  it('Belgium, business: interest from the day after the due date and the EUR 40 compensation', () => {
    const s = computeSchedule(plan([step(-5), step(0), step(1), step(30)], { amountCents: 124_050 })).steps;
    expect(s.map((x) => x.interest!.days)).toEqual([0, 0, 1, 30]);
    expect(s[3]!.interest!.cents).toBe(computeInterest({ principalCents: 124_050, from: '2026-03-05', to: '2026-04-03', jurisdiction: 'be', customerType: 'business', kind: 'commercial' }).totalCents);
    expect(s.map((x) => x.costs!.cents)).toEqual([0, 0, 4000, 4000]);
    expect(s[3]!.totalCents).toBe(124_050 + s[3]!.interest!.cents! + 4000);
  });

  it('Belgium, consumer: the damages clause only after the waiting period, the reminder fee from the second reminder', () => {
    const s = computeSchedule(plan([step(5), step(12), step(20)], { customerType: 'consumer', amountCents: 100_000 })).steps;
    // First reminder (e-mail) on 9 March: term 10–23 March, so from 24 March.
    expect(s.map((x) => x.costs!.cents)).toEqual([0, 0, 9000]);
    const fee = (i: number) => s[i]!.costs!.items.find((c) => c.id === 'be-b2c-herinnering')!.due;
    expect([fee(0), fee(1), fee(2)]).toEqual([false, true, true]);
    expect(s[2]!.costs!.items.find((c) => c.id === 'be-b2c-schadebeding')!.dueFrom).toBe('2026-03-24');
    expect(s[0]!.interest!.kind).toBe('legal');
  });

  it('the Netherlands, consumer: collection costs only after the term of a veertiendagenbrief', () => {
    const s = computeSchedule(plan([step(1, { kanaal: 'brief' }), step(15), step(30)], { jurisdiction: 'nl', customerType: 'consumer', amountCents: 100_000 })).steps;
    // Letter Thursday 5 March → received Tuesday 10 March → term 11–24 March → from 25 March.
    expect(s.map((x) => x.costs!.cents)).toEqual([0, 0, 15000]);
    expect(s[2]!.costs!.items.find((c) => c.id === 'nl-wik')!.dueFrom).toBe('2026-03-25');
  });

  it('the Netherlands, business: EUR 40 minimum from the day after the due date', () => {
    const s = computeSchedule(plan([step(0), step(1)], { jurisdiction: 'nl' })).steps;
    expect(s.map((x) => x.costs!.cents)).toEqual([0, 4000]);
    expect(s[1]!.interest!.kind).toBe('commercial');
  });

  it('Belgian consumers can choose the contractual (commercial) rate instead', () => {
    const s = computeSchedule(plan([step(30)], { customerType: 'consumer', interestKind: 'commercial' })).steps;
    expect(s[0]!.interest!.kind).toBe('commercial');
    expect(s[0]!.interest!.label).toMatch(/contractuele/);
  });
});

describe('schedule invariants over random plans (property)', () => {
  it('never throws; dates never earlier than planned; none inside a pause; repeats counted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 40 }), relative: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.option(fc.record({ start: fc.integer({ min: -10, max: 60 }), length: fc.integer({ min: 1, max: 30 }), open: fc.boolean() }), { nil: undefined }),
        fc.option(fc.record({ everyDays: fc.integer({ min: 1, max: 30 }), maxRepeats: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        (d, raw, workingDaysOnly, pause, repeat, minGapDays, enforceMinGap) => {
          const due = addDays('2024-01-01', d);
          const steps = raw.map((r, i) => step(i === 0 ? r.offset - 10 : r.offset, { anchor: r.relative ? 'vorige' : 'vervaldag' }));
          const pauses = pause ? [{ from: addDays(due, pause.start), until: pause.open ? null : addDays(due, pause.start + pause.length), reason: 'andere' as const }] : [];
          const p = validatePlan({ ...blankPlan(settings({ dueDate: due, invoiceDate: addDays(due, -30), workingDaysOnly, minGapDays, enforceMinGap })), steps, pauses, repeat: repeat ?? null });
          if (p instanceof PlanError) return; // e.g. a relative chain beyond day 365
          const s = computeSchedule(p).steps;
          expect(s).toHaveLength(steps.length + (repeat?.maxRepeats ?? 0));
          for (const x of s) {
            if (x.date === null) {
              expect(pauses.some((q) => q.until === null)).toBe(true);
              continue;
            }
            if (x.plannedDate) expect(x.date >= x.plannedDate).toBe(true);
            for (const q of pauses) if (q.until) expect(x.date >= q.from && x.date < q.until).toBe(false);
            if (workingDaysOnly) expect(isWorkingDay(x.date, 'be')).toBe(true);
            expect(weekday(x.date)).toBeGreaterThanOrEqual(0);
          }
          if (enforceMinGap && minGapDays > 0) {
            const sent = s.filter((x) => x.date !== null).map((x) => x.date!);
            for (let i = 1; i < sent.length; i++) expect(daysBetween(sent[i - 1]!, sent[i]!)).toBeGreaterThanOrEqual(minGapDays);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('browser safety', () => {
  it('imports nothing Node-only and uses no Node globals', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = 'src/timeline';
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) expect(spec.startsWith('.') || ['zod', 'fflate'].includes(spec), `${f} imports ${spec}`).toBe(true);
      for (const spec of imports.filter((s) => s.startsWith('.'))) expect(spec, `${f}: relative imports need .ts`).toMatch(/\.ts$/);
      expect(text, f).not.toMatch(/\b(Buffer|process|require|__dirname)\b|new Date\(/);
    }
  });
});
