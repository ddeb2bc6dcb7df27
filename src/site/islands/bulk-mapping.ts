/**
 * The column mapping (step 2): which column of the file holds which field. Drawn from the
 * worker's overview; a change is remembered for files with the same columns and read again.
 */
import { BULK_FIELDS, setMappedColumns, type BulkField } from '../../bulk/index.ts';
import { forgetMappings, rememberMapping } from '../lib/bulk-storage.ts';
import { h } from '../lib/element.ts';
import type { AnalysisController } from './bulk-analysis.ts';
import type { BulkContext } from './bulk-context.ts';
import type { SettingsController } from './bulk-settings.ts';
import { plural, renderMapping } from './bulk-view.ts';

export interface MappingController {
  render(): void;
}

export interface MappingEvents {
  /** The mapping changed and the file was read again with it. */
  remapped(): void;
}

const SOURCE_TEXT = {
  onthouden: 'Uw kolomkeuze van de vorige keer is toegepast.',
  zelf: 'Uw keuze is bewaard in deze browser.',
  herkend: 'Tijdig herkende de kolommen hieronder. Kijk ze even na.',
} as const;

export function initMapping(ctx: BulkContext, settings: SettingsController, analysis: AnalysisController, events: MappingEvents): MappingController {
  const { $, state, status, say } = ctx;
  const box = $<HTMLElement>('[data-mapping]');
  const problems = $<HTMLElement>('[data-mapping-problems]');

  async function remap(message: () => string, focus?: string): Promise<void> {
    state.overrides = {};
    if (!(await analysis.analyze())) return;
    events.remapped();
    // The mapping form was drawn again: give the focus back to the same choice.
    if (focus) document.getElementById(focus)?.focus();
    say(status, message());
  }

  box.addEventListener('change', (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !state.mapping || !state.overview) return;
    const field = select.dataset['field'] as BulkField;
    if (!(BULK_FIELDS as readonly string[]).includes(field)) return;
    const values = [...box.querySelectorAll<HTMLSelectElement>(`select[data-field="${field}"]`)].map((s) => s.value).filter(Boolean);
    state.mapping = setMappedColumns(state.mapping, field, [...new Set(values)]);
    state.mappingSource = 'zelf';
    rememberMapping(state.overview.file.headers, state.mapping);
    void remap(() => {
      const o = state.overview!;
      return o.mappingProblems.length ? 'Kolom aangepast. Er ontbreekt nog een verplichte kolom.' : `Kolom aangepast: ${plural(o.counts.valid, 'factuur', 'facturen')} in orde.`;
    }, select.id);
  });

  $<HTMLButtonElement>('[data-action="mapping-guess"]').addEventListener('click', () => {
    if (!state.overview) return;
    rememberMapping(state.overview.file.headers, null);
    state.mapping = state.overview.guess.mapping;
    state.mappingSource = 'herkend';
    void remap(() => 'De kolommen zijn terug zoals Tijdig ze herkende.');
  });

  $<HTMLButtonElement>('[data-action="mapping-forget"]').addEventListener('click', () => {
    forgetMappings();
    say(status, 'Deze browser is uw kolomkeuzes vergeten. De kolommen van dit bestand blijven staan tot u het opnieuw laadt.');
  });

  return {
    render() {
      const overview = state.overview!;
      renderMapping(box, overview, state.mapping!, settings.readTerm().days);
      $<HTMLElement>('[data-mapping-source]').textContent = SOURCE_TEXT[state.mappingSource];
      problems.hidden = overview.mappingProblems.length === 0;
      problems.replaceChildren(
        h('p', {}, h('strong', {}, 'Nog niet alles is gekozen.'), ' Zonder deze kolommen kan Tijdig de rijen niet controleren:'),
        h('ul', {}, ...overview.mappingProblems.map((p) => h('li', {}, p))),
      );
    },
  };
}
