/** Builds a TemplateDoc from source text for renderer tests, failing on any parse issue. */
import { parseBody, parseInline, type ParseIssue } from '../../src/model/parse.ts';
import type { TemplateDoc } from '../../src/model/types.ts';

export interface TestTemplate {
  id: string;
  kind: TemplateDoc['kind'];
  body: string;
  subject?: string;
  preheader?: string;
  extra?: Partial<TemplateDoc>;
}

export function testTemplate({ id, kind, body, subject = '', preheader = '', extra = {} }: TestTemplate): TemplateDoc {
  const issues: ParseIssue[] = [];
  const doc: TemplateDoc = {
    id,
    kind,
    title: `Testsjabloon ${id}`,
    purpose: 'herinnering',
    tone: 'vriendelijk',
    segment: 'algemeen',
    registered: false,
    subject: subject ? parseInline(subject, 'onderwerp', issues) : [],
    preheader: preheader ? parseInline(preheader, 'preheader', issues) : [],
    blocks: parseBody(body, issues),
    ...extra,
  };
  if (issues.length) throw new Error(`test template ${id}: ${JSON.stringify(issues)}`);
  return doc;
}
