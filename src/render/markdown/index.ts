/**
 * FilledDocument -> Markdown (CommonMark with a GFM table for invoices), for a wiki, helpdesk or
 * notes app. Browser-safe. Every value is text: Markdown's punctuation is backslash-escaped, so a
 * customer called "*Jan_[x]*" stays those characters and never becomes emphasis or a link.
 */
import type { FilledBlock, FilledDocument, Run } from '../../model/types.ts';
import { mapBlock, type BlockHandlers } from '../../model/walk.ts';
import type { RenderInput } from '../formats.ts';

/** CommonMark lets any ASCII punctuation be escaped; these are the ones that can start markup. */
export const escapeMarkdown = (text: string): string =>
  text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`);

/** Emphasis must hug its text ("**a**", not "** a**"), so edge spaces go outside the markers. */
function run(r: Run): string {
  const text = escapeMarkdown(r.text);
  if (!r.strong || !text.trim()) return text;
  const [, before, inner, after] = /^(\s*)(.*?)(\s*)$/.exec(text)!;
  return `${before}**${inner}**${after}`;
}

const inline = (runs: readonly Run[]): string => runs.map(run).join('').trim();
/** Lines of one paragraph, kept apart by a hard line break (backslash at the end). */
const lines = (rows: readonly (readonly Run[])[]): string => rows.map(inline).filter(Boolean).join('\\\n');
const cell = (runs: readonly Run[]): string => inline(runs) || ' ';
const safeUrl = (href: string | undefined): string | null => (href && /^https:\/\/[^\s<>\u0000-\u001f\u007f]+$/i.test(href) ? href : null);

const MARKDOWN: BlockHandlers<FilledBlock, string> = {
  heading: (b) => `${'#'.repeat(b.level)} ${inline(b.runs)}`,
  paragraph: (b) => inline(b.runs),
  list: (b) => b.items.map((item) => `- ${inline(item)}`).join('\n'),
  deadline: (b) => `> **${inline(b.runs)}**`,
  signature: (b) => lines(b.lines),
  invoiceTable: (b) => {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const numeric = (i: number) => i >= b.columns.length - 2;
    return [
      row(b.columns.map(escapeMarkdown)),
      row(b.columns.map((_, i) => (numeric(i) ? '---:' : '---'))),
      ...b.rows.map((r) => row([r.nummer, r.datum, r.vervaldatum, r.bedrag, r.openstaand].map(cell))),
      row([`**${escapeMarkdown(b.totalLabel)}**`, ...b.columns.slice(2).map(() => ' '), `**${cell(b.total)}**`]),
    ].join('\n');
  },
  paymentDetails: (b) => b.lines.map((l) => `**${escapeMarkdown(l.label)}:** ${inline(l.value)}`).join('\\\n'),
  paymentButton: (b) => {
    const href = safeUrl(b.href);
    return href ? `[${inline(b.label)}](<${href}>)` : `${inline(b.label)}: \\[${escapeMarkdown(b.hrefMissing ?? 'betaling.link')}\\]`;
  },
};

function frame(doc: FilledDocument): string[] {
  if (doc.kind === 'email') return [`# ${inline(doc.subject)}`];
  if (doc.kind === 'belscript') return [`# ${escapeMarkdown(doc.title)}`];
  return [
    ...(doc.registered ? [`**${escapeMarkdown(doc.labels.registered)}**`] : []),
    lines(doc.letter.sender),
    lines(doc.letter.recipient),
    inline(doc.letter.placeAndDate),
    inline(doc.letter.reference),
    `**${escapeMarkdown(doc.labels.subject)}:** ${inline(doc.subject)}`,
  ];
}

export function renderMarkdown(doc: FilledDocument): string {
  const parts = [...frame(doc), ...doc.blocks.map((b) => mapBlock(b, MARKDOWN))].filter((p) => p.trim());
  return `${parts.join('\n\n')}\n`;
}

/** The Markdown renderer as the format registry loads it. */
export const renderFile = (input: RenderInput): string => renderMarkdown(input.filled);
