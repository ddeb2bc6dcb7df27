/**
 * A printable overview of one playbook: title, segment, summary, goal and tone, and the timeline
 * as a table (day, channel, tone, step, template) with what to do when the customer reacts.
 */
import type { Channel, Workflow } from '../../content/schema.ts';
import type { Run, TemplateDoc } from '../../model/types.ts';
import { LOCALES } from '../../locale/index.ts';
import { CHANNEL_LABEL, SEGMENT_GROUP_LABEL } from '../../vocabulary/labels.ts';
import { offsetLabel } from '../../vocabulary/naming.ts';
import { CONTENT_WIDTH, GEOMETRY, MARGIN, STYLE, decorateWith } from './document.ts';
import { COLOR, Flow, PdfLayoutError, mm, placeLines, placeTable, type Page, type Row, type TextLayout } from './layout.ts';


const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const runs = (t: string, strong = false): Run[] => [strong ? { text: t, strong } : { text: t }];

export function layoutPlaybook(workflow: Workflow, templates: readonly TemplateDoc[], layout: TextLayout): Page[] {
  if (!workflow.stappen.length) throw new PdfLayoutError(workflow.id, 'het draaiboek heeft geen stappen');
  const flow = new Flow(GEOMETRY);
  const x = MARGIN.left;
  const width = CONTENT_WIDTH;
  const place = (r: Run[], style: (typeof STYLE)[keyof typeof STYLE], gap = 0) => {
    placeLines(flow, layout, layout.wrap(r, style, width), { x, width, style });
    flow.y += gap;
  };
  flow.y = mm(18);
  place(runs(`Draaiboek · ${SEGMENT_GROUP_LABEL[workflow.segment]}`), STYLE.small, 2);
  place(runs(workflow.titel), { ...STYLE.title, size: 17, lh: 21 }, 6);
  place(runs(workflow.samenvatting), STYLE.body, 6);
  place([{ text: 'Doel: ', strong: true }, { text: workflow.doel }], STYLE.body, 2);
  place([{ text: 'Toon: ', strong: true }, { text: workflow.toon }], STYLE.body, 10);
  place(runs('Tijdlijn'), STYLE.h2, 4);
  // Before the table, so the key to "D+13" never ends up alone on a page of its own.
  place(runs('Dagen tellen vanaf de vervaldatum van de factuur: D-3 is drie dagen ervoor, D+13 dertien dagen erna.'), STYLE.small, 6);

  const byId = new Map(templates.map((t) => [t.id, t]));
  const fractions = [0.1, 0.2, 0.15, 0.28, 0.27];
  const columns = fractions.map((f) => ({ width: width * f, align: 'left' as const }));
  const thin = { lw: 0.4, color: COLOR.rule };
  const rows: Row[] = workflow.stappen.flatMap((step): Row[] => {
    const template = byId.get(step.template);
    return [
      {
        cells: [
          { runs: runs(offsetLabel(step.offset), true), from: 0, to: 0 },
          { runs: runs(CHANNEL_LABEL[step.kanaal]), from: 1, to: 1 },
          { runs: runs(capital(step.toon)), from: 2, to: 2 },
          { runs: runs(step.titel), from: 3, to: 3 },
          { runs: template ? [{ text: template.title }] : [{ text: `[${step.template}]`, missing: step.template }], from: 4, to: 4 },
        ],
        style: STYLE.table,
        keepWithNext: true,
      },
      { cells: [{ runs: [{ text: 'Bij reactie: ', strong: true }, { text: step.bijReactie }], from: 1, to: 4 }], style: { ...STYLE.table, size: 8.5, lh: 11, color: COLOR.muted }, rule: thin },
    ];
  });
  placeTable(flow, layout, {
    x,
    columns,
    padX: 4,
    padY: 3,
    header: { cells: ['Dag', 'Kanaal', 'Toon', 'Stap', 'Sjabloon'].map((c, i) => ({ runs: runs(c), from: i, to: i })), style: STYLE.tableHead, fill: COLOR.shade, rule: thin },
    rows,
  });
  // The playbooks are written in Belgian Dutch today; a playbook per locale would pass its own.
  decorateWith(flow.pages, layout, `Tijdig · draaiboek ${workflow.titel}`, workflow.titel, LOCALES['nl-BE'].labels);
  return flow.pages;
}
