/**
 * The bulk zip in memory with fflate (the page's run; the command line streams to a file instead):
 * entries in the order added, text deflated at level 6, every entry dated `mtime`. Its own module,
 * so a zip worker can write the same bytes without loading the run.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * A file's content: bytes, text, or text in pieces made as they are read (the overview files of a
 * large run, so the whole text never sits in memory at once).
 */
export type ZipData = Uint8Array | string | Iterable<string>;

export class ZipWriter {
  readonly files: string[] = [];
  private readonly chunks: Uint8Array[] = [];
  private error: Error | null = null;
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.error = error;
    else this.chunks.push(chunk);
  });
  private readonly mtime: Date;
  /** Local-time fields are what a zip stores, so build the date from local fields: the same in every time zone. */
  constructor(mtime: Date) {
    this.mtime = mtime;
  }

  add(name: string, data: ZipData, compress: boolean): void {
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    file.mtime = this.mtime;
    this.zip.add(file);
    if (typeof data === 'string') file.push(strToU8(data), true);
    else if (data instanceof Uint8Array) file.push(data, true);
    else {
      for (const piece of data) file.push(strToU8(piece));
      file.push(new Uint8Array(0), true);
    }
    if (this.error) throw this.error;
    this.files.push(name);
  }

  finish(): Uint8Array {
    this.zip.end();
    if (this.error) throw this.error;
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }
}
