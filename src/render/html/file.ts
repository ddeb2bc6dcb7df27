/**
 * The HTML file as the format registry loads it: the designed e-mail, or for a letter or phone
 * script its plain text wrapped so it opens as a readable web page. Browser-safe (never mjml).
 */
import type { RenderInput } from '../formats.ts';
import { escapeHtml } from './escape.ts';

export function renderFile({ email, filled, text }: RenderInput): string {
  if (email) return email.html;
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(filled.title)}</title></head><body><pre style="font:15px/1.5 sans-serif;white-space:pre-wrap;max-width:44em">${escapeHtml(text)}</pre></body></html>\n`;
}
