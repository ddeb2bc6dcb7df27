/**
 * The print preview (what the PDF and DOCX carry) as an HTML string, built at build time for the
 * page and again in the browser as the user types. Every value goes through escapeHtml: a filled
 * value is text, never markup. Unfilled placeholders show as a highlighted "[pad]".
 */
import type { FilledBlock, FilledDocument, Run } from '../../model/types.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function runs(list: readonly Run[]): string {
  return list
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.missing) html = `<mark class="ph" title="Nog in te vullen">${html}</mark>`;
      else if (run.href) html = `<span class="link">${html}</span>`;
      return run.strong ? `<strong>${html}</strong>` : html;
    })
    .join('');
}

const lines = (list: readonly Run[][]) => list.map((l) => `<span class="line">${runs(l)}</span>`).join('');

function block(b: FilledBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1} class="pp-h">${runs(b.runs)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${runs(item)}</li>`).join('')}</ul>`;
    case 'deadline':
      return `<p class="pp-deadline">${runs(b.runs)}</p>`;
    case 'paymentButton':
      return `<p class="pp-button">${runs(b.label)}: ${b.href ? `<span class="link">${escapeHtml(b.href)}</span>` : `<mark class="ph">[${escapeHtml(b.hrefMissing ?? 'betaling.link')}]</mark>`}</p>`;
    case 'signature':
      return `<p class="pp-signature">${lines(b.lines)}</p>`;
    case 'paymentDetails':
      return `<table class="pp-table pp-pay"><tbody>${b.lines
        .map((l) => `<tr><th scope="row">${escapeHtml(l.label)}</th><td>${runs(l.value)}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'invoiceTable': {
      const head = `<tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr>`;
      const rows = b.rows
        .map((r) => `<tr><td>${runs(r.nummer)}</td><td>${runs(r.datum)}</td><td>${runs(r.vervaldatum)}</td><td class="num">${runs(r.bedrag)}</td><td class="num">${runs(r.openstaand)}</td></tr>`)
        .join('');
      const total = `<tr class="total"><th scope="row" colspan="${b.columns.length - 1}">Totaal openstaand</th><td class="num">${runs(b.total)}</td></tr>`;
      return `<table class="pp-table pp-invoices"><thead>${head}</thead><tbody>${rows}${total}</tbody></table>`;
    }
  }
}

export function printPreviewHtml(doc: FilledDocument): string {
  const body = doc.blocks.map(block).join('');
  if (doc.kind === 'brief') {
    const { letter } = doc;
    return [
      `<div class="pp-letter">`,
      `<p class="pp-sender">${lines(letter.sender)}</p>`,
      `<p class="pp-recipient">${doc.registered ? '<strong class="pp-registered">AANGETEKEND</strong>' : ''}${lines(letter.recipient)}</p>`,
      `<p class="pp-date">${runs(letter.placeAndDate)}</p>`,
      `<p class="pp-reference">${runs(letter.reference)}</p>`,
      `<p class="pp-subject"><strong>Betreft: ${runs(doc.subject)}</strong></p>`,
      body,
      `</div>`,
    ].join('');
  }
  const title = doc.kind === 'email' ? `<p class="pp-subject"><strong>Onderwerp: ${runs(doc.subject)}</strong></p>` : `<h2 class="pp-title">${escapeHtml(doc.title)}</h2>`;
  return `<div class="pp-letter pp-${doc.kind}">${title}${body}</div>`;
}
