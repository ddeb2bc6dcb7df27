/**
 * Template body (a small Markdown subset with Handlebars placeholders and `::` directives) -> model.
 * Placeholders are parsed by Handlebars' own parser, so every template stays valid Handlebars for
 * the tools we export to; anything beyond `{{pad}}` and `{{helper pad}}` is refused.
 */
import { inlinesOf } from './walk.ts';
import Handlebars from 'handlebars';
import { FORMAT_HELPERS, type FormatHelper } from '../content/schema.ts';
import type { Block, Directive, Inline } from './types.ts';

export interface ParseIssue {
  /** Where in the template, e.g. "body line 12" or "onderwerp". */
  where: string;
  message: string;
  hint: string;
}

type HbsNode = { type: string; [key: string]: unknown };

const DIRECTIVES: readonly Directive[] = ['factuurtabel', 'betaalgegevens', 'betaalknop', 'termijn', 'handtekening', 'afbetalingsplan', 'interestoverzicht'];

/** Parses one line of inline text: `**bold**` and placeholders. */
export function parseInline(source: string, where: string, issues: ParseIssue[]): Inline[] {
  let program: { body: HbsNode[] };
  try {
    program = Handlebars.parse(source) as unknown as { body: HbsNode[] };
  } catch (error) {
    const detail = String((error as Error).message).split('\n').slice(-1)[0] ?? '';
    issues.push({ where, message: `ongeldige placeholder-syntaxis (${detail.trim()})`, hint: 'schrijf placeholders als {{klant.naam}} of {{bedrag factuur.openstaand}}' });
    return [{ type: 'text', value: source }];
  }
  const tokens: Inline[] = [];
  for (const node of program.body) {
    if (node.type === 'ContentStatement') {
      tokens.push({ type: 'text', value: String(node['original'] ?? node['value']) });
    } else if (node.type === 'MustacheStatement') {
      const placeholder = toPlaceholder(node, where, issues);
      if (placeholder) tokens.push(placeholder);
    } else {
      issues.push({ where, message: `niet toegelaten in een sjabloon: ${node.type === 'BlockStatement' ? 'een blok {{#…}}' : node.type === 'PartialStatement' ? 'een partial {{>…}}' : node.type}`, hint: 'gebruik alleen {{pad}} of {{helper pad}}; logica hoort in de code, niet in de tekst' });
    }
  }
  return applyStrong(tokens, where, issues);
}

function toPlaceholder(node: HbsNode, where: string, issues: ParseIssue[]): Inline | null {
  const path = node['path'] as HbsNode & { original?: string };
  const params = (node['params'] as HbsNode[] | undefined) ?? [];
  const hash = node['hash'] as { pairs?: unknown[] } | undefined;
  if (node['escaped'] === false || (hash?.pairs?.length ?? 0) > 0 || path.type !== 'PathExpression') {
    issues.push({ where, message: `placeholder ${JSON.stringify(path.original ?? '?')} heeft een vorm die Tijdig niet kent`, hint: 'gebruik {{pad}} of {{helper pad}}, zonder {{{ }}} of opties' });
    return null;
  }
  if (params.length === 0) return { type: 'placeholder', path: String(path.original) };
  const param = params[0] as HbsNode & { original?: string };
  const helper = String(path.original);
  if (params.length > 1 || param.type !== 'PathExpression' || !(helper in FORMAT_HELPERS)) {
    issues.push({ where, message: `onbekende helper "${helper}"`, hint: `gebruik ${Object.keys(FORMAT_HELPERS).map((h) => `{{${h} pad}}`).join(' of ')}` });
    return null;
  }
  return { type: 'placeholder', path: String(param.original), helper: helper as FormatHelper };
}

/** Splits text on `**` and marks what lies between as strong; placeholders inherit the mark. */
function applyStrong(tokens: Inline[], where: string, issues: ParseIssue[]): Inline[] {
  const out: Inline[] = [];
  let strong = false;
  for (const token of tokens) {
    if (token.type === 'placeholder') {
      out.push(strong ? { ...token, strong } : token);
      continue;
    }
    token.value.split('**').forEach((part, i) => {
      if (i > 0) strong = !strong;
      if (part) out.push(strong ? { type: 'text', value: part, strong } : { type: 'text', value: part });
    });
  }
  if (strong) issues.push({ where, message: 'vetgedrukte tekst wordt niet afgesloten', hint: 'zet ** voor en na de vette woorden' });
  return out;
}

/** Parses the template body into blocks. Line numbers in issues count from the first body line. */
export function parseBody(body: string, issues: ParseIssue[], lineOffset = 0): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let paragraphLine = 0;
  let list: Inline[][] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' '), `regel ${paragraphLine}`, issues) });
    paragraph = [];
    if (list) blocks.push({ type: 'list', items: list });
    list = null;
  };
  body.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const where = `regel ${index + 1 + lineOffset}`;
    if (!line) return flush();
    const heading = /^(#{2,3})\s+(.+)$/.exec(line);
    const item = /^[-*]\s+(.+)$/.exec(line);
    const directive = /^::([a-z]+)(?:\s+(.*))?$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length as 2 | 3, content: parseInline(heading[2]!, where, issues) });
    } else if (item) {
      if (paragraph.length) flush();
      (list ??= []).push(parseInline(item[1]!, where, issues));
    } else if (directive) {
      flush();
      const block = parseDirective(directive[1]!, directive[2]?.trim() ?? '', where, issues);
      if (block) blocks.push(block);
    } else if (/^#/.test(line)) {
      issues.push({ where, message: 'een kop moet met ## of ### beginnen', hint: 'de titel komt uit de frontmatter; gebruik ## voor een tussenkop' });
    } else {
      if (list) flush();
      if (!paragraph.length) paragraphLine = index + 1 + lineOffset;
      paragraph.push(line);
    }
  });
  flush();
  return blocks;
}

function parseDirective(name: string, rest: string, where: string, issues: ParseIssue[]): Block | null {
  if (!(DIRECTIVES as readonly string[]).includes(name)) {
    issues.push({ where, message: `onbekende directive "::${name}"`, hint: `kies uit ${DIRECTIVES.map((d) => `::${d}`).join(', ')}` });
    return null;
  }
  const needsText = name === 'betaalknop' || name === 'termijn';
  if (needsText && !rest) {
    issues.push({ where, message: `::${name} heeft tekst nodig op dezelfde regel`, hint: name === 'termijn' ? 'bv. ::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.' : 'bv. ::betaalknop Nu betalen' });
    return null;
  }
  switch (name as Directive) {
    case 'factuurtabel':
      return { type: 'invoiceTable' };
    case 'betaalgegevens':
      if (rest === 'saldo' || rest === 'termijn') return { type: 'paymentDetails', withCosts: false, amount: rest };
      if (rest && rest !== 'met-kosten') {
        issues.push({ where, message: `::betaalgegevens kent de opties "met-kosten", "saldo" en "termijn", niet "${rest}"`, hint: 'schrijf ::betaalgegevens, ::betaalgegevens met-kosten, ::betaalgegevens saldo of ::betaalgegevens termijn' });
      }
      return { type: 'paymentDetails', withCosts: rest === 'met-kosten' };
    case 'betaalknop':
      return { type: 'paymentButton', label: parseInline(rest, where, issues) };
    case 'termijn':
      return { type: 'deadline', content: parseInline(rest, where, issues) };
    case 'handtekening':
      return { type: 'signature' };
    case 'afbetalingsplan':
      return { type: 'installmentPlan' };
    case 'interestoverzicht':
      return { type: 'interestBreakdown', intro: rest ? parseInline(rest, where, issues) : [] };
  }
}

/** Every placeholder path used in a list of blocks and inline texts. */
export function placeholdersIn(blocks: Block[], ...inlines: Inline[][]): Set<string> {
  const found = new Set<string>();
  for (const content of [...inlines, ...blocks.flatMap(inlinesOf)]) for (const i of content) if (i.type === 'placeholder') found.add(i.path);
  return found;
}
