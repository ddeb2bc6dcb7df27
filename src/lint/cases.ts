/**
 * Lint per legal case: the mentions a text must carry (or must not) for the cases it claims, and
 * words of one country's Dutch in a text for the other country. The rules and word lists are data
 * (vermeldingen.json, landwoorden.json); this file only reads them.
 */
import type { LegalCase } from '../jurisdiction/ids.ts';
import { casesOf } from '../model/variants.ts';
import type { LintIssue } from './issues.ts';
import type { TemplateUnit } from './rules.ts';
import type { TextLine } from './text.ts';
import WORDS from './landwoorden.json' with { type: 'json' };
import MENTIONS from './vermeldingen.json' with { type: 'json' };

interface Mention {
  wat: string;
  een: string[];
  tip: string;
  behalve?: string[];
}
export interface MentionRule {
  id: string;
  titel: string;
  bron: string;
  gevallen: LegalCase[];
  doelen?: string[];
  als?: string[];
  nodig?: Mention[];
  verboden?: Mention[];
}
export interface CountryWord {
  woord: string;
  anders: string;
}

export const MENTION_RULES = MENTIONS.regels as MentionRule[];
export const COUNTRY_WORDS = { be: WORDS.be, nl: WORDS.nl } as Record<'be' | 'nl', CountryWord[]>;

/** The visible text a customer reads: subject, preheader and body (not the internal title). */
const readLines = (u: TemplateUnit) => u.lines.filter((l) => l.field !== 'titel');
const where = (l: TextLine) => (l.field === 'tekst' ? `regel ${l.line}` : `${l.field} (regel ${l.line})`);

/** The first place an item occurs: a placeholder, a directive or a pattern on the visible text. */
function locate(u: TemplateUnit, item: string): string | null {
  const placeholder = /^\{\{(.+)\}\}$/.exec(item);
  if (placeholder) {
    const p = u.placeholders.find((x) => x.path === placeholder[1]);
    return p ? `regel ${p.line}` : null;
  }
  if (item.startsWith('::')) {
    const d = u.directives.find((x) => x.name === item.slice(2));
    return d ? `regel ${d.line}` : null;
  }
  const pattern = /^\/(.+)\/$/.exec(item);
  if (!pattern) throw new Error(`vermeldingen.json: "${item}" is geen {{pad}}, ::directive of /patroon/`);
  const re = new RegExp(pattern[1]!, 'iu');
  const line = readLines(u).find((l) => re.test(l.text));
  return line ? where(line) : null;
}

export function appliesTo(rule: MentionRule, u: TemplateUnit): LegalCase[] {
  const cases = casesOf(u.doc).filter((c) => rule.gevallen.includes(c));
  if (!cases.length) return [];
  if (rule.doelen && !rule.doelen.includes(u.doc.purpose)) return [];
  if (rule.als && !rule.als.some((item) => locate(u, item) !== null)) return [];
  return cases;
}

/** Mandatory and forbidden mentions per (case, purpose), from vermeldingen.json. */
export function checkMentions(u: TemplateUnit, rules: readonly MentionRule[] = MENTION_RULES): LintIssue[] {
  const issues: LintIssue[] = [];
  for (const rule of rules) {
    const cases = appliesTo(rule, u);
    if (!cases.length) continue;
    for (const m of rule.nodig ?? []) {
      if (m.behalve?.includes(u.doc.kind)) continue;
      if (m.een.some((item) => locate(u, item) !== null)) continue;
      issues.push({ rule: 'verplichte-vermelding', file: u.file, path: 'tekst', message: `${rule.titel} (${cases.join(', ')}): vermeldt niet ${m.wat}`, hint: `${m.tip}. Bron: ${rule.bron}` });
    }
    for (const m of rule.verboden ?? []) {
      for (const item of m.een) {
        const at = locate(u, item);
        if (at) issues.push({ rule: 'verkeerd-recht', file: u.file, path: at, message: `${rule.titel} (${cases.join(', ')}): noemt ${m.wat}`, hint: `${m.tip}. Bron: ${rule.bron}` });
      }
    }
  }
  return issues;
}

const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?:'s|s|en|e)?(?![\\p{L}\\p{N}])`, 'iu');
const PATTERNS = new Map<string, RegExp>();

/** Belgian-only words in a text for a Dutch case, and Dutch-only words in a text for a Belgian case. */
export function checkCountryWords(u: TemplateUnit, words: Record<'be' | 'nl', readonly CountryWord[]> = COUNTRY_WORDS): LintIssue[] {
  const countries = new Set(casesOf(u.doc).map((c) => c.slice(0, 2) as 'be' | 'nl'));
  const issues: LintIssue[] = [];
  for (const country of countries) {
    const other = country === 'be' ? 'nl' : 'be';
    const reader = country === 'be' ? 'een Belgische' : 'een Nederlandse';
    for (const w of words[other]) {
      let re = PATTERNS.get(w.woord);
      if (!re) PATTERNS.set(w.woord, (re = wordPattern(w.woord)));
      for (const l of readLines(u)) {
        const m = re.exec(l.text);
        if (!m) continue;
        issues.push({
          rule: 'landwoord',
          file: u.file,
          path: where(l),
          message: `"${m[0]}" is ${other === 'be' ? 'Belgisch' : 'Nederlands'} taalgebruik en leest vreemd voor ${reader} klant`,
          hint: `schrijf ${w.anders}, of haal de ${country === 'be' ? 'Belgische' : 'Nederlandse'} gevallen uit gevallen: en maak een variant`,
        });
      }
    }
  }
  return issues;
}
