/**
 * Calendar arithmetic and wording shared by the schedule exports (ICS, CSV, Kill Bill).
 * Browser-safe: plain date strings and UTC arithmetic, so no time zone ever shifts a day.
 */
import type { Channel, Step, Workflow } from '../content/schema.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws on anything but a real calendar date: a wrong due date must not give a plausible calendar. */
export function assertIsoDate(iso: string, what = 'datum'): void {
  const m = ISO_DATE.exec(iso);
  const valid = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === iso;
  if (!valid) throw new Error(`${what} moet een geldige datum zijn als JJJJ-MM-DD, niet ${JSON.stringify(iso)}`);
}

/** "2026-10-31" + 5 -> "2026-11-05". */
export function addDays(iso: string, days: number): string {
  assertIsoDate(iso);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Channel names inside a sentence ("aangetekende brief"), from the shared vocabulary. */
export { CHANNEL_NAME as CHANNEL_LABELS } from '../vocabulary/labels.ts';

/** What the user does on the day of a step, by channel. */
export const CHANNEL_ACTIONS: Record<Channel, string> = {
  email: 'Verstuur vandaag de e-mail met dit sjabloon.',
  telefoon: 'Bel de klant vandaag en volg het belscript.',
  brief: 'Verstuur vandaag de brief met dit sjabloon.',
  'aangetekende-brief': 'Verstuur vandaag de brief aangetekend en bewaar het bewijs van verzending.',
  juridisch: 'Verstuur vandaag de brief en draag het dossier over aan uw advocaat of gerechtsdeurwaarder.',
};

export interface ScheduledStep {
  /** Zero-based position in the workflow. */
  index: number;
  step: Step;
  date: string;
}

export function scheduleOf(workflow: Workflow, dueDate: string): ScheduledStep[] {
  assertIsoDate(dueDate, 'de vervaldatum');
  return workflow.stappen.map((step, index) => ({ index, step, date: addDays(dueDate, step.offset) }));
}
