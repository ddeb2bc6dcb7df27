/**
 * FilledBlock -> the HTML inside an mj-text. Browser-safe and shared: compile.ts uses it with slot
 * tokens for runs, fill.ts with real values for blocks whose shape depends on the data (the
 * invoice table, an installment plan). One builder, so both kinds of block look the same.
 * Data tables are raw HTML because mj-table only allows role="presentation".
 */
import type { FilledBlock, Run } from '../../model/types.ts';
import { escapeHtml } from './escape.ts';
import { LINK_STYLE, THEME } from './theme.ts';

/** Turns one run into HTML (escaped text, a slot token, a marker); strong is added here. */
export type RunHtml = (run: Run) => string;

export const runsHtml = (runs: Run[], runHtml: RunHtml): string =>
  runs.map((run) => (run.strong ? `<strong>${runHtml(run)}</strong>` : runHtml(run))).join('');

const CELL = 'padding:6px 8px;vertical-align:top;';
const LINE = `border-bottom:1px solid ${THEME.rule};`;
const RIGHT = 'text-align:right;white-space:nowrap;';
const TABLE = 'width="100%" cellpadding="0" cellspacing="0" border="0"';

function invoiceTable(b: Extract<FilledBlock, { type: 'invoiceTable' }>, runHtml: RunHtml): string {
  const numeric = (i: number) => i >= 3;
  const head = b.columns
    .map((c, i) => `<th scope="col" style="${CELL}border-bottom:2px solid ${THEME.rule};text-align:${numeric(i) ? 'right' : 'left'};font-weight:bold;">${escapeHtml(c)}</th>`)
    .join('');
  const keys = ['nummer', 'datum', 'vervaldatum', 'bedrag', 'openstaand'] as const;
  const rows = b.rows
    .map((row) => `<tr>${keys.map((k, i) => `<td data-label="${escapeHtml(b.columns[i] ?? '')}" style="${CELL}${LINE}${numeric(i) ? RIGHT : 'word-break:break-word;'}">${runsHtml(row[k], runHtml)}</td>`).join('')}</tr>`)
    .join('');
  const foot = `<tr><th scope="row" colspan="${b.columns.length - 1}" style="${CELL}text-align:right;font-weight:bold;">${escapeHtml(b.totalLabel)}</th><td style="${CELL}${RIGHT}font-weight:bold;">${runsHtml(b.total, runHtml)}</td></tr>`;
  return (
    `<table role="table" aria-label="Openstaande facturen" class="tj-table tj-invoices" ${TABLE} style="width:100%;border-collapse:collapse;font-size:14px;line-height:20px;">` +
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody><tfoot>${foot}</tfoot></table>`
  );
}

function paymentDetails(b: Extract<FilledBlock, { type: 'paymentDetails' }>, runHtml: RunHtml): string {
  const rows = b.lines
    .map(
      (line) =>
        `<tr><th scope="row" style="padding:4px 16px 4px 0;text-align:left;vertical-align:top;font-weight:normal;color:${THEME.muted};">${escapeHtml(line.label)}</th>` +
        `<td style="padding:4px 0;vertical-align:top;font-weight:bold;word-break:break-word;">${runsHtml(line.value, runHtml)}</td></tr>`,
    )
    .join('');
  return (
    `<table role="table" aria-label="Betaalgegevens" class="tj-table tj-details" ${TABLE} style="width:100%;border-collapse:collapse;background-color:${THEME.details};border:1px solid ${THEME.rule};font-size:15px;line-height:22px;">` +
    `<tbody><tr><td style="padding:12px 16px;"><table role="table" class="tj-pairs" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tbody>${rows}</tbody></table></td></tr></tbody></table>`
  );
}

/** The inner HTML of one block. A button here is only the fallback for a data-shaped block; the
 * template's own ::betaalknop becomes a real mj-button in mjml-source.ts. */
export function blockHtml(b: FilledBlock, runHtml: RunHtml): string {
  switch (b.type) {
    case 'heading': {
      const size = b.level === 2 ? '20px;line-height:28px' : '17px;line-height:24px';
      return `<h${b.level} style="margin:8px 0 0;font-size:${size};font-weight:bold;">${runsHtml(b.runs, runHtml)}</h${b.level}>`;
    }
    case 'paragraph':
      return `<p style="margin:0;">${runsHtml(b.runs, runHtml)}</p>`;
    case 'list':
      return `<ul style="margin:0;padding:0 0 0 24px;">${b.items.map((item) => `<li style="margin:0 0 4px;">${runsHtml(item, runHtml)}</li>`).join('')}</ul>`;
    case 'deadline':
      return `<div class="tj-box" style="background-color:${THEME.box};border-left:4px solid ${THEME.boxBorder};padding:12px 16px;font-weight:bold;">${runsHtml(b.runs, runHtml)}</div>`;
    case 'signature':
      return `<p style="margin:0;">${b.lines.map((line) => runsHtml(line, runHtml)).join('<br>')}</p>`;
    case 'invoiceTable':
      return invoiceTable(b, runHtml);
    case 'paymentDetails':
      return paymentDetails(b, runHtml);
    case 'paymentButton': {
      // Without a usable https link there is nothing to press: the button is left out.
      if (!b.href || !/^https:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(b.href)) return '';
      return `<p style="margin:0;"><a href="${escapeHtml(b.href)}" style="${LINK_STYLE}">${runsHtml(b.label, runHtml)}</a></p>`;
    }
  }
}
