/**
 * The plan for a calendar (ICS: one all-day event per sent step, with the template's subject, a
 * 09:00 alarm and a link back to the plan) and for Excel (CSV, the 'excel-nl' flavour of
 * src/export/csv.ts). Loaded with import() on the first export; the pack reuses both.
 */
import type { FillData } from '../../content/schema.ts';
import { toCsv } from '../../export/csv.ts';
import { planToIcs, type IcsEvent } from '../../export/ics.ts';
import { CHANNEL_ACTIONS } from '../../export/schedule.ts';
import { fill } from '../../model/fill.ts';
import type { TemplateDoc } from '../../model/types.ts';
import { slugify } from '../../vocabulary/naming.ts';
import { dayLabel, longDate, planRows, type Plan, type Schedule, type ScheduledStep } from '../../timeline/index.ts';
import { CHANNEL_LABEL, TONE_LABEL } from '../lib/labels.ts';
import { csvTable, rowName, rowNumber, stepFillData } from '../lib/timeline-view.ts';
import type { CatalogTemplate } from '../lib/timeline-types.ts';

/**
 * The template's subject (or "Betreft" line) for this step, filled with the user's data; '' while
 * a field in it is still empty, so a calendar never shows "[factuur.nummer]".
 */
export function subjectFor(t: CatalogTemplate, plan: Plan, s: ScheduledStep, user: FillData): string {
  const doc: TemplateDoc = {
    id: t.id,
    kind: t.kind,
    title: t.title,
    purpose: t.purpose,
    tone: s.step.toon,
    segment: 'algemeen',
    registered: t.registered,
    ...(t.jurisdiction ? { jurisdiction: t.jurisdiction } : {}),
    subject: t.subject,
    preheader: [],
    blocks: [],
  };
  const subject = fill(doc, stepFillData(plan, s, user), { jurisdiction: t.jurisdiction ?? plan.settings.jurisdiction }).subject;
  return subject.some((r) => r.missing) ? '' : subject.map((r) => r.text).join('').trim();
}

export interface IcsInput {
  plan: Plan;
  schedule: Schedule;
  catalog: ReadonlyMap<string, CatalogTemplate>;
  user: FillData;
  /** The link back to this plan (the share link). */
  shareUrl: string;
  origin: string;
  /** Right-hand side of the UIDs. */
  host: string;
  now: Date;
}

export function makeIcs({ plan, schedule, catalog, user, shareUrl, origin, host, now }: IcsInput): string {
  const reference = user.factuur?.nummer ? `-${slugify(user.factuur.nummer)}` : '';
  const total = plan.steps.length;
  const events = schedule.steps
    .filter((s) => s.status === 'planned')
    .map((s): IcsEvent => {
      const t = catalog.get(s.step.template);
      const subject = t ? subjectFor(t, plan, s, user) : '';
      const number = rowNumber(s);
      const description = [
        `${rowName(s)} van ${total} in “${plan.meta.titel}” (${dayLabel(s.offset!)})`,
        `Kanaal: ${CHANNEL_LABEL[s.step.kanaal].toLowerCase()}, toon: ${TONE_LABEL[s.step.toon].toLowerCase()}`,
        t ? `Sjabloon: ${t.title}` : 'Nog geen sjabloon gekozen',
        ...(subject ? [`${t?.kind === 'email' ? 'Onderwerp' : 'Betreft'}: ${subject}`] : []),
        ...(s.term ? [`Betalen uiterlijk op: ${longDate(s.term.end)}`] : []),
        '',
        `Wat u doet: ${CHANNEL_ACTIONS[s.step.kanaal]}`,
        `Reageert de klant? ${s.step.bijReactie}`,
        '',
        `Uw planning: ${shareUrl}`,
        ...(t ? [`Sjabloon invullen: ${origin}/sjablonen/${t.id}/`] : []),
      ].join('\n');
      return {
        uid: `tijdig-${slugify(plan.meta.id) || 'planning'}-stap${number}-${plan.settings.dueDate}${reference}@${host.replace(/[^A-Za-z0-9.-]/g, '')}`,
        date: s.date!,
        summary: `${dayLabel(s.offset!)} · ${subject || s.step.titel}`,
        description,
        url: shareUrl,
        dtstamp: now,
      };
    });
  return planToIcs(events, `Tijdig: ${plan.meta.titel}`);
}

/** The schedule for Dutch-language Excel: BOM, ';', dd-mm-jjjj, decimal comma. */
export function makeCsv(plan: Plan, catalog: ReadonlyMap<string, CatalogTemplate>, templates: readonly CatalogTemplate[]): string {
  return toCsv(csvTable(planRows(plan, templates), catalog), 'excel-nl');
}
