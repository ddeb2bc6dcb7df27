/**
 * The designed Tijdig e-mail (a CompiledEmail from compileEmail: MJML output with slot tokens) as a
 * source for e-mail services: subject, HTML and text with Tijdig placeholders ({{klant.naam}},
 * {{bedrag factuur.openstaand}}) where fillEmail would write values. email-services.ts then turns
 * those into each service's variables (toTargetVariables), so SES, SendGrid, Postmark and Mailgun
 * get the same layout as the site and the pack, not the simple fallback HTML.
 *
 * Blocks whose shape depends on the data (TJBLOCK: the invoice table, an instalment plan, the
 * interest breakdown) cannot be computed by a template engine that only substitutes values. They
 * are rendered once with placeholders instead (placeholderBlock): the invoice table gets one row
 * with the invoice fields; the instalment plan and the interest breakdown become a one-line
 * summary, or nothing when the template's own text already gives those values. What is lost is
 * reported in `notCarried`, in Dutch, for the site and the LEESMIJ.
 *
 * Browser-safe: it reads the compiled JSON and never imports mjml.
 */
import type { Jurisdiction } from '../content/schema.ts';
import { fill } from '../model/fill.ts';
import { slotRun } from '../model/slot.ts';
import type { Block, FilledBlock, Inline, Run, TemplateDoc } from '../model/types.ts';
import { blockHtml } from '../render/html/blocks-html.ts';
import { escapeHtml } from '../render/html/escape.ts';
import { tokenPattern, type SlotContext } from '../render/html/tokens.ts';
import type { CompiledEmail, CompiledSlot } from '../render/html/types.ts';
import type { EmailSource } from './email-services.ts';
import { mappingFor, templateTo } from './mapping.ts';

export interface DesignedEmailSource extends EmailSource {
  /** What the placeholders cannot carry for this template, in Dutch (empty when nothing is lost). */
  notCarried: string[];
}

// ---------------------------------------------------------------- data-shaped blocks

/** Every placeholder path in inline content. */
function pathsIn(content: readonly Inline[], into: Set<string>): void {
  for (const i of content) if (i.type === 'placeholder') into.add(i.path);
}

/** Placeholder paths the template's own text uses (subject, preheader and the text blocks). */
export function statedPaths(doc: Pick<TemplateDoc, 'subject' | 'preheader' | 'blocks'>): Set<string> {
  const paths = new Set<string>();
  pathsIn(doc.subject, paths);
  pathsIn(doc.preheader, paths);
  for (const b of doc.blocks) {
    if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'deadline') pathsIn(b.content, paths);
    else if (b.type === 'list') b.items.forEach((item) => pathsIn(item, paths));
    else if (b.type === 'paymentButton') pathsIn(b.label, paths);
    // The interest breakdown's intro is left out: it goes wherever the breakdown goes.
  }
  return paths;
}

export const NOT_CARRIED = {
  invoiceTable: 'Meer dan één factuur per brief of e-mail: de factuurtabel heeft één rij, met de gegevens van één factuur.',
  installmentPlan:
    'Het afbetalingsplan met de datum en het bedrag van elke termijn: dat berekent Tijdig, niet uw programma. De tekst noemt wel het aantal termijnen, het termijnbedrag en de eerste termijn.',
  interestBreakdown:
    'Het overzicht van de interest per periode: dat berekent Tijdig, niet uw programma. De tekst noemt wel het interestbedrag; dat geeft u zelf mee in het veld kosten_interest.',
} as const;

const text = (value: string): Inline => ({ type: 'text', value });
const placeholder = (path: string, helper?: 'bedrag' | 'datum'): Inline => (helper ? { type: 'placeholder', path, helper } : { type: 'placeholder', path });

/**
 * A data-shaped block as placeholders can carry it. `stated`: the paths the template's own text
 * already uses, so a summary line does not repeat them.
 */
export function placeholderBlock(block: Block, stated: ReadonlySet<string>): { blocks: Block[]; notCarried: string | null } {
  switch (block.type) {
    case 'invoiceTable':
      // fill() with a placeholder hook gives one row of invoice placeholders and the open total.
      return { blocks: [block], notCarried: NOT_CARRIED.invoiceTable };
    case 'installmentPlan': {
      const summary: Block = {
        type: 'list',
        items: [[text('Afbetalingsplan: '), placeholder('afspraak.aantalTermijnen'), text(' termijnen van '), placeholder('berekend.termijnbedrag', 'bedrag'), text(', de eerste uiterlijk op '), placeholder('afspraak.eersteTermijn', 'datum')]],
      };
      const told = ['afspraak.aantalTermijnen', 'berekend.termijnbedrag', 'afspraak.eersteTermijn'].every((p) => stated.has(p));
      return { blocks: told ? [] : [summary], notCarried: NOT_CARRIED.installmentPlan };
    }
    case 'interestBreakdown': {
      // The intro announces a breakdown per period; without the breakdown it would promise too much.
      const summary: Block = { type: 'list', items: [[text('Interest tot de datum van dit bericht: '), placeholder('kosten.interest', 'bedrag')]] };
      return { blocks: stated.has('kosten.interest') ? [] : [summary], notCarried: NOT_CARRIED.interestBreakdown };
    }
    default:
      return { blocks: [block], notCarried: null };
  }
}

/** The template with every data-shaped block replaced by what placeholders can carry. */
export function withPlaceholderBlocks(doc: TemplateDoc): { doc: TemplateDoc; notCarried: string[] } {
  const stated = statedPaths(doc);
  const notCarried = new Set<string>();
  const blocks = doc.blocks.flatMap((b) => {
    const result = placeholderBlock(b, stated);
    if (result.notCarried) notCarried.add(result.notCarried);
    return result.blocks;
  });
  return { doc: { ...doc, blocks }, notCarried: [...notCarried] };
}

// ---------------------------------------------------------------- placeholders

/** A slot in Tijdig's own syntax: the same one templateTo('source') writes. */
export function sourcePlaceholder(slot: CompiledSlot): string {
  mappingFor(slot.path); // unknown paths throw here, not at the provider
  return slot.helper ? `{{${slot.helper} ${slot.path}}}` : `{{${slot.path}}}`;
}

/** What fillEmail writes for each token context, as a placeholder. */
function slotSource(slot: CompiledSlot, context: SlotContext): string {
  switch (context) {
    case 'H':
    case 'T':
    case 'P':
      return sourcePlaceholder(slot);
    case 'A':
      // The service fills the link in; it must be an https URL, which the sender's data guarantees.
      return `{{${slot.path}}}`;
    case 'S':
    case 'E':
      // Around the payment button: a service always gets a link, so the button stays.
      return '';
  }
}

/** Literal braces in the compiled text would start a Handlebars expression: escape them as `\{{`. */
const literal = (s: string) => s.replace(/\{\{/g, '\\{{');

/** The inner HTML of data-shaped blocks, filled with placeholders, the same builder fillEmail uses. */
function blocksSource(compiled: CompiledEmail, blocks: readonly Block[], jurisdiction: Jurisdiction): string {
  const doc: TemplateDoc = { ...compiled.meta, subject: [], preheader: [], blocks: [...blocks] };
  const filled: FilledBlock[] = fill(doc, {}, { jurisdiction, placeholder: slotRun }).blocks;
  const runHtml = (run: Run): string => {
    if (run.slot) return sourcePlaceholder(run.slot);
    // fill() writes a few gaps itself as missing runs: those are placeholders too.
    if (run.missing) return sourcePlaceholder({ path: run.missing });
    return literal(escapeHtml(run.text));
  };
  // Same gap as fillEmail puts between the blocks of one mj-text.
  return filled.map((b) => blockHtml(b, runHtml)).join('<div style="height:16px;line-height:16px;font-size:1px;">&nbsp;</div>');
}

export interface EmailSourceOptions {
  /** Which wording to take when the template fits both countries. Default: the template's, else the compiled fallback. */
  jurisdiction?: Jurisdiction;
}

/**
 * Subject, HTML and text of a compiled e-mail with Tijdig placeholders. `doc` is the template the
 * e-mail was compiled from: the text part and the data-shaped blocks come from it.
 */
export function emailSourceFrom(compiled: CompiledEmail, doc: TemplateDoc, options: EmailSourceOptions = {}): DesignedEmailSource {
  if (compiled.format !== 'tijdig-email/5') throw new Error(`unknown compiled email format ${String(compiled.format)}`);
  if (compiled.meta.id !== doc.id) throw new Error(`compiled email ${compiled.meta.id} does not belong to template ${doc.id}`);
  const jurisdiction: Jurisdiction = doc.jurisdiction ?? options.jurisdiction ?? compiled.fallback;
  const variant = compiled.variants[compiled.byJurisdiction[jurisdiction]];
  if (!variant) throw new Error(`compiled email ${doc.id} has no layout for ${jurisdiction}`);

  const stated = statedPaths(doc);
  const notCarried = new Set<string>();
  const dynamic = variant.blocks.map((block) => {
    const result = placeholderBlock(block, stated);
    if (result.notCarried) notCarried.add(result.notCarried);
    return blocksSource(compiled, result.blocks, jurisdiction);
  });

  const substitute = (template: string, plain: boolean): string => {
    let out = '';
    let last = 0;
    for (const m of template.matchAll(tokenPattern())) {
      out += literal(template.slice(last, m.index));
      last = m.index + m[0].length;
      const [, index, context, block] = m;
      if (block !== undefined) {
        out += plain ? '' : (dynamic[Number(block)] ?? '');
        continue;
      }
      const slot = variant.slots[Number(index)];
      if (!slot) throw new Error(`compiled email ${doc.id}: token ${m[0]} has no slot`);
      out += slotSource(slot, plain ? 'P' : (context as SlotContext));
    }
    return out + literal(template.slice(last));
  };

  const text = templateTo('source', withPlaceholderBlocks(doc).doc, { jurisdiction }).text;
  return { subject: substitute(variant.subject, true).trim(), html: substitute(variant.html, false), text, notCarried: [...notCarried] };
}
