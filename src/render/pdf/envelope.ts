/**
 * Where the recipient address sits on the A4 sheet so it shows through a window envelope.
 *
 * Neither Belgium nor the Netherlands has a national window standard we could verify
 * (facts/legal.md §5), so these are documented presets with DIN 5008 as the geometric reference.
 * They are the same numbers as the DOCX renderer's presets (src/render/docx/envelope.ts; a test
 * checks they stay equal), so a letter lands in the same envelope in both formats.
 * All values are millimetres from the top-left corner of the sheet.
 */

export interface AddressWindow {
  label: string;
  /** Left edge and width of the address text. */
  x: number;
  width: number;
  /** Top of the window field, note zone included. */
  top: number;
  /** Note zone at the top of the field ("AANGETEKEND"), filled bottom-up; 0 = nothing but the address in the window. */
  noteHeight: number;
  /** Height of the address zone under the note zone. */
  addressHeight: number;
}

export type EnvelopePreset = 'be' | 'nl';

export const ENVELOPES: Record<EnvelopePreset, AddressWindow> = {
  /**
   * Belgium: right-hand window, address at 115–190 mm across and 55–80 mm down: inside the common
   * right window (110 mm from the left, 85 mm wide), the top 40 mm of a DL envelope free, ≥ 30 mm
   * free under the address for bpost's sorting barcode and ≥ 15 mm to its right. bpost wants
   * nothing but the address in the window, so "AANGETEKEND" is printed in the letter instead.
   */
  be: { label: 'België: venster rechts (110/55 mm), bpost-adreszone', x: 115, width: 75, top: 55, noteHeight: 0, addressHeight: 25 },
  /**
   * Netherlands: DIN 5008 form B, left window (DIN 680 DL window 20 mm from the left); field
   * 20–105 × 45–90 mm, text aligned with the body at 25 mm; the top 17.7 mm is the note zone that
   * carries "AANGETEKEND", the address zone is 62.7–90 mm.
   */
  nl: { label: 'Nederland: DIN 5008 vorm B, venster links', x: 25, width: 80, top: 45, noteHeight: 17.7, addressHeight: 27.3 },
};

/** DIN 5008 form B fold marks (105 and 210 mm) and the hole mark (148.5 mm), from the top. */
export const FOLD_MARKS = [105, 210] as const;
export const HOLE_MARK = 148.5;
