/**
 * Continuation header: from page 2 on, a line that says whose document this is and which page,
 * so a loose second sheet can be matched to its first (the first page stays clean).
 */
import { Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { FilledDocument, Run } from '../../model/types.ts';
import { label, toRuns } from './runs.ts';
import { S } from './styles.ts';

function identity(doc: FilledDocument): Run[] {
  const sep = label(' · ');
  if (doc.kind === 'brief') return [...(doc.letter.sender[0] ?? []).map((r) => ({ ...r, strong: false })), sep, ...doc.subject];
  if (doc.kind === 'email' && doc.subject.length) return doc.subject;
  return [label(doc.title)];
}

export function continuationHeaders(doc: FilledDocument): { first: Header; default: Header } {
  return {
    first: new Header({ children: [new Paragraph({})] }),
    default: new Header({
      children: [
        new Paragraph({
          style: S.header,
          children: [...toRuns(identity(doc)), new TextRun({ children: [' · pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] })],
        }),
      ],
    }),
  };
}
