/**
 * iCalendar (RFC 5545) for a reminder schedule: one all-day VEVENT per step with a 09:00 alarm.
 *
 * Hand-written rather than a library because the rules that matter are few and easy to get subtly
 * wrong (see import-formats.md §5: `ics` folds by characters, not octets): TEXT escaping, folding at
 * 75 octets without splitting a UTF-8 sequence, CRLF, and output that only depends on the input
 * (UIDs from workflow, step and due date; DTSTAMP from the caller), so builds are reproducible.
 * VEVENT, not VTODO: several calendars ignore VTODO.
 */
import type { FillData, Workflow } from '../content/schema.ts';
import { fill } from '../model/fill.ts';
import type { TemplateDoc } from '../model/types.ts';
import { offsetLabel, slugify } from '../vocabulary/naming.ts';
import { addDays, assertIsoDate, CHANNEL_ACTIONS, CHANNEL_LABELS, scheduleOf } from './schedule.ts';

export interface IcsEvent {
  /** Globally unique and stable across exports of the same plan. */
  uid: string;
  /** All-day date, YYYY-MM-DD. */
  date: string;
  summary: string;
  description: string;
  url?: string;
  /** When the reminder pops up, as a duration from the start of the day. Default "PT9H" (09:00). */
  alarm?: string | false;
  /** UTC time the calendar data was created: fixed by the caller for reproducible builds. */
  dtstamp: Date | string;
}

/** TEXT value escaping (RFC 5545 §3.3.11). Line breaks of any kind become one "\n". */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // Control characters are not allowed in TEXT (HTAB is); drop them rather than fail the export.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Folds one content line at 75 octets (RFC 5545 §3.1): CRLF plus a space, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts too
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`DTSTAMP is geen geldig tijdstip: ${String(value)}`);
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const icsDate = (iso: string) => iso.replace(/-/g, '');

/** A property line; `value` is already in its final (escaped) form. */
const prop = (name: string, value: string) => foldLine(`${name}:${value}`);

/** A plain calendar of events: the building block for workflows and for the timeline builder. */
export function planToIcs(events: readonly IcsEvent[], calendarName = 'Tijdig betalingsherinneringen'): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tijdig//Betalingsherinneringen//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', prop('X-WR-CALNAME', escapeText(calendarName))];
  for (const event of events) {
    assertIsoDate(event.date, 'de datum van een gebeurtenis');
    // A UID is not TEXT, but it must still stay on its own logical line.
    if (/[\r\n]/.test(event.uid)) throw new Error('een UID mag geen regeleinde bevatten');
    lines.push(
      'BEGIN:VEVENT',
      prop('UID', event.uid),
      prop('DTSTAMP', utcStamp(event.dtstamp)),
      prop('DTSTART;VALUE=DATE', icsDate(event.date)),
      // All-day events end on the next day (DTEND is exclusive).
      prop('DTEND;VALUE=DATE', icsDate(addDays(event.date, 1))),
      prop('SUMMARY', escapeText(event.summary)),
      prop('DESCRIPTION', escapeText(event.description)),
    );
    if (event.url) lines.push(prop('URL', event.url.replace(/[\r\n]/g, '')));
    lines.push('TRANSP:TRANSPARENT');
    if (event.alarm !== false) {
      // Relative to the start of an all-day event, i.e. local midnight: PT9H rings at 09:00.
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', prop('DESCRIPTION', escapeText(event.summary)), prop('TRIGGER', event.alarm ?? 'PT9H'), 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

export interface WorkflowIcsOptions {
  /** The invoice's due date, YYYY-MM-DD: day 0 of the workflow. */
  dueDate: string;
  /** Right-hand side of the UIDs, e.g. "tijdig.be". */
  uidDomain: string;
  dtstamp: Date | string;
  /** Site origin for "open the template" links, e.g. "https://tijdig.be". */
  linkBase?: string;
  /** Fills the template subjects; without it they show "[factuur.nummer]" like the blank pack. */
  data?: FillData;
  /** Distinguishes two invoices with the same due date in one calendar (e.g. the invoice number). */
  reference?: string;
}

const subjectText = (doc: TemplateDoc, data: FillData) => fill(doc, data).subject.map((r) => r.text).join('');

export function workflowToIcs(workflow: Workflow, templates: readonly TemplateDoc[], options: WorkflowIcsOptions): string {
  if (!/^[A-Za-z0-9.-]+$/.test(options.uidDomain)) throw new Error(`uidDomain moet een domeinnaam zijn, niet ${JSON.stringify(options.uidDomain)}`);
  const byId = new Map(templates.map((t) => [t.id, t]));
  const data = options.data ?? {};
  const reference = options.reference ? `-${slugify(options.reference)}` : '';
  const total = workflow.stappen.length;
  const events = scheduleOf(workflow, options.dueDate).map(({ index, step, date }): IcsEvent => {
    const doc = byId.get(step.template);
    const url = options.linkBase ? `${options.linkBase.replace(/\/+$/, '')}/sjablonen/${step.template}/` : undefined;
    const description = [
      `Draaiboek: ${workflow.titel} (stap ${index + 1} van ${total}, ${offsetLabel(step.offset)})`,
      `Kanaal: ${CHANNEL_LABELS[step.kanaal]}, toon: ${step.toon}`,
      `Sjabloon: ${doc?.title ?? step.template}`,
      ...(doc && doc.subject.length ? [`${doc.kind === 'email' ? 'Onderwerp' : 'Betreft'}: ${subjectText(doc, data)}`] : []),
      '',
      `Wat u doet: ${CHANNEL_ACTIONS[step.kanaal]}`,
      `Reageert de klant? ${step.bijReactie}`,
      ...(url ? ['', `Sjabloon openen: ${url}`] : []),
    ].join('\n');
    const event: IcsEvent = {
      uid: `tijdig-${workflow.id}-stap${index + 1}-${options.dueDate}${reference}@${options.uidDomain}`,
      date,
      summary: `${offsetLabel(step.offset)} · ${step.titel} (${CHANNEL_LABELS[step.kanaal]})`,
      description,
      dtstamp: options.dtstamp,
    };
    if (url) event.url = url;
    return event;
  });
  return planToIcs(events, `Tijdig: ${workflow.titel}`);
}
