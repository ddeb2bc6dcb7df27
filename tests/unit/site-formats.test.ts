/**
 * One format registry everywhere: what a template page offers for download, the timeline's zip and
 * bulk mode's defaults all come from src/render/formats.ts. A format added there for a kind of
 * template shows up as a button on every page of that kind, with the registry's label.
 */
import { describe, expect, it } from 'vitest';
import type { TemplateKind } from '../../src/content/schema.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { FORMAT_INFO, FORMATS, FORMATS_FOR_CHANNEL, FORMATS_FOR_KIND, formatLabel, formatsInWords, formatsOffered } from '../../src/render/formats.ts';
import { templatePage } from '../../src/site/lib/template-page.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content does not load');
const { templates } = loaded.content;
const KINDS: TemplateKind[] = ['email', 'brief', 'belscript'];

describe('template pages offer every registry format of their kind', () => {
  for (const kind of KINDS) {
    it(`a ${kind} page offers each format the registry lists for ${kind}, defaults first`, async () => {
      const doc = templates.find((t) => t.kind === kind && !t.variantOf);
      if (!doc) throw new Error(`no ${kind} template in the content`);
      const page = await templatePage(doc, templates);
      const fitting = FORMATS.filter((f) => FORMAT_INFO[f].kinds.includes(kind));
      expect([...page.data.formats].sort()).toEqual([...fitting].sort());
      expect(page.data.formats.slice(0, FORMATS_FOR_KIND[kind].length)).toEqual(FORMATS_FOR_KIND[kind]);
      // The Markdown export is in the registry for every kind, so every page offers it.
      expect(page.data.formats).toContain('md');
    });
  }

  it('an .eml is offered only where a designed e-mail exists', () => {
    expect(formatsOffered('email')).toContain('eml');
    expect(formatsOffered('brief')).not.toContain('eml');
    expect(formatsOffered('belscript')).not.toContain('eml');
  });

  it('the defaults of every kind and channel are formats that fit it', () => {
    for (const kind of KINDS) for (const f of FORMATS_FOR_KIND[kind]) expect(FORMAT_INFO[f].kinds).toContain(kind);
    expect(FORMATS_FOR_CHANNEL.email).toEqual(FORMATS_FOR_KIND.email);
  });
});

describe('format names from the registry', () => {
  it('buttons name the format and its extension', () => {
    expect(FORMATS.map(formatLabel)).toEqual(['Webpagina (.html)', 'Tekst (.txt)', 'E-mail (.eml)', 'Word (.docx)', 'PDF (.pdf)', 'Markdown (.md)']);
  });

  it('a list of formats reads as Dutch', () => {
    expect(formatsInWords(['eml', 'html', 'txt'])).toBe('.eml, .html en .txt');
    expect(formatsInWords(['pdf'])).toBe('.pdf');
    expect(formatsInWords([])).toBe('');
  });
});
