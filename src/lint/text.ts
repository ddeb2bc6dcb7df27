/**
 * The visible text of templates and guides, line by line with the file's own line numbers, and the
 * words in it. Placeholders, directives, URLs, e-mail addresses, domain names and code never reach
 * the rules or the spell checker.
 */
import type { SourceFile } from '../model/load.ts';

/** Stands in for a placeholder: not a letter, so it separates words and is never spell-checked. */
export const SLOT = '\uE000';

export interface TextLine {
  /** 1-based line number in the source file. */
  line: number;
  /** Where the text comes from: "titel", "onderwerp", "preheader", "beschrijving" or "tekst". */
  field: string;
  /** The text with placeholders replaced by SLOT and Markdown marks removed. */
  text: string;
}

export interface Word {
  word: string;
  line: number;
  field: string;
}

/** Directives whose rest of line is an option, not text (::betaalgegevens met-kosten). */
const OPTION_DIRECTIVES = new Set(['betaalgegevens']);
const FRONTMATTER_TEXT = new Set(['titel', 'onderwerp', 'preheader', 'beschrijving']);

const stripPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}/g, SLOT);

/** Removes URLs, e-mail addresses, bare domain names (lawbase.be) and identifiers like ECLI:NL:HR:2016:2704. */
export function stripAddresses(text: string): string {
  return text
    .replace(/\b[A-Z]{2,}(?::[A-Za-z0-9.]+){2,}/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)[^\s)>\]]*/gi, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:be|nl|eu|com|org|net|info|io|de|fr|lu|uk|gov)\b(?:\/\S*)?/giu, ' ');
}

function splitFrontmatter(text: string): { front: string[]; body: string[]; bodyStart: number } {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') return { front: [], body: lines, bodyStart: 1 };
  const close = lines.indexOf('---', 1);
  if (close < 0) return { front: [], body: lines, bodyStart: 1 };
  return { front: lines.slice(1, close), body: lines.slice(close + 1), bodyStart: close + 2 };
}

/** One-line YAML scalar: `key: "value"` or `key: value`; multi-line values keep their first line. */
function yamlScalar(raw: string): string {
  const value = raw.trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (!quoted) return value.replace(/\s+#.*$/, '');
  return quoted[1] === "'" ? quoted[2]!.replace(/''/g, "'") : quoted[2]!.replace(/\\"/g, '"');
}

function frontmatterText(front: string[]): TextLine[] {
  const out: TextLine[] = [];
  front.forEach((raw, i) => {
    const m = /^([a-z]+):\s*(.*)$/.exec(raw);
    if (!m || !FRONTMATTER_TEXT.has(m[1]!)) return;
    let value = m[2]!;
    // Folded or literal blocks (`>-`, `|`): the indented lines that follow.
    if (/^[>|][-+]?$/.test(value.trim())) {
      const more: string[] = [];
      for (let j = i + 1; j < front.length && /^\s+\S/.test(front[j]!); j++) more.push(front[j]!.trim());
      value = more.join(' ');
    } else value = yamlScalar(value);
    out.push({ line: i + 2, field: m[1]!, text: stripPlaceholders(value) });
  });
  return out;
}

/** The visible text of a template: titel, onderwerp and preheader, then the body line by line. */
export function templateText(file: SourceFile): TextLine[] {
  const { front, body, bodyStart } = splitFrontmatter(file.text);
  const out = frontmatterText(front);
  body.forEach((raw, i) => {
    let line = raw.trim();
    if (!line) return;
    const directive = /^::([a-z]+)(?:\s+(.*))?$/.exec(line);
    if (directive) {
      // The rest of ::betaalknop, ::termijn and ::interestoverzicht is shown to the customer.
      if (OPTION_DIRECTIVES.has(directive[1]!) || !directive[2]) return;
      line = directive[2];
    }
    line = line.replace(/^#{1,6}\s+/, '').replace(/^[-*]\s+/, '').replace(/\*\*/g, '');
    out.push({ line: bodyStart + i, field: 'tekst', text: stripPlaceholders(line) });
  });
  return out;
}

/** The visible text of a guide: titel and beschrijving, then the Markdown body without code. */
export function guideText(file: SourceFile): TextLine[] {
  const { front, body, bodyStart } = splitFrontmatter(file.text);
  const out = frontmatterText(front);
  let fence: string | null = null;
  body.forEach((raw, i) => {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1]![0]!;
      else if (fenceMark[1]![0] === fence) fence = null;
      return;
    }
    if (fence !== null || /^( {4}|\t)/.test(raw)) return; // fenced or indented code
    const text = raw
      .replace(/`[^`]*`/g, ' ') // inline code
      .replace(/<!--.*?-->/g, ' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: keep the text
      .replace(/<[^>\s]+>/g, ' ') // autolinks and tags
      .replace(/^\s*(?:#{1,6}|>|[-*+]|\d+[.)])\s+/, '')
      .replace(/\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '')
      .replace(/\|/g, ' ');
    if (text.trim()) out.push({ line: bodyStart + i, field: 'tekst', text: stripPlaceholders(text) });
  });
  return out;
}

/**
 * Joins lines into plain text for phrase rules: consecutive lines (one paragraph, as the template
 * parser joins them) with a space, separate paragraphs with a line break.
 */
export function joined(lines: readonly TextLine[]): string {
  return lines.map((l, i) => (i === 0 ? '' : l.line === lines[i - 1]!.line + 1 ? ' ' : '\n') + l.text).join('');
}

const TOKEN = /[\p{L}\p{N}'’]+(?:[-./][\p{L}\p{N}'’]+)*-?/gu;

/** The word-like tokens of each line, URLs and addresses removed. */
export function wordsIn(lines: readonly TextLine[]): (Word & { next: string })[] {
  const out: (Word & { next: string })[] = [];
  for (const l of lines) {
    const text = stripAddresses(l.text);
    for (const m of text.matchAll(TOKEN)) {
      out.push({ word: m[0], line: l.line, field: l.field, next: text[m.index + m[0].length] ?? '' });
    }
  }
  return out;
}
