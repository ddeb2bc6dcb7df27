/**
 * The bulk page's island (/meerdere-facturen/): wires its controllers together. Reading, checking,
 * planning and making the zip run in a Web Worker (islands/bulk-worker.ts), which keeps the file
 * and its analysis and hands the page an overview and one page of rows and customers at a time,
 * so a large file never blocks the page. The file is never uploaded; the column mapping, the
 * page's settings and the sender's details stay in localStorage.
 *
 * Controllers, one concern each: bulk-file (input, drop, example, delimiter), bulk-mapping
 * (columns), bulk-plan (rows and customers), bulk-settings (step 4, payment link), bulk-sender
 * (sender's details), bulk-runner (run, progress, Stop), bulk-downloads (zip and result);
 * bulk-analysis asks the worker, bulk-context holds the shared state.
 */
import { readJsonScript } from '../lib/json-script.ts';
import type { BulkPageData } from '../lib/bulk-types.ts';
import { initAnalysis } from './bulk-analysis.ts';
import { createContext } from './bulk-context.ts';
import { initDownloads } from './bulk-downloads.ts';
import { initFile, type FileController } from './bulk-file.ts';
import { initMapping } from './bulk-mapping.ts';
import { initPlan } from './bulk-plan.ts';
import { initRunner } from './bulk-runner.ts';
import { initSender } from './bulk-sender.ts';
import { initSettings } from './bulk-settings.ts';
import { planSummaryText } from './bulk-view.ts';

const root = document.querySelector<HTMLElement>('[data-bulk]');
if (root) init(root);

function init(root: HTMLElement): void {
  const ctx = createContext(root, readJsonScript<BulkPageData>('tj-bulk-data'));
  const { $, state, status, say } = ctx;
  let file: FileController | null = null;
  const [mappingSection, ...laterSections] = [...root.querySelectorAll<HTMLElement>('[data-after-file]')];

  const settings = initSettings(ctx, {
    changed(workflow) {
      if (workflow) state.overrides = {};
      void analysis.analyze().then((ok) => ok && (draw(), say(status, `Bijgewerkt. ${planSummaryText(state.overview!.summary)}`)));
    },
    termChanged: () => void analysis.analyze().then((ok) => ok && draw()),
  });
  const analysis = initAnalysis(ctx, settings, {
    unreadable: () => file?.showError('Dit bestand kon niet gelezen worden. Is het een CSV-bestand met één factuur per rij?'),
  });
  const sender = initSender($<HTMLFormElement>('[data-sender]'), ctx.model.senderFields, ctx.model.examples);
  const downloads = initDownloads(ctx);
  const runner = initRunner(ctx, settings, sender, downloads);
  const showPlanSummary = () => {
    $<HTMLElement>('[data-plan-summary]').textContent = planSummaryText(state.overview!.summary);
    runner.showPlan();
  };
  const plan = initPlan(ctx, settings, analysis, { replanned: showPlanSummary });
  const mapping = initMapping(ctx, settings, analysis, { remapped: () => draw() });
  file = initFile(ctx, settings, analysis, { save: downloads.save, clear: () => (downloads.clear(), runner.reset()) }, { loaded: () => draw() });

  /** Draws the whole page from the last analysis: file facts, mapping, rows, customers, plan. */
  function draw(): void {
    const readable = file!.showFacts();
    mappingSection!.hidden = !readable;
    if (!readable) {
      for (const s of laterSections) s.hidden = true;
      return;
    }
    mapping.render();
    const complete = state.overview!.mappingProblems.length === 0;
    for (const s of laterSections) s.hidden = !complete;
    if (!complete) return;
    plan.render();
    showPlanSummary();
  }

  $<HTMLButtonElement>('[data-action="sender-example"]').addEventListener('click', () => {
    sender.fillExample();
    say(status, 'Lege velden zijn ingevuld met een voorbeeld. Vervang ze door uw eigen gegevens.');
  });
  $<HTMLButtonElement>('[data-action="sender-forget"]').addEventListener('click', () => {
    sender.forget();
    say(status, 'Uw bedrijfsgegevens zijn gewist uit deze browser.');
  });
}
