/**
 * Browser-safe: fills a CompiledEmail with data by one-pass token substitution. Values are resolved
 * by the model's own fill() (same formatValue/compute as every other format) and escaped for HTML;
 * a value can never add markup, and a value that looks like a token is not substituted again.
 */
import type { FillData } from '../../content/schema.ts';
import { fill, resolveFill, type FillOptions, type Resolved } from '../../model/fill.ts';
import type { Block, FilledBlock, Run, TemplateDoc } from '../../model/types.ts';
import { blockHtml } from './blocks-html.ts';
import { escapeHtml, isolateBidi } from './escape.ts';
import { LINK_STYLE, missingMarker } from './theme.ts';
import { linkRegionPattern, tokenPattern, type SlotContext } from './tokens.ts';
import type { CompiledEmail, CompiledVariant } from './types.ts';

export type { CompiledEmail } from './types.ts';

export interface FilledEmail {
  subject: string;
  preheader: string;
  html: string;
}

/** A document for fill() with the template's own fields, so fill time sees what compile time saw. */
const stub = (compiled: CompiledEmail, blocks: Block[]): TemplateDoc => ({ ...compiled.meta, subject: [], preheader: [], blocks });

/** Resolves every slot and data-shaped block through fill() itself: one paragraph holding all slots, then each block. */
function resolve(compiled: CompiledEmail, variant: CompiledVariant, data: FillData, options: FillOptions): { values: Run[]; blocks: FilledBlock[][] } {
  const slots: Block = { type: 'paragraph', content: variant.slots.map((s) => (s.helper ? { type: 'placeholder', path: s.path, helper: s.helper } : { type: 'placeholder', path: s.path })) };
  const [paragraph] = fill(stub(compiled, [slots]), data, options).blocks;
  return {
    values: paragraph?.type === 'paragraph' ? paragraph.runs : [],
    blocks: variant.blocks.map((b) => fill(stub(compiled, [b]), data, options).blocks),
  };
}

const BLOCK_GAP = '<div style="height:16px;line-height:16px;font-size:1px;">&nbsp;</div>';

/** Only an https URL without whitespace or control characters may become an href. */
function safeHref(run: Run | undefined): string {
  const href = run?.href;
  return href && /^https:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(href) ? escapeHtml(href) : '#';
}

/** A value as HTML text: escaped, bidi-isolated, the marker when missing, a link for e-mail addresses. */
function runHtml(run: Run, path?: string): string {
  if (run.missing) return missingMarker(escapeHtml(run.text));
  const text = escapeHtml(isolateBidi(run.text));
  // mailto for e-mail values; the payment link is the one web link the email may carry.
  const linkable = run.href && (run.href.startsWith('mailto:') || (path === 'betaling.link' && safeHref(run) !== '#'));
  return linkable ? `<a href="${escapeHtml(run.href!)}" class="tj-link" style="${LINK_STYLE}">${text}</a>` : text;
}

function render(run: Run | undefined, path: string, context: SlotContext): string {
  const value = run ?? { text: `[${path}]`, missing: path };
  switch (context) {
    case 'H':
      return runHtml(value, path);
    case 'T':
      return escapeHtml(isolateBidi(value.text));
    case 'A':
      return safeHref(value);
    case 'S':
    case 'E':
      return '';
    case 'P':
      return isolateBidi(value.text.replace(/\s+/g, ' '));
  }
}

/**
 * `resolved`: the case and figures of a fill of the same data (FilledDocument; the text and letter
 * formats fill it anyway), reused as they are; without it they are resolved here, once per e-mail.
 */
export function fillEmail(compiled: CompiledEmail, data: FillData, resolved?: Resolved): FilledEmail {
  if (compiled.format !== 'tijdig-email/5') throw new Error(`unknown compiled email format ${String(compiled.format)}`);
  // fill() decides the case (the template's country, else the data's, else the fallback); the wording follows it.
  const once = resolved ?? resolveFill(compiled.meta, data, { jurisdiction: compiled.fallback });
  const variant = compiled.variants[compiled.byJurisdiction[once.jurisdiction]];
  if (!variant) throw new Error(`compiled email ${compiled.meta.id} has no layout for ${once.jurisdiction}`);
  const { values, blocks } = resolve(compiled, variant, data, { jurisdiction: compiled.fallback, resolved: once });
  // A part that needs a usable link (the payment button) goes when the link is missing or no https URL.
  const withLinks = (template: string) =>
    template.replace(linkRegionPattern(), (_match, index: string, inner: string) => {
      const value = values[Number(index)];
      return value && !value.missing && safeHref(value) !== '#' ? inner : '';
    });
  const substitute = (template: string, plain: boolean) =>
    withLinks(template).replace(tokenPattern(), (_match, index: string | undefined, context: SlotContext | undefined, block: string | undefined) => {
      if (block !== undefined) {
        const filled = plain ? [] : (blocks[Number(block)] ?? []);
        // One mj-text holds them all, so the gap mj-text puts between blocks is added here.
        return filled.map((b) => blockHtml(b, (run) => runHtml(run))).join(BLOCK_GAP);
      }
      const i = Number(index);
      return render(values[i], variant.slots[i]?.path ?? '?', plain ? 'P' : (context ?? 'T'));
    });
  return { subject: substitute(variant.subject, true).trim(), preheader: substitute(variant.preheader, true).trim(), html: substitute(variant.html, false) };
}
