/**
 * The original invoice PDFs beside a customer's reminder (from reconcile: the PDF embedded in the
 * UBL file). Only a file that really starts like a PDF goes along; anything else gets a note, so a
 * customer never receives a broken or foreign "PDF". Pure and browser-safe.
 */
import { slugify } from '../vocabulary/naming.ts';

export interface InvoicePdf {
  /** The file name the invoice gave it. */
  naam: string;
  bytes: Uint8Array;
}

export interface ReminderAttachment {
  /** Name in the e-mail and in the zip: "factuur-<number>.pdf". */
  name: string;
  mime: 'application/pdf';
  bytes: Uint8Array;
}

/** "%PDF-" in the first 1024 bytes, where readers look for it. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** The PDFs of these invoices, in their order, with a Dutch note per file left out. */
export function invoiceAttachments(numbers: readonly string[], pdfs: ReadonlyMap<string, InvoicePdf> | undefined): { files: ReminderAttachment[]; notes: string[] } {
  const files: ReminderAttachment[] = [];
  const notes: string[] = [];
  if (!pdfs?.size) return { files, notes };
  const used = new Set<string>();
  for (const nummer of numbers) {
    const pdf = pdfs.get(nummer);
    if (!pdf) continue;
    if (!isPdf(pdf.bytes)) {
      notes.push(`de bijlage "${pdf.naam}" van factuur ${nummer} is geen PDF en is niet meegestuurd`);
      continue;
    }
    let name = `factuur-${slugify(nummer) || 'zonder-nummer'}.pdf`;
    for (let n = 2; used.has(name); n++) name = `factuur-${slugify(nummer) || 'zonder-nummer'}-${n}.pdf`;
    used.add(name);
    files.push({ name, mime: 'application/pdf', bytes: pdf.bytes });
  }
  return { files, notes };
}
