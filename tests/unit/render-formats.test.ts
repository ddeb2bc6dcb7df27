/** The format registry loads a renderer once for many files (and again after a failed load); the .txt file is the text made once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleFillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import { FORMAT_INFO, renderFormat, type RenderInput } from '../../src/render/formats.ts';
import { renderText } from '../../src/render/text/index.ts';
import { testTemplate } from '../helpers/template.ts';

afterEach(() => vi.restoreAllMocks());

function input(): RenderInput {
  const filled = fill(testTemplate({ id: 'formaten', kind: 'email', subject: 'Factuur {{factuur.nummer}}', body: 'Beste {{klant.contactpersoon}},\n\nGraag betaling.' }), sampleFillData());
  return { filled, text: renderText(filled), email: null, envelope: 'be', date: new Date('2026-06-15T07:30:00Z'), fonts: () => Promise.reject(new Error('no fonts needed')) };
}

describe('renderFormat', () => {
  it('loads the markdown renderer once for many files, and tries again after a failed load', async () => {
    const real = FORMAT_INFO.md.load;
    const load = vi.spyOn(FORMAT_INFO.md, 'load').mockImplementationOnce(() => Promise.reject(new Error('offline')));
    await expect(renderFormat('md', input())).rejects.toThrow('offline');
    load.mockImplementation(real);
    const files = await Promise.all([1, 2, 3].map(() => renderFormat('md', input())));
    expect(files.every((f) => typeof f === 'string' && f.length > 0)).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('writes the .txt file from the plain text made once for all formats', async () => {
    const made = input();
    expect(made.text).toBe(renderText(made.filled));
    expect(await renderFormat('txt', made)).toBe(made.text);
  });
});
