/** The PDF renderer's font, fetched once from this site (never a third party) and shared by every island. */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

let fonts: Promise<PdfFonts> | undefined;

export function loadPdfFonts(): Promise<PdfFonts> {
  const get = async (name: string) => {
    const response = await fetch(`/fonts/${name}`);
    if (!response.ok) throw new Error(`lettertype ${name}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  fonts ??= Promise.all([get('DejaVuSans.ttf'), get('DejaVuSans-Bold.ttf')]).then(([regular, bold]) => ({ regular, bold }));
  // A failed fetch is not cached, so the next click tries again.
  fonts.catch(() => (fonts = undefined));
  return fonts;
}
