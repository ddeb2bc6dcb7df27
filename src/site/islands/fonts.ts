/**
 * The PDF renderer's fonts, fetched from this site (never a third party) and shared by every island.
 * First the Latin subsets made at build time (about 54 KiB gzip for both weights); the full fonts
 * (about 740 KiB) only for a document with a character outside them, so nothing the full fonts can
 * draw turns into "?" (render/pdf/latin.ts). Either set is fetched once.
 */
import { latinCovers } from '../../render/pdf/latin.ts';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const loaded = new Map<string, Promise<PdfFonts>>();

function load(suffix: '' | '-Latin'): Promise<PdfFonts> {
  const get = async (name: string) => {
    const response = await fetch(`/fonts/${name}${suffix}.ttf`);
    if (!response.ok) throw new Error(`lettertype ${name}${suffix}.ttf: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  let fonts = loaded.get(suffix);
  if (!fonts) {
    fonts = Promise.all([get('DejaVuSans'), get('DejaVuSans-Bold')]).then(([regular, bold]) => ({ regular, bold }));
    loaded.set(suffix, fonts);
    // A failed fetch is not cached, so the next click tries again.
    fonts.catch(() => loaded.delete(suffix));
  }
  return fonts;
}

/** The fonts for a document whose text (every string it prints) is `texts`. */
export function loadPdfFonts(texts: Iterable<string>): Promise<PdfFonts> {
  return load(latinCovers(texts) ? '-Latin' : '');
}
