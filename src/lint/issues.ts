/** Lint findings: a ContentIssue (same format, same formatIssue) with the rule that found it. */
import type { ContentIssue } from '../content/errors.ts';

export const RULES = [
  'gevolg',
  'ingebrekestelling',
  'privacy',
  'beleefdheid',
  'onderwerp-factuurnummer',
  'onderwerp-lengte',
  'toon-uitroepteken',
  'toon-hoofdletters',
  'toon-kosten',
  'toon-workflow',
  'eerste-herinnering-kosten',
  'belscript-klant',
  'verplichte-vermelding',
  'verkeerd-recht',
  'landwoord',
  'spelling',
] as const;
export type RuleId = (typeof RULES)[number];

export interface LintIssue extends ContentIssue {
  rule: RuleId;
}
