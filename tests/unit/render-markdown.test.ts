/**
 * The Markdown export, made through the format registry (the recipe's proof: a renderer plus one
 * registry line) and read back with a real CommonMark/GFM parser (marked).
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import type { FilledDocument } from '../../src/model/types.ts';
import { documentRuns, runsOf } from '../../src/model/walk.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { FORMAT_INFO, renderFormat } from '../../src/render/formats.ts';
import { renderText } from '../../src/render/text/index.ts';
import { testTemplate } from '../helpers/template.ts';

const email = testTemplate({
  id: 'test-email',
  kind: 'email',
  subject: 'Factuur {{factuur.nummer}}',
  body: `Beste {{klant.contactpersoon}},\n\nFactuur **{{factuur.nummer}}** staat nog open.\n\n- punt voor {{klant.naam}}\n\n## Wat u nu doet\n\n::factuurtabel\n::betaalgegevens met-kosten\n::betaalknop Nu online betalen\n::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.\n::handtekening`,
});
const letter = testTemplate({ id: 'test-brief', kind: 'brief', subject: 'Herinnering {{factuur.nummer}}', body: 'Geachte {{klant.contactpersoon}},\n\n::factuurtabel\n::handtekening', extra: { registered: true } });

const fonts = () => Promise.reject(new Error('Markdown needs no fonts'));
const markdown = async (filled: FilledDocument) => {
  const out = await renderFormat('md', { filled, text: renderText(filled), email: null, envelope: filled.jurisdiction, date: new Date(0), fonts });
  expect(typeof out).toBe('string');
  return out as string;
};

/** The parsed HTML as the words a reader sees. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const hostile = (): FillData => {
  const data = sampleFillData();
  data.klant = { ...data.klant!, naam: '*Jan_[x](javascript:alert(1))* <img src=x> # 1. | ~~', contactpersoon: '**Els** `code` & co' };
  data.betaling = { ...data.betaling, link: 'https://betaal.example/f?id=1&x=2' };
  return data;
};

describe('Markdown export', () => {
  it('is one registry entry with its own extension and MIME type', () => {
    expect(FORMAT_INFO.md.extension).toBe('md');
    expect(FORMAT_INFO.md.mime).toMatch(/^text\/markdown/);
  });

  it('keeps typed values as text: no emphasis, link, image or HTML comes from a customer name', async () => {
    const md = await markdown(fill(email, hostile()));
    const html = await marked.parse(md, { gfm: true });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<code>');
    const text = visible(html);
    expect(text).toContain('*Jan_[x](javascript:alert(1))* <img src=x> # 1. | ~~');
    expect(text).toContain('Beste **Els** `code` & co,');
  });

  it('writes the invoice table as a GFM table and the payment button as a link', async () => {
    const filled = fill(email, hostile());
    const tokens = marked.lexer(await markdown(filled), { gfm: true });
    const table = tokens.find((t) => t.type === 'table') as { header: { text: string }[]; rows: { text: string }[][] } | undefined;
    const block = filled.blocks.find((b) => b.type === 'invoiceTable')!;
    if (block.type !== 'invoiceTable') throw new Error('no invoice table');
    expect(table?.header.map((h) => h.text)).toEqual([...block.columns]);
    expect(table?.rows).toHaveLength(block.rows.length + 1);
    expect(visible(await marked.parseInline(table?.rows.at(-1)?.at(-1)?.text ?? ''))).toBe(squash(block.total.map((r) => r.text).join('')));
    const html = await marked.parse(await markdown(filled), { gfm: true });
    expect(html).toContain('<a href="https://betaal.example/f?id=1&amp;x=2">Nu online betalen</a>');
    expect(html).toMatch(/<h1>Factuur /);
  });

  it('gives a letter its frame: registered mark, sender, recipient and subject line', async () => {
    const filled = fill(letter, sampleFillData());
    const text = visible(await marked.parse(await markdown(filled), { gfm: true }));
    expect(text).toContain(filled.labels.registered);
    for (const line of [...filled.letter.sender, ...filled.letter.recipient]) expect(text).toContain(squash(line.map((r) => r.text).join('')));
    expect(text).toContain(`${filled.labels.subject}: Herinnering ${sampleFillData().factuur!.nummer}`);
  });

  it('prints every run of every template in the content, read back through the parser', async () => {
    const content = readContent(process.cwd());
    if (!content.ok) throw new Error('content does not load');
    expect(content.content.templates.length).toBeGreaterThan(10);
    for (const doc of content.content.templates) {
      const filled = fill(doc, sampleFillData());
      const text = visible(await marked.parse(await markdown(filled), { gfm: true }));
      // A letter prints its frame; an e-mail or phone script its blocks (the subject is the e-mail's heading).
      for (const runs of filled.kind === 'brief' ? documentRuns(filled) : [filled.subject, ...filled.blocks.flatMap(runsOf)]) {
        const line = squash(runs.map((r) => r.text).join(''));
        if (line) expect(text, `${doc.id}: ${line}`).toContain(line);
      }
    }
  });
});
