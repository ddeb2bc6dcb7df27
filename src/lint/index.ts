/**
 * The content lint (issue 6, part 3): wording, tone, subject and spelling rules on top of the
 * schema and checklist checks of src/content. Pure: the caller loads the content, the source files
 * and the dictionary (scripts/lint-content.ts) and gets every problem back as a LintIssue, printable
 * with formatIssue from src/content/errors.ts.
 */
import type { Content, SourceFile } from '../model/load.ts';
import type { LintIssue } from './issues.ts';
import { checkWorkflowTone, TEMPLATE_RULES, templateUnit } from './rules.ts';
import type { Speller } from './spell.ts';
import { checkSpelling } from './spelling.ts';
import { guideText, templateText } from './text.ts';

export { RULES, type LintIssue, type RuleId } from './issues.ts';
export { createSpeller, parseWordList, type DictionaryData, type Speller, type WordListEntry } from './spell.ts';
export { ACRONYMS, MAX_SUBJECT } from './rules.ts';

export interface LintInput {
  /** Valid content, as loadContent returns it. */
  content: Content;
  /** The source files the content was loaded from: the lint reports their line numbers. */
  files: readonly SourceFile[];
  /** The spell checker; without it the spelling rule is skipped. */
  speller?: Speller;
}

export interface LintResult {
  issues: LintIssue[];
  /** How many words the spell checker looked at. */
  wordsChecked: number;
}

const stem = (path: string) => path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

const lineOf = (issue: LintIssue) => Number(/regel (\d+)/.exec(issue.path)?.[1] ?? 0);

export function lintContent({ content, files, speller }: LintInput): LintResult {
  const issues: LintIssue[] = [];
  let wordsChecked = 0;
  const byStem = (dir: string) => new Map(files.filter((f) => f.path.startsWith(`content/${dir}/`)).map((f) => [stem(f.path), f]));
  const templateFiles = byStem('templates');
  const guideFiles = byStem('guides');
  const workflowFiles = byStem('workflows');

  for (const doc of content.templates) {
    const file = templateFiles.get(doc.id);
    if (!file) continue;
    const lines = templateText(file);
    const unit = templateUnit(file, doc, lines, content.workflows);
    for (const rule of TEMPLATE_RULES) issues.push(...rule(unit));
    if (speller) {
      const result = checkSpelling(file.path, lines, speller);
      issues.push(...result.issues);
      wordsChecked += result.words;
    }
  }
  for (const workflow of content.workflows) {
    issues.push(...checkWorkflowTone(workflowFiles.get(workflow.id)?.path ?? `content/workflows/${workflow.id}.yaml`, workflow));
  }
  if (speller) {
    for (const guide of content.guides) {
      const file = guideFiles.get(guide.slug);
      if (!file) continue;
      const result = checkSpelling(file.path, guideText(file), speller);
      issues.push(...result.issues);
      wordsChecked += result.words;
    }
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || lineOf(a) - lineOf(b));
  return { issues, wordsChecked };
}
