/**
 * Where the recipient address sits on an A4 sheet so it shows through a window envelope.
 *
 * Neither Belgium nor the Netherlands has a national window standard we could verify
 * (bpost, NBN and NEN material searched), so these are documented presets, DIN 5008 being the geometric reference.
 * All measures are millimetres from the top-left corner of the sheet.
 */

export interface AddressWindow {
  /** Short description, kept in this module's docs and shown in test output. */
  label: string;
  /** Left edge of the address text. */
  x: number;
  /** Width of the address text zone. */
  width: number;
  /** Top of the window field (note zone included). */
  top: number;
  /** Height reserved at the top of the field for postal notes ("AANGETEKEND"); 0 = none in the window. */
  noteHeight: number;
  /** Height of the address zone itself, under the note zone. */
  addressHeight: number;
}

export type EnvelopePreset = 'be' | 'nl';

export const PAGE = { width: 210, height: 297, top: 20, right: 20, bottom: 20, left: 25 } as const;

export const ENVELOPES = {
  /**
   * Belgium: right-hand window, address text at 115–190 mm across and 55–80 mm down.
   * - Horizontally inside the common right window (110 mm from the left, 85 mm wide).
   * - Vertically inside that window (55–88 mm) and within bpost's rules on a DL envelope (110 mm
   *   high): the top 40 mm stays free, at least 30 mm stays free under the address for the sorting
   *   barcode (110 − 80), and at least 15 mm to its right (210 − 195).
   * - bpost wants nothing but the address in the window, so "AANGETEKEND" goes in the letter body.
   */
  be: { label: 'België: venster rechts (110/55 mm), bpost-adreszone', x: 115, width: 75, top: 55, noteHeight: 0, addressHeight: 25 },
  /**
   * Netherlands: DIN 5008 form B, left window (DIN 680 DL window 20 mm from the left).
   * Field 20–105 mm × 45–90 mm; text aligned at 25 mm like the letter body; the top 17.7 mm is the
   * note zone ("Zusatz- und Vermerkzone", filled bottom-up) and holds "AANGETEKEND"; the address
   * zone is 62.7–90 mm.
   */
  nl: { label: 'Nederland: DIN 5008 vorm B, venster links', x: 25, width: 80, top: 45, noteHeight: 17.7, addressHeight: 27.3 },
} as const satisfies Record<EnvelopePreset, AddressWindow>;

/** DIN 5008 form B fold marks (105 and 210 mm) and the hole mark (148.5 mm), from the top. */
export const FOLD_MARKS = [105, 210] as const;
export const HOLE_MARK = 148.5;

/** Rejects a custom window that falls outside the printable area or above the first line. */
export function checkWindow(w: AddressWindow): AddressWindow {
  const fits =
    w.x >= PAGE.left && w.x + w.width <= PAGE.width - PAGE.right + 0.01 && w.top > PAGE.top && w.addressHeight > 0 && w.noteHeight >= 0;
  if (!fits) throw new RangeError(`adresvenster valt buiten de bladspiegel (${PAGE.left}–${PAGE.width - PAGE.right} mm, onder ${PAGE.top} mm): ${JSON.stringify(w)}`);
  return w;
}
