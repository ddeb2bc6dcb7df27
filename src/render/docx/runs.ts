/**
 * Model runs -> docx runs. Text always goes into a w:t as text (docx escapes it); the only
 * rewriting is for what XML 1.0 cannot hold at all and for line breaks inside a value.
 */
import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { Run } from '../../model/types.ts';
import { S } from './styles.ts';

/** C0 controls other than tab/newline, lone surrogates and U+FFFE/U+FFFF are not XML characters. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** Only links fill marked as such, and only to schemes a reader expects in a letter. */
export const SAFE_LINK = /^(https:\/\/|mailto:)/i;

/** Whether a run becomes a hyperlink. */
export const isLink = (run: Run): boolean => Boolean(run.href && !run.missing && SAFE_LINK.test(run.href));

function styleOf(run: Run): string | undefined {
  if (run.missing) return run.strong ? S.missingStrong : S.missing;
  return run.strong ? S.strong : undefined;
}

/** One text piece per line of the value; later lines start with a line break. */
function textRuns(text: string, style: string | undefined): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, ...(style ? { style } : {}), ...(i > 0 ? { break: 1 } : {}) }));
}

export function toRuns(runs: readonly Run[]): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    if (isLink(run)) {
      return [new ExternalHyperlink({ link: xmlSafe(run.href!), children: textRuns(run.text, S.link) })];
    }
    return textRuns(run.text, styleOf(run));
  });
}

/** Plain text runs for fixed labels ("Betreft: ", column headers). */
export const label = (text: string): Run => ({ text });
