/**
 * The plan as a file and back: the calendar (ICS), the spreadsheet (CSV), the playbook as JSON, and
 * opening a saved JSON again. Each loads its code with import() on the first click.
 */
import type { FillData } from '../../content/schema.ts';
import type { Plan } from '../../timeline/plan.ts';
import type { Schedule } from '../../timeline/schedule.ts';
import type { CatalogTemplate } from '../lib/timeline-types.ts';
import { fileStem, plural } from '../lib/timeline-view.ts';
import { download } from './timeline-dom.ts';

export interface ExportContext {
  plan: Plan;
  schedule: Schedule;
  catalog: ReadonlyMap<string, CatalogTemplate>;
  /** The pack form's data as far as it is valid: the calendar's subjects use it. */
  user: FillData;
  shareUrl: string;
}

export type ExportFormat = 'ics' | 'csv' | 'json';

/** Makes one export and says what happened; the button shows busy meanwhile. */
export async function exportFile(button: HTMLButtonElement, format: ExportFormat, context: () => Promise<ExportContext>, say: (message: string) => void): Promise<void> {
  button.setAttribute('aria-busy', 'true');
  try {
    const { plan, schedule, catalog, user, shareUrl } = await context();
    const stem = fileStem(plan);
    if (format === 'json') {
      const { planToWorkflowJson } = await import('../../timeline/json.ts');
      const json = planToWorkflowJson(plan);
      if (json instanceof Error) return say(json.message);
      download(`${JSON.stringify(json, null, 2)}\n`, `${stem}.json`, 'application/json');
      return say(`${stem}.json is bewaard. Open het later opnieuw met “Een bewaard draaiboek openen”.`);
    }
    const exports = await import('./timeline-exports.ts');
    if (format === 'ics') {
      const sent = schedule.steps.filter((s) => s.status === 'planned').length;
      if (!sent) return say('Er is nog geen stap met een datum om in uw agenda te zetten.');
      const ics = exports.makeIcs({ plan, schedule, catalog, user, shareUrl, origin: location.origin, host: location.hostname || 'tijdig', now: new Date() });
      download(ics, `${stem}.ics`, 'text/calendar;charset=utf-8');
      say(`${stem}.ics is bewaard: ${plural(sent, 'afspraak', 'afspraken')} voor uw agenda, elk met een herinnering om 9 uur.`);
    } else {
      download(exports.makeCsv(plan, catalog, [...catalog.values()]), `${stem}.csv`, 'text/csv;charset=utf-8');
      say(`${stem}.csv is bewaard. Open het in Excel of een ander rekenblad.`);
    }
  } catch (error) {
    console.warn('Tijdig: export mislukt', error);
    say('Dit bestand kon niet gemaakt worden. Probeer het opnieuw.');
  } finally {
    button.removeAttribute('aria-busy');
  }
}

export interface ImportHooks {
  settings: () => Plan['settings'];
  /** Replaces the plan; false when the core refused it. */
  open: (plan: Plan, label: string) => Promise<boolean>;
  say: (message: string) => void;
}

/** "Een bewaard draaiboek openen": a JSON file from the export above (or a content playbook). */
export function watchImport(input: HTMLInputElement, errorBox: HTMLElement, hooks: ImportHooks): void {
  const fail = (message: string) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    hooks.say(`${message} Uw planning is niet gewijzigd.`);
  };
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > 1_000_000) return fail('Dit bestand is te groot voor een draaiboek (meer dan 1 MB).');
      const { workflowJsonToPlan } = await import('../../timeline/json.ts');
      const plan = workflowJsonToPlan(await file.text(), hooks.settings());
      if (plan instanceof Error) return fail(plan.message);
      errorBox.hidden = true;
      input.removeAttribute('aria-invalid');
      if (await hooks.open(plan, `het draaiboek uit ${file.name} geopend`)) hooks.say(`${file.name} is geopend: ${plural(plan.steps.length, 'stap', 'stappen')}. Vergist? Maak het ongedaan.`);
    } catch {
      fail('Dit bestand kon niet gelezen worden.');
    } finally {
      input.value = '';
    }
  });
}
