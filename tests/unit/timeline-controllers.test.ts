/**
 * The timeline builder's controllers that hold logic, without a browser: the template catalog per
 * legal case, the plan a fresh page opens with (link, ?draaiboek=, default), the settings form's
 * reading of typed values, and PlanState (changes checked by the lazily loaded plan check, undo
 * with its words, changes applied one after the other).
 */
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/pack/read-content.ts';
import { PlanState } from '../../src/site/islands/timeline-state.ts';
import { fillCatalog, legalCaseOf, neededFields } from '../../src/site/lib/timeline-catalog.ts';
import { catalogEntry } from '../../src/site/lib/timeline-page.ts';
import { pauseText, readDateValue, readIntValue, settingPatch, settingsFormValues } from '../../src/site/lib/timeline-settings-form.ts';
import { startPlan, type StartInput } from '../../src/site/lib/timeline-start.ts';
import type { CatalogTemplate } from '../../src/site/lib/timeline-types.ts';
import { createSettings, planFromWorkflow, type Plan } from '../../src/timeline/plan.ts';
import { decodeState, encodeState } from '../../src/timeline/share.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content does not load');
const { workflows, templates } = loaded.content;
const entries = templates.map(catalogEntry);
const SETTINGS = createSettings({ invoiceDate: '2026-02-02', dueDate: '2026-03-04', amountCents: 124_050, customerType: 'business', jurisdiction: 'be' });
const standard = workflows.find((w) => w.id === 'standaard')!;

describe('the catalog for a legal case', () => {
  it('names the case of the settings', () => {
    expect(legalCaseOf({ jurisdiction: 'be', customerType: 'business' })).toBe('be-onderneming');
    expect(legalCaseOf({ jurisdiction: 'nl', customerType: 'consumer' })).toBe('nl-consument');
  });

  const variant = entries.find((t) => t.variantOf !== null)!;
  it.each(['be-onderneming', 'be-consument', 'nl-onderneming', 'nl-consument'] as const)('files each text for %s under its base id, and only texts written for it', (legalCase) => {
    const catalog = new Map<string, CatalogTemplate>();
    fillCatalog(catalog, entries, legalCase);
    expect(catalog.size).toBeGreaterThan(0);
    for (const [id, t] of catalog) {
      expect(entries.find((e) => e.id === id)?.variantOf).toBeNull();
      expect(t.id).toBe(id);
      expect(t.cases).toContain(legalCase);
      expect(t.file === id || entries.find((e) => e.id === t.file)?.variantOf === id).toBe(true);
    }
  });

  it('refills in place, so a reader holding the map sees the switch to another case', () => {
    const legalCase = variant.cases[0]!;
    const catalog = new Map<string, CatalogTemplate>();
    const held = catalog;
    fillCatalog(catalog, entries, legalCase);
    expect(held.get(variant.variantOf!)?.file).toBe(variant.id);
    const other = (['be-onderneming', 'be-consument', 'nl-onderneming', 'nl-consument'] as const).find((c) => !variant.cases.includes(c))!;
    fillCatalog(catalog, entries, other);
    expect(held.get(variant.variantOf!)?.file).not.toBe(variant.id);
  });

  it('asks the pack form only for the fields of the templates the plan uses', () => {
    const catalog = new Map<string, CatalogTemplate>();
    fillCatalog(catalog, entries, 'be-onderneming');
    const plan = planFromWorkflow(standard, SETTINGS);
    const needed = neededFields(plan, catalog);
    const expected = new Set(plan.steps.flatMap((s) => catalog.get(s.template)?.fields ?? []));
    expect([...needed].sort()).toEqual([...expected].sort());
    expect(needed.has('factuur.vervaldatum')).toBe(false); // the plan supplies it
    expect(neededFields({ steps: [] }, catalog).size).toBe(0);
  });
});

describe('the plan a fresh page opens with', () => {
  const base: StartInput = { hash: '', search: '', workflows, defaultWorkflow: 'standaard', settings: SETTINGS };

  it('is the default playbook with the default invoice', () => {
    const start = startPlan(base);
    expect(start).toMatchObject({ problem: null, workflowId: null });
    expect(start.plan.meta.id).toBe('standaard');
    expect(start.plan.settings).toEqual(SETTINGS);
  });

  it('is the playbook named in ?draaiboek=, selected in "Begin met"', () => {
    const other = workflows.find((w) => w.id !== 'standaard')!;
    const start = startPlan({ ...base, search: `?draaiboek=${other.id}` });
    expect(start).toMatchObject({ problem: null, workflowId: other.id });
    expect(start.plan.steps).toHaveLength(other.stappen.length);
  });

  it('says so for an unknown playbook, quoting at most 60 characters of it', () => {
    const start = startPlan({ ...base, search: `?draaiboek=${'x'.repeat(100)}` });
    expect(start.plan.meta.id).toBe('standaard');
    expect(start.problem).toContain(`Een draaiboek “${'x'.repeat(60)}” kennen we niet`);
    expect(start.problem).not.toContain('x'.repeat(61));
  });

  it('opens a shared link as the same plan', () => {
    const plan: Plan = { ...planFromWorkflow(standard, SETTINGS), pauses: [{ from: '2026-03-10', until: '2026-03-17', reason: 'betwisting' }] };
    const start = startPlan({ ...base, hash: `#plan=${encodeState(plan)}`, decode: decodeState });
    expect(start).toMatchObject({ problem: null, workflowId: null });
    expect(start.plan).toEqual(plan);
  });

  it('keeps the default playbook for a broken link and says why', () => {
    const start = startPlan({ ...base, hash: '#plan=1dit-is-geen-planning', decode: decodeState });
    expect(start.plan.meta.id).toBe('standaard');
    expect(start.problem).toMatch(/^Deze link kon niet geopend worden\. .+ U ziet nu het standaarddraaiboek/);
  });

  it('refuses to guess a link without its decoder', () => {
    expect(() => startPlan({ ...base, hash: '#plan=1abc' })).toThrow(/decoder/);
  });
});

describe('the settings form', () => {
  it('shows the plan in the fields as the user types them', () => {
    const values = settingsFormValues({ ...planFromWorkflow(standard, SETTINGS), repeat: { everyDays: 10, maxRepeats: 2 } });
    expect(values).toMatchObject({ invoiceDate: '2026-02-02', dueDate: '2026-03-04', amount: '1.240,50', firstSendDate: '', repeatEvery: '10', repeatMax: '2', noticeTermDays: '14' });
    expect(settingsFormValues(planFromWorkflow(standard, SETTINGS))).toMatchObject({ repeatEvery: '7', repeatMax: '3' });
  });

  it('reads dates: required, optional, half typed, out of range', () => {
    expect(readDateValue('2026-05-01', false, true)).toEqual({ date: '2026-05-01' });
    expect(readDateValue('', false, false)).toEqual({ date: null });
    expect(readDateValue('', false, true)).toEqual({ error: 'Vul een datum in.' });
    expect(readDateValue('', true, false)).toEqual({ error: 'Vul een volledige datum in (dag, maand en jaar).' });
    expect(readDateValue('1999-12-31', false, true)).toEqual({ error: 'Kies een datum tussen 2000 en 2099.' });
    expect(readDateValue('2100-01-01', false, true)).toEqual({ error: 'Kies een datum tussen 2000 en 2099.' });
  });

  it('reads whole numbers within their bounds only', () => {
    expect(readIntValue(' 7 ', 1, 90)).toEqual({ value: 7 });
    for (const bad of ['0', '91', '2,5', '-1', '', 'zeven']) expect(readIntValue(bad, 1, 90)).toEqual({ error: 'Kies een geheel getal van 1 tot 90.' });
  });

  it('turns a typed amount, a choice or a number into one patch, or a Dutch message', () => {
    expect(settingPatch('amount', '1.234,56', false)).toEqual({ patch: { amountCents: 123_456 } });
    expect(settingPatch('amount', 'veel', false)).toEqual({ error: 'Schrijf een bedrag in euro, bijvoorbeeld 1.234,56.' });
    expect(settingPatch('amount', '2.000.000.000', false)).toEqual({ error: 'Dit bedrag is te groot.' });
    expect(settingPatch('customerType', 'consumer', true)).toEqual({ patch: { customerType: 'consumer' } });
    expect(settingPatch('customerType', 'iets', true)).toEqual({ patch: { customerType: 'business' } });
    expect(settingPatch('jurisdiction', 'nl', true)).toEqual({ patch: { jurisdiction: 'nl' } });
    expect(settingPatch('workingDaysOnly', 'on', false)).toEqual({ patch: { workingDaysOnly: false } });
    expect(settingPatch('minGapDays', '0', false)).toEqual({ patch: { minGapDays: 0 } });
    expect(settingPatch('noticeTermDays', '0', false)).toEqual({ error: 'Kies een geheel getal van 1 tot 60.' });
    expect(settingPatch('pauseFrom', '2026-01-01', false)).toBeNull();
  });

  it('names a pause in words, open or closed', () => {
    expect(pauseText({ from: '2026-03-02', until: '2026-03-09', reason: 'betwisting' })).toBe('Betwisting: van maandag 2 maart 2026 tot maandag 9 maart 2026');
    expect(pauseText({ from: '2026-03-02', until: null, reason: 'andere' })).toBe('Pauze: sinds maandag 2 maart 2026, nog niet hervat');
  });
});

describe('PlanState', () => {
  const make = () => {
    const said: string[] = [];
    const events: string[] = [];
    const state = new PlanState(planFromWorkflow(standard, SETTINGS), { render: () => events.push('render'), say: (m) => said.push(m), changed: (undo) => events.push(undo ? 'undo' : 'change') });
    return { state, said, events };
  };

  it('applies a valid change, draws it once, and undoes it with its words', async () => {
    const { state, events } = make();
    expect(await state.commit({ type: 'setSettings', patch: { amountCents: 5000 } }, 'het bedrag gewijzigd')).toBe(true);
    expect(state.plan.settings.amountCents).toBe(5000);
    expect(events).toEqual(['change', 'render']);
    expect(state.canUndo()).toBe(true);
    expect(await state.undo()).toBe('het bedrag gewijzigd');
    expect(state.plan.settings.amountCents).toBe(124_050);
    expect(await state.undo()).toBeNull();
  });

  it('refuses what the plan check refuses, says why and keeps the plan', async () => {
    const { state, said, events } = make();
    const before = state.plan;
    expect(await state.commit({ type: 'updateStep', index: 0, patch: { offset: 400 } }, 'de dag van stap 1 gewijzigd')).toBe(false);
    expect(state.plan).toBe(before);
    expect(said.join(' ')).toMatch(/hoogstens 365|365 dagen na de vervaldag/);
    expect(events).toEqual([]);
  });

  it('a change that alters nothing adds no undo step and draws nothing', async () => {
    const { state, events } = make();
    let after = false;
    expect(await state.commit({ type: 'setSettings', patch: { amountCents: 124_050 } }, 'het bedrag gewijzigd', () => (after = true))).toBe(true);
    expect(after).toBe(true);
    expect(events).toEqual([]);
    expect(state.canUndo()).toBe(false);
  });

  it('applies quick changes one after the other, in the order given', async () => {
    const { state } = make();
    const steps = state.plan.steps.length;
    const done = await Promise.all([state.commit({ type: 'addStep' }, 'een stap toegevoegd'), state.commit({ type: 'removeStep', index: 0 }, 'stap 1 verwijderd'), state.undo()]);
    expect(done).toEqual([true, true, 'stap 1 verwijderd']);
    expect(state.plan.steps).toHaveLength(steps + 1);
    expect(await state.undo()).toBe('een stap toegevoegd');
    expect(state.plan.steps).toHaveLength(steps);
  });
});

describe('the veertiendagenbrief, as the page knows it from its build-time catalog', () => {
  it('marks only the Dutch consumer veertiendagenbrief texts, and warns as the Node catalog does', async () => {
    const { CONTENT_VOCABULARY, buildTimeline } = await import('../../src/timeline/defaults.ts');
    const { buildTimelineWith } = await import('../../src/timeline/warnings.ts');
    const { caseCatalog } = await import('../../src/timeline/schedule.ts');
    const shipped = JSON.parse(JSON.stringify(entries)) as CatalogTemplate[];
    expect(shipped.filter((t) => t.fourteenDayLetter).map((t) => t.id).sort()).toEqual(['nl-standaard-d5-veertiendagenbrief', 'nl-vip-d55-veertiendagenbrief', 'nl-wanbetaler-d3-veertiendagenbrief']);
    const catalog = new Map<string, CatalogTemplate>();
    fillCatalog(catalog, shipped, 'nl-consument');
    expect(catalog.get('vip-d10-vriendelijke-herinnering')?.fourteenDayLetter).toBe(false);
    expect(catalog.get('vip-d55-ingebrekestelling')?.fourteenDayLetter).toBe(true);
    // The VIP playbook with a costs step at D+45: the page and the Node side both say no veertiendagenbrief came before.
    const vip = planFromWorkflow(workflows.find((w) => w.id === 'vip')!, createSettings({ ...SETTINGS, jurisdiction: 'nl', customerType: 'consumer' }));
    const plan = { ...vip, steps: vip.steps.map((s, i) => (i === 4 ? { ...s, template: 'standaard-d30-laatste-waarschuwing' } : s)) };
    const page = buildTimelineWith(plan, [...catalog.values()], CONTENT_VOCABULARY).warnings;
    expect(page.filter((w) => w.id === 'nl-veertiendagenbrief').map((w) => [w.stepIndex, w.severity])).toEqual([[4, 'error']]);
    expect(page).toEqual(buildTimeline(plan, caseCatalog(templates, 'nl-consument')).warnings);
  });
});

describe('the vocabulary the page gets as data', () => {
  it('gives the same schedule and warnings as the content schema, after a trip through JSON', async () => {
    const { CONTENT_VOCABULARY, buildTimeline } = await import('../../src/timeline/defaults.ts');
    const { buildTimelineWith } = await import('../../src/timeline/warnings.ts');
    const { describeTemplate } = await import('../../src/timeline/schedule.ts');
    const shipped = JSON.parse(JSON.stringify(CONTENT_VOCABULARY)) as typeof CONTENT_VOCABULARY;
    const catalog = templates.map(describeTemplate);
    for (const workflow of workflows) {
      // Tone down and a letter template on an e-mail step: both rules that read the vocabulary fire.
      const plan = planFromWorkflow(workflow, SETTINGS);
      const last = plan.steps.length - 1;
      if (last < 1) continue;
      const kind = catalog.find((t) => t.id === plan.steps[last]!.template)?.kind;
      const steps = plan.steps.map((s, i) =>
        i === last ? { ...s, toon: 'vriendelijk' as const, kanaal: kind === 'email' ? ('brief' as const) : ('email' as const) } : i === last - 1 ? { ...s, toon: 'formeel' as const } : s,
      );
      const edited = { ...plan, steps };
      const page = buildTimelineWith(edited, catalog, shipped);
      expect(page).toEqual(buildTimeline(edited, catalog));
      expect(page.warnings.map((w) => w.id), workflow.id).toEqual(expect.arrayContaining(['toon-omlaag', 'kanaal-sjabloon']));
    }
  });
});
