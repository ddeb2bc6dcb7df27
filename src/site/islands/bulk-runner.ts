/**
 * Making the pack (step 6): whether the run can start (customers with a message today, a legal
 * step confirmed, the sender's details and the date valid), the run in the worker with its
 * progress bar, and Stop, which ends the worker at once so nothing half-made is left.
 */
import type { BulkSender } from '../../bulk/index.ts';
import type { BulkProgress } from '../../bulk/run.ts';
import { progressText } from '../lib/bulk-form.ts';
import type { BulkContext } from './bulk-context.ts';
import type { DownloadsController } from './bulk-downloads.ts';
import type { SenderForm } from './bulk-sender.ts';
import type { SettingsController } from './bulk-settings.ts';
import { plural } from './bulk-view.ts';

export interface RunnerController {
  /** Shows whether today's plan has messages, and asks to confirm a legal step. */
  showPlan(): void;
  /** Hides the progress and the last run's status. */
  reset(): void;
}

/** At most ~8 redraws a second: each one lays out part of a page with two big tables. */
const REDRAW_MS = 120;

export function runReadyText(ready: number, customers: number): string {
  if (!ready) return 'Er is vandaag voor geen enkele klant een bericht. Kies een andere stap of een andere verzenddatum.';
  const others = customers - ready;
  const rest = others === 0 ? '' : others === 1 ? ' De andere klant staat ook in het overzicht in de zip.' : ` De ${others.toLocaleString('nl-BE')} andere klanten staan ook in het overzicht in de zip.`;
  return `${plural(ready, 'klant krijgt', 'klanten krijgen')} vandaag een bericht.${rest}`;
}

/** Draws the progress bar, at most every REDRAW_MS unless forced. */
function progressView($: BulkContext['$']): (done: number, total: number, text: string, force?: boolean) => void {
  let drawn = 0;
  return (done, total, text, force = false) => {
    const now = performance.now();
    if (!force && now - drawn < REDRAW_MS) return;
    drawn = now;
    const percent = total ? Math.round((done / total) * 100) : 0;
    const bar = $<HTMLElement>('[data-progressbar]');
    bar.setAttribute('aria-valuenow', String(percent));
    bar.setAttribute('aria-valuetext', `${done.toLocaleString('nl-BE')} van ${plural(total, 'klant', 'klanten')}`);
    $<HTMLElement>('[data-progress-bar]').style.transform = `scaleX(${percent / 100})`;
    $<HTMLElement>('[data-progress-text]').textContent = text;
  };
}

/** The date and the sender's details for the run, or null after pointing the user at what is wrong. */
function checkedInput(ctx: BulkContext, settings: SettingsController, sender: SenderForm, runStatus: HTMLElement): { today: string; senderData: BulkSender } | null {
  const today = settings.readToday();
  const link = settings.readLink();
  const { sender: details, invalid } = sender.read();
  const firstBad = invalid ?? (link.ok ? null : settings.linkInput) ?? (today ? null : settings.todayInput);
  if (firstBad || !today) {
    firstBad?.focus();
    ctx.say(runStatus, 'Nog niet alles klopt: kijk de rode meldingen na.');
    return null;
  }
  const overview = ctx.state.overview!;
  if (!overview.summary.klaar) {
    ctx.say(runStatus, 'Er is vandaag voor geen enkele klant een bericht.');
    return null;
  }
  const legalOk = ctx.$<HTMLInputElement>('[data-legal-ok]');
  if (overview.legalWarning && !legalOk.checked) {
    legalOk.focus();
    ctx.say(runStatus, 'Er zitten juridische stappen in dit pakket. Bevestig eerst dat de vorige stappen verstuurd zijn, of kies bij “Wat kregen de klanten al?” wat klopt.');
    return null;
  }
  return { today, senderData: { ...details, dossier: settings.dossier(), ...(link.value ? { betaallink: link.value } : {}) } };
}

/** Why a run ended without a zip, said in the run's status line. */
function reportFailure(ctx: BulkContext, downloads: DownloadsController, runStatus: HTMLElement, error: unknown, stopped: boolean): void {
  if (stopped) ctx.say(runStatus, 'Gestopt. Er is geen zip gemaakt.');
  else if (error instanceof Error && error.name === 'BulkInputError') {
    downloads.showProblems((error as Error & { problems?: readonly string[] }).problems ?? [error.message]);
    ctx.say(runStatus, 'Het pakket kon niet gemaakt worden. Kijk de meldingen na.');
  } else {
    console.warn('Tijdig: pakket maken mislukt', error);
    ctx.say(runStatus, 'Het pakket kon niet gemaakt worden. Probeer het opnieuw; lukt het niet, laad de pagina dan opnieuw.');
  }
}

export function initRunner(ctx: BulkContext, settings: SettingsController, sender: SenderForm, downloads: DownloadsController): RunnerController {
  const { $, state, say } = ctx;
  const runButton = $<HTMLButtonElement>('[data-action="run"]');
  const cancelButton = $<HTMLButtonElement>('[data-action="cancel"]');
  const progress = $<HTMLElement>('[data-progress]');
  const runStatus = $<HTMLElement>('[data-run-status]');
  const legalText = $<HTMLElement>('[data-legal-text]');
  const legalOk = $<HTMLInputElement>('[data-legal-ok]');
  const setProgress = progressView($);

  function busy(controller: AbortController | null): void {
    state.running = controller;
    runButton.disabled = controller !== null;
    if (controller) runButton.setAttribute('aria-busy', 'true');
    else runButton.removeAttribute('aria-busy');
    cancelButton.hidden = controller === null;
  }

  async function run(): Promise<void> {
    if (state.running || !state.overview || !state.bytes || !state.mapping) return;
    const ready = checkedInput(ctx, settings, sender, runStatus);
    if (!ready) return;
    const total = state.overview.customerCount;
    downloads.clear();
    runner.reset();
    const controller = new AbortController();
    busy(controller);
    progress.hidden = false;
    setProgress(0, total, 'De sjablonen worden geladen…', true);
    say(runStatus, `Het pakket wordt gemaakt voor ${plural(state.overview.summary.klaar, 'klant', 'klanten')}. U kunt verder werken op deze pagina.`);
    const started = performance.now();
    const onProgress = (p: BulkProgress) => setProgress(p.done, p.total, progressText(p), p.phase !== 'klanten');
    try {
      // The worker plans again with the date read now (the page may have stayed open overnight).
      const out = await ctx.client.pack(state.bytes, { ...settings.options(ready.today), mapping: state.mapping }, ready.senderData, controller.signal, onProgress);
      downloads.showZip(out.result, out.missing, (performance.now() - started) / 1000);
      setProgress(total, total, 'Klaar.', true);
      say(runStatus, `Klaar: ${out.result.fileName} is gedownload.`);
    } catch (error) {
      reportFailure(ctx, downloads, runStatus, error, controller.signal.aborted);
      progress.hidden = true;
    } finally {
      busy(null);
    }
  }

  runButton.addEventListener('click', () => void run());
  cancelButton.addEventListener('click', () => state.running?.abort());

  const runner: RunnerController = {
    showPlan() {
      const overview = state.overview!;
      $<HTMLElement>('[data-run-ready]').textContent = runReadyText(overview.summary.klaar, overview.customerCount);
      runButton.disabled = overview.summary.klaar === 0 || state.running !== null;
      // A formal notice or a hand-over claims earlier reminders: the user confirms before it is made.
      const warning = overview.legalWarning;
      if (warning !== legalText.textContent) legalOk.checked = false;
      legalText.textContent = warning ?? '';
      $<HTMLElement>('[data-legal]').hidden = !warning;
    },
    reset() {
      runStatus.textContent = '';
      progress.hidden = true;
    },
  };
  return runner;
}
