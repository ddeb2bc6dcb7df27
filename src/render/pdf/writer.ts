/**
 * A small PDF file writer: numbered objects written as text, binary streams, a classic xref
 * table and trailer (PDF 32000-1 §7.5). It replaces pdf-lib, of which the renderer used only
 * this much: pdf-lib was ~190 KiB (gzip) of the browser's first PDF download and a sixth of a
 * letter's time, building an object tree that was serialised straight away.
 */
const encoder = new TextEncoder();
const HEADER = new Uint8Array([...encoder.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);

export class PdfWriter {
  private readonly chunks: Uint8Array[] = [HEADER];
  private length = HEADER.length;
  /** Byte offset of each object by number; 0 until written. */
  private readonly offsets: number[] = [0];

  /** Reserves an object number, for objects that refer to one another before both are written. */
  ref(): number {
    this.offsets.push(0);
    return this.offsets.length - 1;
  }

  /** Writes a dictionary, array or other value (PDF syntax, ASCII) as object `ref`. */
  object(body: string, ref = this.ref()): number {
    this.offsets[ref] = this.length;
    this.text(`${ref} 0 obj\n${body}\nendobj\n`);
    return ref;
  }

  /** Writes a stream object; `dict` holds the entries besides /Length (e.g. "/Filter /FlateDecode"). */
  stream(dict: string, data: Uint8Array, ref = this.ref()): number {
    this.offsets[ref] = this.length;
    this.text(`${ref} 0 obj\n<< ${dict ? `${dict} ` : ''}/Length ${data.length} >>\nstream\n`);
    this.bytes(data);
    this.text('\nendstream\nendobj\n');
    return ref;
  }

  /** The whole file, with the cross-reference table and a trailer naming the catalog and info dictionary. */
  finish(root: number, info: number): Uint8Array {
    const missing = this.offsets.findIndex((offset, i) => i > 0 && offset === 0);
    if (missing > 0) throw new Error(`PDF: object ${missing} is referred to but never written`);
    const start = this.length;
    const size = this.offsets.length;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let i = 1; i < size; i++) xref += `${String(this.offsets[i]).padStart(10, '0')} 00000 n \n`;
    this.text(`${xref}trailer\n<< /Size ${size} /Root ${root} 0 R /Info ${info} 0 R >>\nstartxref\n${start}\n%%EOF\n`);
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private text(s: string): void {
    this.bytes(encoder.encode(s));
  }

  private bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
}

export const ref = (n: number) => `${n} 0 R`;

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A text string (PDF 32000-1 §7.9.2.2): UTF-16BE with its byte order mark, written as hex. */
export function textString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    hex += HEX[c >> 8]! + HEX[c & 0xff]!;
  }
  return `${hex}>`;
}

/** A byte string of printable ASCII, escaped as a literal; anything else as a text string. */
export function asciiString(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? `(${text.replace(/[()\\]/g, '\\$&')})` : textString(text);
}

/** A date (PDF 32000-1 §7.9.4) in UTC: (D:YYYYMMDDHHmmSSZ). */
export function dateString(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `(D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`;
}

/** A number in PDF syntax: at most 3 decimals, no exponent, no "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  if (Object.is(r, -0) || r === 0) return '0';
  return String(r);
}
