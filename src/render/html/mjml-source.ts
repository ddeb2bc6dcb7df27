/**
 * FilledDocument (with slot markers instead of values) -> MJML source. Pure string building: static
 * template text is escaped here, values are never seen (they arrive later, in fill.ts).
 */
import type { FilledBlock, FilledDocument, Run, Slot } from '../../model/types.ts';
import { blockHtml, runsHtml } from './blocks-html.ts';
import { escapeHtml } from './escape.ts';
import { THEME } from './theme.ts';
import { blockToken, looksLikeToken, slotToken, type SlotContext } from './tokens.ts';

/** The index of a slot (from a slot run) in the variant's slots. */
export type SlotOf = (slot: Slot) => number | undefined;
/** One template block: its filled output (with slots), or the index of a block filled later. */
export type BodyPart = { blocks: FilledBlock[] } | { dynamic: number };

export interface MjmlSource {
  mjml: string;
  subject: string;
  preheader: string;
}

function staticText(text: string): string {
  if (looksLikeToken(text)) throw new Error(`template text contains a reserved marker: ${JSON.stringify(text.slice(0, 40))}`);
  return text;
}

/** A run as HTML in a slot context: template text escaped, a slot as its token. */
const runIn = (slotOf: SlotOf, context: SlotContext) => (run: Run): string => {
  const slot = run.slot && slotOf(run.slot);
  return slot === undefined ? escapeHtml(staticText(run.text)) : slotToken(slot, context);
};

/** Runs without markup (title, preheader, aria-label): strong has no meaning there. */
const flat = (runs: Run[], slotOf: SlotOf, context: SlotContext) => runs.map(runIn(slotOf, context)).join('');

/** Runs as plain text with slot tokens (subject and preheader strings). */
const plain = (runs: Run[], slotOf: SlotOf) =>
  runs.map((run) => { const slot = run.slot && slotOf(run.slot); return slot === undefined ? staticText(run.text) : slotToken(slot, 'P'); }).join('');

const text = (html: string) => `<mj-text css-class="tj-text">${html}</mj-text>`;

function block(b: FilledBlock, slotOf: SlotOf): string {
  if (b.type !== 'paymentButton') return text(blockHtml(b, runIn(slotOf, 'H')));
  // The link is always a slot in the compiled form; the button stands between that slot's S and E
  // tokens, so filling leaves it out when the link is missing or no https URL.
  const link = b.hrefSlot ? slotOf(b.hrefSlot) : undefined;
  if (link === undefined) return '';
  return `<mj-raw>${slotToken(link, 'S')}</mj-raw><mj-button href="${slotToken(link, 'A')}" rel="noopener">${runsHtml(b.label, runIn(slotOf, 'H'))}</mj-button><mj-raw>${slotToken(link, 'E')}</mj-raw>`;
}

function letterFrame(doc: FilledDocument, slotOf: SlotOf): string {
  const html = runIn(slotOf, 'H');
  const lines = (rows: Run[][]) => rows.map((r) => runsHtml(r, html)).join('<br>');
  const small = (inner: string) => text(`<p style="margin:0;font-size:14px;line-height:20px;">${inner}</p>`);
  const registered = doc.registered ? text(`<p style="margin:0;font-weight:bold;letter-spacing:2px;">${escapeHtml(doc.labels.registered)}</p>`) : '';
  return (
    `<mj-section css-class="tj-card" background-color="${THEME.card}" padding="24px 0 8px">` +
    `<mj-column>${registered}${small(lines(doc.letter.sender))}</mj-column>` +
    `<mj-column>${small(lines(doc.letter.recipient))}</mj-column></mj-section>` +
    `<mj-section css-class="tj-card" background-color="${THEME.card}" padding="8px 0 0"><mj-column>` +
    small(runsHtml(doc.letter.placeAndDate, html)) +
    small(runsHtml(doc.letter.reference, html)) +
    text(`<p style="margin:0;font-weight:bold;">${escapeHtml(doc.labels.subject)}: ${runsHtml(doc.subject, html)}</p>`) +
    `</mj-column></mj-section>`
  );
}

const DARK_CSS = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  body, .tj-body { background-color: ${THEME.dark.page} !important; }
  .tj-card, .tj-card > table, .tj-card > table > tbody > tr > td { background-color: ${THEME.dark.card} !important; }
  .tj-text div, .tj-text p, .tj-text li, .tj-text h1, .tj-text h2, .tj-text h3, .tj-text th, .tj-text td, .tj-text strong { color: ${THEME.dark.text} !important; }
  .tj-details th { color: ${THEME.dark.muted} !important; }
  .tj-details { background-color: ${THEME.dark.details} !important; }
  .tj-box { background-color: ${THEME.dark.box} !important; border-color: ${THEME.dark.boxBorder} !important; }
  .tj-text a { color: ${THEME.dark.link} !important; }
  .tj-text .tj-missing, .tj-missing { background-color: ${THEME.missing} !important; color: ${THEME.missingText} !important; }
}
@media only screen and (max-width: 479px) {
  .tj-invoices thead { display: none !important; }
  .tj-invoices tr, .tj-invoices td, .tj-invoices th { display: block !important; width: auto !important; text-align: left !important; }
  .tj-invoices td[data-label]:before { content: attr(data-label) ": "; font-weight: bold; }
  .tj-invoices tbody tr { padding: 8px 0 !important; border-bottom: 1px solid ${THEME.rule} !important; }
  .tj-invoices td { border-bottom: 0 !important; padding: 2px 0 !important; }
  .tj-invoices tfoot tr { padding: 8px 0 0 !important; }
  .tj-invoices tfoot th, .tj-invoices tfoot td { display: inline !important; padding: 0 !important; }
  .tj-invoices tfoot th:after { content: ": "; }
  .tj-pairs th, .tj-pairs td { display: block !important; padding: 0 !important; }
  .tj-pairs td { padding-bottom: 8px !important; }
}`;

/** Builds the whole MJML document from the frame (subject, preheader, letter) and the body parts.
 * Belscripts show their title; letters get their frame. */
export function toMjml(doc: FilledDocument, parts: BodyPart[], slotOf: SlotOf): MjmlSource {
  const subject = flat(doc.subject, slotOf, 'T');
  const preheader = flat(doc.preheader, slotOf, 'T');
  const title = doc.kind === 'belscript' ? text(`<h1 style="margin:0;font-size:24px;line-height:32px;font-weight:bold;">${escapeHtml(doc.title)}</h1>`) : '';
  const body = parts.map((part) => ('dynamic' in part ? text(blockToken(part.dynamic)) : part.blocks.map((b) => block(b, slotOf)).join('\n'))).join('\n');
  // Invisible filler after the preheader keeps clients from pulling body text into the inbox preview.
  const filler = '&#847;&zwnj;&nbsp;'.repeat(40);
  const mjml = `<mjml lang="nl" dir="ltr">
<mj-head>
<mj-title>${subject || escapeHtml(doc.title)}</mj-title>
<mj-preview>${preheader}${preheader ? filler : ''}</mj-preview>
<mj-breakpoint width="480px" />
<mj-attributes>
<mj-all font-family="${THEME.font}" />
<mj-text font-size="16px" line-height="24px" color="${THEME.text}" padding="0 24px 16px 24px" />
<mj-button background-color="${THEME.button}" color="${THEME.buttonText}" font-size="16px" font-weight="bold" line-height="20px" inner-padding="14px 28px" border-radius="6px" align="left" padding="4px 24px 20px 24px" />
</mj-attributes>
<mj-raw><meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" /></mj-raw>
<mj-style>${DARK_CSS}</mj-style>
</mj-head>
<mj-body background-color="${THEME.page}" width="600px" css-class="tj-body">
${doc.kind === 'brief' ? letterFrame(doc, slotOf) : ''}
<mj-section css-class="tj-card" background-color="${THEME.card}" padding="${doc.kind === 'brief' ? '8px' : '32px'} 0 16px">
<mj-column>
${title}
${body}
</mj-column>
</mj-section>
</mj-body>
</mjml>`;
  return { mjml, subject: plain(doc.subject, slotOf), preheader: plain(doc.preheader, slotOf) };
}
