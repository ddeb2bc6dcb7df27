/**
 * The personalised pack for one plan, made in the browser: every sent step's template filled with
 * the user's details and that step's date, term, interest and costs, in each format that fits it
 * (email: .eml, .html, .txt; letter and phone script: .pdf, .docx, .txt), plus the calendar, the
 * spreadsheet, the plan as JSON and a read-me, zipped with fflate. Loaded with import() when the
 * zip is asked for; the templates come from /tijdlijn/sjablonen/*.json (same origin) and the DOCX
 * and PDF renderers load through files.ts, only when a step needs them.
 */
import { zipSync, type Zippable } from 'fflate';
import type { FillData } from '../../content/schema.ts';
import { fill } from '../../model/fill.ts';
import { FORMAT_INFO, FORMATS_FOR_KIND } from '../../render/formats.ts';
import { fillEmail } from '../../render/html/fill.ts';
import { renderText } from '../../render/text/index.ts';
import { dayLabel, longDate, planToWorkflowJson, PlanError, warningsFor, type Plan, type Schedule, type ScheduledStep } from '../../timeline/index.ts';
import { CHANNEL_LABEL } from '../lib/labels.ts';
import { fileStem, invoiceLine, packFolder, rowName, rowNumber, SEVERITY_LABEL, stepFillData } from '../lib/timeline-view.ts';
import { templateDataUrl, type CatalogTemplate, type TemplateData } from '../lib/timeline-types.ts';
import { makeFile } from './files.ts';
import { makeCsv, makeIcs } from './timeline-exports.ts';

export interface PackInput {
  plan: Plan;
  schedule: Schedule;
  catalog: ReadonlyMap<string, CatalogTemplate>;
  templates: readonly CatalogTemplate[];
  user: FillData;
  shareUrl: string;
  origin: string;
  host: string;
  onProgress: (done: number, total: number) => void;
}

export interface PackResult {
  bytes: Uint8Array;
  name: string;
  /** Files in the zip. */
  files: number;
  /** Steps left out, in words ("stap 2: overgeslagen"). */
  left: string[];
}

const encoder = new TextEncoder();
const nextTask = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/** Fetched once per page: a second pack (other data, other dates) reuses them. */
const fetched = new Map<string, Promise<TemplateData>>();

function fetchTemplate(url: string): Promise<TemplateData> {
  let data = fetched.get(url);
  if (!data) {
    data = fetch(url, { credentials: 'same-origin' }).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return (await response.json()) as TemplateData;
    });
    data.catch(() => fetched.delete(url));
    fetched.set(url, data);
  }
  return data;
}

function why(s: ScheduledStep, catalog: ReadonlyMap<string, CatalogTemplate>): string | null {
  if (s.status === 'skipped') return 'valt vóór uw eerste verzenddatum';
  if (s.status === 'on-hold') return 'wacht op het einde van de pauze';
  if (!s.step.template) return 'heeft nog geen sjabloon';
  if (!catalog.has(s.step.template)) return `het sjabloon “${s.step.template}” bestaat niet`;
  return null;
}

export async function buildPack(input: PackInput): Promise<PackResult> {
  const { plan, schedule, catalog, user } = input;
  const { jurisdiction } = plan.settings;
  const stem = fileStem(plan);
  const sent = schedule.steps.filter((s) => why(s, catalog) === null);
  const left = schedule.steps.flatMap((s) => {
    const reason = why(s, catalog);
    return reason ? [`${rowName(s).toLowerCase()} ${reason}`] : [];
  });
  const countryOf = (id: string): 'be' | 'nl' => catalog.get(id)!.jurisdiction ?? jurisdiction;
  const ids = [...new Set(sent.map((s) => s.step.template))];
  const total = ids.length + sent.reduce((n, s) => n + FORMATS_FOR_KIND[catalog.get(s.step.template)!.kind].length, 0) + 1;
  let done = 0;
  const tick = () => input.onProgress(++done, total);

  const loaded = new Map<string, TemplateData>();
  await Promise.all(
    ids.map(async (id) => {
      loaded.set(id, await fetchTemplate(templateDataUrl(catalog.get(id)!.file, countryOf(id))));
      tick();
    }),
  );

  const mtime = new Date();
  const entries: Zippable = {};
  const add = (path: string, data: string | Uint8Array, compressed = false) => {
    entries[`${stem}/${path}`] = [typeof data === 'string' ? encoder.encode(data) : data, { level: compressed ? 0 : 6, mtime }];
  };

  const listed: string[] = [];
  for (const s of sent) {
    const { doc, compiled } = loaded.get(s.step.template)!;
    const country = doc.jurisdiction ?? jurisdiction;
    const data = stepFillData(plan, s, user);
    const filled = fill(doc, data, { jurisdiction: country });
    const email = compiled ? fillEmail(compiled, data, filled) : null;
    const text = renderText(filled);
    const folder = packFolder(s);
    for (const format of FORMATS_FOR_KIND[doc.kind]) {
      const file = await makeFile(format, { doc, filled, email, text, jurisdiction: country, data });
      add(`${folder}/${doc.id}.${format}`, new Uint8Array(await file.blob.arrayBuffer()), !FORMAT_INFO[format].compress);
      tick();
      await nextTask();
    }
    listed.push(`${rowNumber(s).padEnd(4)} ${dayLabel(s.offset!).padEnd(6)} ${longDate(s.date!)} · ${CHANNEL_LABEL[s.step.kanaal]} · ${s.step.titel}\n     map ${folder}/`);
  }

  const ics = makeIcs({ plan, schedule, catalog, user, shareUrl: input.shareUrl, origin: input.origin, host: input.host, now: mtime });
  add('planning.ics', ics);
  add('planning.csv', makeCsv(plan, catalog, input.templates));
  const json = planToWorkflowJson(plan);
  if (!(json instanceof PlanError)) add('draaiboek.json', `${JSON.stringify(json, null, 2)}\n`);
  add('LEESMIJ.txt', readme(plan, schedule, listed, left, input.shareUrl, !(json instanceof PlanError)));

  const bytes = zipSync(entries);
  tick();
  return { bytes, name: `${stem}.zip`, files: Object.keys(entries).length, left };
}

function readme(plan: Plan, schedule: Schedule, listed: string[], left: string[], shareUrl: string, withJson: boolean): string {
  const { settings } = plan;
  const warnings = warningsFor(schedule).filter((w) => w.severity !== 'info');
  const lines = [
    `TIJDIG — uw planning “${plan.meta.titel}”`,
    '',
    invoiceLine(settings, longDate),
    'Dit pakket is in uw eigen browser gemaakt; niets ervan is naar een server gestuurd.',
    '',
    'WAT ZIT ER IN?',
    '- Een map per stap die u verstuurt, in volgorde. De naam begint met het nummer van de stap',
    '  en de dag ten opzichte van de vervaldag (D+13 is dertien dagen na de vervaldag).',
    '- In elke map staat het sjabloon van die stap, al ingevuld met uw gegevens, de datum van de',
    '  stap, de interest en kosten van die dag en de uiterste betaaldatum:',
    '  een e-mail als .eml (dubbelklik: hij opent als concept in uw mailprogramma), .html en .txt;',
    '  een brief of belscript als .pdf (om af te drukken), .docx (om aan te passen in Word) en .txt.',
    '- planning.ics: elke stap als afspraak voor uw agenda, met een herinnering om 9 uur.',
    '- planning.csv: het overzicht voor Excel.',
    ...(withJson ? ['- draaiboek.json: de planning zelf. Open het later opnieuw op de tijdlijnpagina van Tijdig.'] : []),
    '',
    'DE STAPPEN',
    ...listed,
    ...(left.length ? ['', 'NIET IN DIT PAKKET', ...left.map((l) => `- ${l.charAt(0).toUpperCase()}${l.slice(1)}.`)] : []),
    '',
    'NOG NAKIJKEN VOOR U VERSTUURT',
    '- Wat tussen vierkante haken staat [zoals dit], vulde u niet in. Vul het aan.',
    '- Interest en kosten gelden voor de dag van elke stap. Verstuurt u een stap later, maak dan',
    '  een nieuw pakket: de bedragen en termijnen schuiven mee.',
    ...(settings.jurisdiction === 'be' && settings.customerType === 'consumer'
      ? ['- Bij een consument mag u een schadevergoeding alleen vragen als uw algemene voorwaarden die', '  vooraf bepalen. Vul dat bedrag daarom zelf in.']
      : []),
    ...(warnings.length
      ? ['', 'WAARSCHUWINGEN BIJ DEZE PLANNING', ...warnings.map((w) => `- ${SEVERITY_LABEL[w.severity]}${w.stepIndex === null ? '' : ` (stap ${w.stepIndex + 1}${w.occurrence ? `, herhaling ${w.occurrence}` : ''})`}: ${w.message}${w.source?.url ? ` Bron: ${w.source.url}` : ''}`)]
      : []),
    '',
    'Uw planning opnieuw openen:',
    shareUrl,
    '',
  ];
  return lines.join('\r\n');
}
