/**
 * Build time: template model -> MJML -> HTML, once per wording, with slots where the values go.
 * Uses fill()'s `placeholder` hook, so the compiled layout is what fill() produces for any data.
 * Node only (imports mjml); the browser uses fill.ts on the result.
 */
import mjml2html from 'mjml';
import type { FillData, Jurisdiction } from '../../content/schema.ts';
import { fill, type PlaceholderRef } from '../../model/fill.ts';
import { slotRun } from '../../model/slot.ts';
import type { Block, Run, Slot, TemplateDoc } from '../../model/types.ts';
import { fillEmail, type FilledEmail } from './fill.ts';
import { toMjml, type BodyPart } from './mjml-source.ts';
import { slotToken, tokenPattern, type SlotContext } from './tokens.ts';
import type { CompiledEmail, CompiledMeta, CompiledSlot, CompiledVariant } from './types.ts';

export type { CompiledEmail, CompiledMeta, CompiledSlot, CompiledVariant } from './types.ts';

export interface CompileOptions {
  /** Used when neither the template nor the data fixes the jurisdiction. Default 'be', as in fill(). */
  jurisdiction?: Jurisdiction;
}

/**
 * Blocks whose filled form has the same shape whatever the data, so values can go in slots. Any
 * other block (the invoice table, installment plan, interest breakdown, and directives added
 * later) is rendered when filling, by fill() itself.
 */
const SLOTTED_BLOCKS: ReadonlySet<Block['type']> = new Set(['heading', 'paragraph', 'list', 'deadline', 'signature', 'paymentDetails', 'paymentButton']);
// Payment details with costs name the interest by customer type (NL: handelsrente or wettelijke rente).
const slotted = (b: Block): boolean => SLOTTED_BLOCKS.has(b.type) && !(b.type === 'paymentDetails' && b.withCosts);

interface MjmlError {
  formattedMessage?: string;
  message?: string;
}

export function compiledMeta(doc: TemplateDoc): CompiledMeta {
  const { subject: _s, preheader: _p, blocks: _b, ...meta } = doc;
  return meta;
}

export async function compileEmail(doc: TemplateDoc, options: CompileOptions = {}): Promise<CompiledEmail> {
  // fill() takes the jurisdiction from the template, else the data, else the option, and the wording
  // (payment-detail labels) follows it. So compile each possible wording once; fillEmail chooses.
  const be = await compileVariant(doc, 'be');
  const nl = doc.jurisdiction === 'be' ? be : await compileVariant(doc, 'nl');
  const variants = JSON.stringify(be) === JSON.stringify(nl) ? [be] : [be, nl];
  return { format: 'tijdig-email/5', meta: compiledMeta(doc), fallback: options.jurisdiction ?? 'be', variants, byJurisdiction: { be: 0, nl: variants.length - 1 } };
}

async function compileVariant(doc: TemplateDoc, jurisdiction: Jurisdiction): Promise<CompiledVariant> {
  const slots: CompiledSlot[] = [];
  const indexOf = new Map<Slot, number>();
  // Each placeholder becomes a typed slot run; its index is the order fill() asked for it.
  const placeholder = (ref: PlaceholderRef): Run => {
    const run = slotRun(ref);
    indexOf.set(run.slot!, slots.push(run.slot!) - 1);
    return run;
  };
  const data: FillData = { dossier: { jurisdictie: jurisdiction } };
  const run = (blocks: Block[]) => fill({ ...doc, blocks }, data, { jurisdiction, placeholder });
  // One fill() per block: a block may fill into several blocks (or none), so outputs are kept per source block.
  const dynamic: Block[] = [];
  const body: BodyPart[] = doc.blocks.map((b) => (slotted(b) ? { blocks: run([b]).blocks } : { dynamic: dynamic.push(b) - 1 }));

  let source: ReturnType<typeof toMjml>;
  try {
    source = toMjml(run([]), body, (slot) => indexOf.get(slot));
  } catch (error) {
    throw new Error(`template ${doc.id}: ${(error as Error).message}`, { cause: error });
  }
  let result: { html: string; errors: MjmlError[] };
  try {
    result = await mjml2html(source.mjml, { validationLevel: 'strict', fonts: {}, keepComments: false });
  } catch (error) {
    const details = ((error as { errors?: MjmlError[] }).errors ?? []).map((e) => e.formattedMessage ?? e.message).join('; ');
    throw new Error(`template ${doc.id}: MJML strict validation failed: ${details || (error as Error).message}`, { cause: error });
  }
  if (result.errors.length) throw new Error(`template ${doc.id}: MJML reported ${result.errors.length} error(s): ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  return prune({ subject: source.subject, preheader: source.preheader, html: result.html, blocks: dynamic, slots });
}

/** fill() asks for every frame placeholder even in an email; keep only the slots the output uses. */
function prune(compiled: CompiledVariant): CompiledVariant {
  const used = new Map<number, number>();
  const scan = `${compiled.subject}\n${compiled.preheader}\n${compiled.html}`;
  for (const m of scan.matchAll(tokenPattern())) if (m[1] !== undefined && !used.has(Number(m[1]))) used.set(Number(m[1]), used.size);
  const order = [...used.keys()].sort((a, b) => a - b);
  order.forEach((old, i) => used.set(old, i));
  const renumber = (s: string) => s.replace(tokenPattern(), (match, index: string | undefined, context: SlotContext | undefined) => (index === undefined || context === undefined ? match : slotToken(used.get(Number(index))!, context)));
  return {
    subject: renumber(compiled.subject),
    preheader: renumber(compiled.preheader),
    html: renumber(compiled.html),
    blocks: compiled.blocks,
    slots: order.map((old) => compiled.slots[old]!),
  };
}

const cache = new WeakMap<TemplateDoc, Map<string, Promise<CompiledEmail>>>();

/** Node convenience: compile (memoised per doc object and jurisdiction) and fill. */
export async function renderEmailHtml(doc: TemplateDoc, data: FillData, options: CompileOptions = {}): Promise<FilledEmail> {
  const perDoc = cache.get(doc) ?? new Map<string, Promise<CompiledEmail>>();
  cache.set(doc, perDoc);
  const key = options.jurisdiction ?? '';
  let compiled = perDoc.get(key);
  if (!compiled) {
    compiled = compileEmail(doc, options);
    perDoc.set(key, compiled);
    compiled.catch(() => perDoc.delete(key));
  }
  return fillEmail(await compiled, data);
}
