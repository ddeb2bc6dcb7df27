/**
 * The browser's letter frame (src/site/lib/prebuilt-frame.mjs, parsed at build time) is the frame
 * the real module parses, so a letter filled on a template page reads as the pack's.
 */
import { describe, expect, it } from 'vitest';
import { FRAMES } from '../../src/model/frame.ts';
import { frameModuleSource } from '../../src/site/lib/prebuilt-frame.mjs';

async function standIn(): Promise<{ FRAMES: unknown; FRAME_PARSE_ISSUES: unknown }> {
  const url = `data:text/javascript;base64,${Buffer.from(await frameModuleSource()).toString('base64')}`;
  return (await import(/* @vite-ignore */ url)) as { FRAMES: unknown; FRAME_PARSE_ISSUES: unknown };
}

describe('letter frame parsed at build time', () => {
  it('equals the frame the real module parses, for every locale', async () => {
    const built = await standIn();
    expect(built.FRAMES).toEqual(FRAMES);
    expect(built.FRAME_PARSE_ISSUES).toEqual([]);
  });

  it('holds placeholders as parsed parts, not Handlebars text to parse again', async () => {
    const { FRAMES: built } = (await standIn()) as { FRAMES: typeof FRAMES };
    expect(built['nl-BE'].placeAndDate).toEqual([
      { type: 'placeholder', path: 'afzender.gemeente' },
      { type: 'text', value: ', ' },
      { type: 'placeholder', path: 'data.verzending', helper: 'datum' },
    ]);
    expect(JSON.stringify(built)).not.toContain('{{');
  });

  it('ships no parser: the module imports nothing', async () => {
    expect(await frameModuleSource()).not.toMatch(/\bimport\b/);
  });
});
