import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, planToIcs, workflowToIcs, type IcsEvent } from '../../src/export/ics.ts';
import { addDays } from '../../src/export/schedule.ts';
import { readContent } from '../../src/pack/read-content.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const { workflows, templates } = loaded.content;
const dtstamp = '2026-01-01T00:00:00Z';
const dueDate = '2026-10-31';

function events(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** RFC 5545 §3.1: CRLF only, and no physical line longer than 75 octets. */
function expectWellFolded(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const line of ics.split('\r\n')) {
    const bytes = encoder.encode(line);
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    // Decoding each physical line on its own fails if a fold split a UTF-8 sequence.
    expect(() => decoder.decode(bytes)).not.toThrow();
  }
}

describe('workflowToIcs', () => {
  for (const workflow of workflows) {
    it(`puts each step of "${workflow.id}" on the due date plus its offset, as an all-day event with an alarm`, () => {
      const ics = workflowToIcs(workflow, templates, { dueDate, uidDomain: 'tijdig.example', dtstamp, linkBase: 'https://tijdig.example/' });
      expectWellFolded(ics);
      const list = events(ics);
      expect(list).toHaveLength(workflow.stappen.length);
      list.forEach((event, i) => {
        const step = workflow.stappen[i]!;
        expect(event.startDate.isDate).toBe(true);
        expect(event.startDate.toString()).toBe(addDays(dueDate, step.offset));
        expect(event.endDate.toString()).toBe(addDays(dueDate, step.offset + 1));
        expect(event.summary).toContain(step.titel);
        expect(event.description).toContain(step.bijReactie);
        expect(event.description).toContain(`https://tijdig.example/sjablonen/${step.template}/`);
        expect(event.uid).toBe(`tijdig-${workflow.id}-stap${i + 1}-${dueDate}@tijdig.example`);
        const alarm = event.component.getFirstSubcomponent('valarm')!;
        expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
        expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('PT9H');
        expect(event.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-01-01T00:00:00Z');
      });
    });
  }

  it('is byte-identical for the same input, and distinguishes invoices by reference', () => {
    const workflow = workflows[0]!;
    const options = { dueDate, uidDomain: 'tijdig.example', dtstamp };
    expect(workflowToIcs(workflow, templates, options)).toBe(workflowToIcs(workflow, templates, options));
    const uids = events(workflowToIcs(workflow, templates, { ...options, reference: 'F 2026/0153' })).map((e) => e.uid);
    expect(uids[0]).toBe(`tijdig-${workflow.id}-stap1-${dueDate}-f-2026-0153@tijdig.example`);
  });

  it('puts the filled subject in the description, and a hostile value cannot add an event', () => {
    const workflow = workflows.find((w) => w.stappen.some((s) => templates.find((t) => t.id === s.template)?.kind === 'email'))!;
    const hostile = '2026-0153\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:gehackt';
    const ics = workflowToIcs(workflow, templates, { dueDate, uidDomain: 'tijdig.example', dtstamp, data: { factuur: { nummer: hostile } } });
    expectWellFolded(ics);
    const list = events(ics);
    expect(list).toHaveLength(workflow.stappen.length);
    expect(list.map((e) => e.uid)).not.toContain('evil');
    expect(list.some((e) => e.description.includes('2026-0153\nEND:VEVENT\nBEGIN:VEVENT'))).toBe(true);
  });

  it('rejects an impossible due date', () => {
    expect(() => workflowToIcs(workflows[0]!, templates, { dueDate: '2026-02-30', uidDomain: 'x.be', dtstamp })).toThrow(/geldige datum/);
  });
});

describe('planToIcs', () => {
  const tricky = 'Café Zoë — € 1.234,56; “aanmaning”, regel 1\nregel 2\\eind\tmet tab';
  const event = (extra: Partial<IcsEvent> = {}): IcsEvent => ({ uid: 'a-1@tijdig.example', date: '2026-03-14', summary: tricky, description: tricky, dtstamp: new Date(Date.UTC(2026, 0, 1, 8, 30)), ...extra });

  it('round-trips summary and description exactly through ical.js', () => {
    const ics = planToIcs([event()]);
    expectWellFolded(ics);
    const [parsed] = events(ics);
    expect(parsed!.summary).toBe(tricky);
    expect(parsed!.description).toBe(tricky);
    expect(parsed!.startDate.toString()).toBe('2026-03-14');
    expect(ics).toContain('DTSTAMP:20260101T083000Z');
    expect(ics).toContain('\\,');
    expect(ics).toContain('\\;');
  });

  it('turns CRLF in a value into one escaped newline, so "\\r\\nBEGIN:VEVENT" stays text', () => {
    const ics = planToIcs([event({ summary: 'Jan\r\nBEGIN:VEVENT\r\nUID:x', description: 'a\rb\nc\r\nd' })]);
    const list = events(ics);
    expect(list).toHaveLength(1);
    expect(list[0]!.summary).toBe('Jan\nBEGIN:VEVENT\nUID:x');
    expect(list[0]!.description).toBe('a\nb\nc\nd');
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('folds long multi-byte text at 75 octets without splitting a character', () => {
    const long = '€'.repeat(60) + '🙂'.repeat(30) + 'ë'.repeat(50);
    const ics = planToIcs([event({ summary: long, description: long })]);
    expectWellFolded(ics);
    expect(events(ics)[0]!.summary).toBe(long);
    // "X:" plus 24 three-octet euros is 74 octets; a 25th would make 77, so it moves to the next line.
    expect(foldLine(`X:${'€'.repeat(30)}`).split('\r\n').map((l) => new TextEncoder().encode(l).length)).toEqual([74, 1 + 6 * 3]);
  });

  it('has the calendar frame RFC 5545 requires', () => {
    const ics = planToIcs([]);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:[^\r]+\r\n/);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(() => planToIcs([event({ uid: 'a\r\nb' })])).toThrow();
  });
});
