/**
 * The timeline builder's own files, as the browser makes them: with the user's data filled in,
 * no field is left as "[pad]" in the letters of the plan or in the calendar (ICS, read with ical.js).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { makeIcs } from '../../src/site/islands/timeline-exports.ts';
import { catalogEntry } from '../../src/site/lib/timeline-page.ts';
import { PLAN_PATHS } from '../../src/site/lib/timeline-types.ts';
import { stepFillData } from '../../src/site/lib/timeline-view.ts';
import { buildTimeline, createSettings, describeTemplate, planFromWorkflow } from '../../src/timeline/index.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content does not load');
const { workflows, templates } = loaded.content;
const byId = new Map(templates.map((t) => [t.id, t]));
const catalog = new Map(templates.map((t) => [t.id, catalogEntry(t)]));
const SETTINGS = createSettings({ invoiceDate: '2026-02-02', dueDate: '2026-03-04', amountCents: 124_050, customerType: 'business', jurisdiction: 'be' });
/** What a user types in the pack form: everything the templates ask beyond what the plan supplies (dates, terms, amounts). */
const USER: FillData = Object.fromEntries(
  Object.entries(sampleFillData()).map(([group, fields]) => [group, Object.fromEntries(Object.entries(fields as object).filter(([name]) => !PLAN_PATHS.has(`${group}.${name}`)))]),
) as FillData;

it('the user data leaves out what the plan supplies', () => expect(USER.data?.nieuweTermijn).toBeUndefined());

describe.each(workflows.map((w) => [w.id, w] as const))('timeline of %s', (_id, workflow) => {
  const plan = planFromWorkflow(workflow, SETTINGS);
  const { schedule } = buildTimeline(plan, templates.map(describeTemplate));
  const sent = schedule.steps.filter((s) => s.status === 'planned');

  it('fills every field of every letter of the plan, the last step included', () => {
    expect(sent.length).toBeGreaterThan(0);
    for (const s of sent) {
      const doc = byId.get(s.step.template)!;
      const filled = fill(doc, stepFillData(plan, s, USER), { jurisdiction: SETTINGS.jurisdiction });
      const missing = [...new Set([...filled.subject, ...filled.blocks.flatMap((b) => ('runs' in b ? b.runs : 'items' in b ? b.items.flat() : []))].flatMap((r) => (r.missing ? [r.missing] : [])))];
      expect(missing, `${workflow.id} step ${s.stepIndex + 1} (${doc.id})`).toEqual([]);
    }
  });

  it('writes calendar events whose summaries and descriptions hold the invoice number, never a field name', () => {
    const ics = makeIcs({ plan, schedule, catalog, user: USER, shareUrl: 'https://tijdig.test/tijdlijn/#plan=x', origin: 'https://tijdig.test', host: 'tijdig.test', now: new Date('2026-01-01T00:00:00Z') });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(sent.length);
    for (const e of events) {
      expect(`${e.summary}\n${e.description}`, e.summary).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/);
    }
    const withNumber = sent.filter((s) => byId.get(s.step.template)!.subject.some((i) => i.type === 'placeholder' && i.path === 'factuur.nummer'));
    for (const s of withNumber) expect(events.find((e) => e.startDate.toString() === s.date)?.summary).toContain(USER.factuur!.nummer!);
  });

  it('leaves the subject out of the calendar while the user has not filled it, instead of printing a field name', () => {
    const ics = makeIcs({ plan, schedule, catalog, user: {}, shareUrl: 'https://tijdig.test/', origin: 'https://tijdig.test', host: 'tijdig.test', now: new Date('2026-01-01T00:00:00Z') });
    expect(ics).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/);
  });
});
