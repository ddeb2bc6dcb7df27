/**
 * A template rendered for another tool: subject, preheader, plain text and a simple HTML fragment
 * in which every placeholder is written by an Emitter in the target's own syntax.
 *
 * Why through fill(): its `placeholder` hook gives the same blocks, labels and jurisdiction wording
 * as every other format, with each placeholder as a typed slot run (slotRun). So the
 * directives (invoice table, payment details, signature) carry their implied placeholders too.
 */
import type { Jurisdiction } from '../content/schema.ts';
import { fill } from '../model/fill.ts';
import { slotRun } from '../model/slot.ts';
import type { FilledBlock, Run, Slot, TemplateDoc } from '../model/types.ts';

export type { Slot } from '../model/types.ts';

export type SlotContext = 'subject' | 'text' | 'html';

/** Writes literal text and placeholders for one target. Literal input is raw text, never markup. */
export interface Emitter {
  literal(text: string, context: SlotContext): string;
  value(slot: Slot, context: SlotContext): string;
  /** The href attribute(s) of a link to the slot's value, or null when the target has no such value. */
  link(slot: Slot): string | null;
}

export interface Rendered {
  subject: string;
  preheader: string;
  text: string;
  /** A fragment (no <html>/<body>): blocks as <p>, <h2>, <ul>, <table>. */
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderDoc(doc: TemplateDoc, emit: Emitter, jurisdiction?: Jurisdiction): Rendered {
  const filled = fill(doc, {}, { ...(jurisdiction ? { jurisdiction } : {}), placeholder: slotRun });
  // fill() writes a few gaps itself (the instalment plan) as runs with `missing`: those are slots too.
  const slotOf = (run: Run): Slot | null => run.slot ?? (run.missing ? { path: run.missing } : null);
  const text = (runs: Run[], context: 'subject' | 'text' = 'text') =>
    runs.map((run) => {
      const slot = slotOf(run);
      return slot ? emit.value(slot, context) : emit.literal(run.text, context);
    }).join('');
  const html = (runs: Run[]) =>
    runs.map((run) => {
      const slot = slotOf(run);
      const inner = slot ? emit.value(slot, 'html') : emit.literal(run.text, 'html');
      return run.strong ? `<strong>${inner}</strong>` : inner;
    }).join('');
  const label = (s: string, context: SlotContext) => emit.literal(s, context);
  const link: Slot = { path: 'betaling.link' };

  const textBlock = (block: FilledBlock): string => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
      case 'deadline':
        return text(block.runs);
      case 'list':
        return block.items.map((item) => `- ${text(item)}`).join('\n');
      case 'invoiceTable': {
        const rows = block.rows.map((row) =>
          [row.nummer, row.datum, row.vervaldatum, row.bedrag, row.openstaand].map((cell, i) => `${label(block.columns[i] ?? '', 'text')}: ${text(cell)}`).join('\n'),
        );
        return [...rows, `${label('Totaal openstaand', 'text')}: ${text(block.total)}`].join('\n\n');
      }
      case 'paymentDetails':
        return block.lines.map((line) => `${label(line.label, 'text')}: ${text(line.value)}`).join('\n');
      case 'paymentButton':
        return `${text(block.label)}: ${emit.value(link, 'text')}`;
      case 'signature':
        return block.lines.map((line) => text(line)).join('\n');
    }
  };

  const htmlBlock = (block: FilledBlock): string => {
    switch (block.type) {
      case 'heading':
        return `<h${block.level}>${html(block.runs)}</h${block.level}>`;
      case 'paragraph':
        return `<p>${html(block.runs)}</p>`;
      case 'deadline':
        return `<p><strong>${html(block.runs)}</strong></p>`;
      case 'list':
        return `<ul>\n${block.items.map((item) => `<li>${html(item)}</li>`).join('\n')}\n</ul>`;
      case 'invoiceTable': {
        const head = block.columns.map((c) => `<th align="left">${label(c, 'html')}</th>`).join('');
        const rows = block.rows.map((row) => `<tr>${[row.nummer, row.datum, row.vervaldatum, row.bedrag, row.openstaand].map((cell) => `<td>${html(cell)}</td>`).join('')}</tr>`);
        const total = `<tr><th align="left" colspan="${block.columns.length - 1}">${label('Totaal openstaand', 'html')}</th><td><strong>${html(block.total)}</strong></td></tr>`;
        return `<table cellpadding="4" cellspacing="0" border="1" style="border-collapse: collapse;">\n<tr>${head}</tr>\n${rows.join('\n')}\n${total}\n</table>`;
      }
      case 'paymentDetails':
        return `<table cellpadding="4" cellspacing="0" border="0">\n${block.lines.map((line) => `<tr><th align="left">${label(line.label, 'html')}</th><td>${html(line.value)}</td></tr>`).join('\n')}\n</table>`;
      case 'paymentButton': {
        const href = emit.link(link);
        // No link value in the target: say where to pay in words instead of a dead button.
        return href ? `<p><a ${href}><strong>${html(block.label)}</strong></a></p>` : `<p>${html(block.label)}: ${emit.value(link, 'html')}</p>`;
      }
      case 'signature':
        return `<p>${block.lines.map((line) => html(line)).join('<br />\n')}</p>`;
    }
  };

  return {
    subject: text(filled.subject, 'subject'),
    preheader: text(filled.preheader, 'subject'),
    text: filled.blocks.map(textBlock).join('\n\n') + '\n',
    html: filled.blocks.map(htmlBlock).join('\n') + '\n',
  };
}
