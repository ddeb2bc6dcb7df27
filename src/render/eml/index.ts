/** The .eml draft as the format registry loads it: the designed e-mail with its plain-text part. */
import type { RenderInput } from '../formats.ts';
import { buildEml } from './build.ts';

export function renderFile({ email, text, date, from, to, attachments }: RenderInput): string {
  if (!email) throw new Error('alleen een e-mail kan als .eml bewaard worden');
  return buildEml({ subject: email.subject, html: email.html, text, date, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(attachments?.length ? { attachments } : {}) });
}
