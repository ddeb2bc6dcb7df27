/**
 * Display list → PDF (writer.ts): one content stream per page written as operator text, the two
 * fonts embedded as subsets once every page is drawn, link annotations, metadata, and fixed dates
 * when asked so that the same input gives the same bytes.
 */
import { zlibSync } from 'fflate';
import { DocFont, uriString } from './embed.ts';
import { A4, type Fonts, type Op, type Page, type Rgb } from './layout.ts';
import { PdfWriter, asciiString, dateString, num, ref, textString } from './writer.ts';

export interface Metadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** ISO date; "now" when absent. */
  fixedDate?: string;
}

const PRODUCER = 'Tijdig';

const color = (c: Rgb) => `${num(c[0])} ${num(c[1])} ${num(c[2])}`;

/**
 * zlib at level 6 with fflate: pure JavaScript, so the browser and Node write the same bytes for
 * the same document (a personalised download equals the pack's file for the same data). Node's
 * native zlib through CompressionStream was measured no faster here once the fonts lost their
 * hinting bytes (streams are small; the stream set-up costs what native zlib saves).
 */
const deflate = (data: Uint8Array) => zlibSync(data, { level: 6 });
/**
 * Content streams, deflated for every letter, at level 4: fflate's shorter match search there
 * takes a tenth less time for 0.4 % more bytes (measured on a two-page letter). Font streams are
 * cached per character set and keep level 6.
 */
const deflateContent = (data: Uint8Array) => zlibSync(data, { level: 4 });

const FONT_NAMES = { regular: 'F1', bold: 'F2' } as const;
type FontKey = keyof typeof FONT_NAMES;

/** Content stream text as bytes: ASCII operators, and text strings whose characters are bytes (DocFont.encode). */
function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function paintPage(page: Page, fonts: Record<FontKey, DocFont>): { content: Uint8Array; uses: FontKey[] } {
  const H = A4.height;
  const out: string[] = [];
  const uses = new Set<FontKey>();
  const shapes = (ops: Op[]) => {
    for (const op of ops) {
      if (op.t === 'rect') {
        const rect = `${num(op.x)} ${num(H - op.y - op.h)} ${num(op.w)} ${num(op.h)} re`;
        if (op.fill) out.push(`${color(op.fill)} rg`, op.stroke ? `${color(op.stroke)} RG ${num(op.lw ?? 0.5)} w ${rect} B` : `${rect} f`);
        else if (op.stroke) out.push(`${color(op.stroke)} RG ${num(op.lw ?? 0.5)} w ${rect} S`);
      } else if (op.t === 'line') {
        out.push(`${color(op.color)} RG ${num(op.lw)} w ${num(op.x1)} ${num(H - op.y1)} m ${num(op.x2)} ${num(H - op.y2)} l S`);
      } else if (op.t === 'qr') {
        // White quiet zone, then one rectangle per horizontal run of dark modules, drawn in module
        // units (whole numbers under one cm): a third of the bytes of page coordinates, and of the deflate work.
        const q = 4 * op.module;
        const side = op.size * op.module;
        out.push(`1 1 1 rg ${num(op.x - q)} ${num(H - op.y - side - q)} ${num(side + 2 * q)} ${num(side + 2 * q)} re f`, 'q', `${num(op.module)} 0 0 ${num(op.module)} ${num(op.x)} ${num(H - op.y - side)} cm`, '0 0 0 rg');
        for (let r = 0; r < op.size; r++) {
          const y = op.size - 1 - r;
          let c = 0;
          while (c < op.size) {
            if (!op.dark(r, c)) {
              c++;
              continue;
            }
            const start = c;
            while (c < op.size && op.dark(r, c)) c++;
            out.push(`${start} ${y} ${c - start} 1 re`);
          }
        }
        out.push('f', 'Q');
      }
    }
  };
  const texts = (ops: Op[]) => {
    let inText = false;
    let font = '';
    let fill = '';
    for (const op of ops) {
      if (op.t !== 'text') {
        if (inText) out.push('ET');
        inText = false;
        fill = '';
        shapes([op]);
        continue;
      }
      if (!op.text) continue;
      if (!inText) {
        out.push('BT');
        inText = true;
        font = '';
      }
      uses.add(op.font);
      const f = `/${FONT_NAMES[op.font]} ${num(op.size)} Tf`;
      if (f !== font) out.push((font = f));
      const c = `${color(op.color)} rg`;
      if (c !== fill) out.push((fill = c));
      out.push(`1 0 0 1 ${num(op.x)} ${num(H - op.y)} Tm ${fonts[op.font].encode(op.text)} Tj`);
    }
    if (inText) out.push('ET');
  };
  shapes(page.bg);
  texts(page.fg);
  return { content: latin1(out.join('\n')), uses: [...uses].sort() };
}

function metadataDate(meta: Metadata): Date {
  if (meta.fixedDate === undefined) return new Date();
  const time = Date.parse(meta.fixedDate);
  if (Number.isNaN(time)) throw new RangeError(`fixedDate is geen geldige datum: ${JSON.stringify(meta.fixedDate)}`);
  return new Date(time);
}

/** Writes the pages into a new PDF and returns its bytes. */
export async function paint(pages: Page[], fonts: Fonts, meta: Metadata): Promise<Uint8Array> {
  const date = dateString(metadataDate(meta));
  const pdf = new PdfWriter();
  const catalog = pdf.ref();
  const pageTree = pdf.ref();
  const docFonts = { regular: new DocFont(fonts.regular), bold: new DocFont(fonts.bold) };
  const painted = pages.map((page) => paintPage(page, docFonts));
  const fontRefs: Partial<Record<FontKey, number>> = {};
  for (const key of ['regular', 'bold'] as const) if (docFonts[key].used) fontRefs[key] = docFonts[key].embed(pdf, docFonts[key].files(deflate));
  const kids = pages.map((page, i) => {
    const content = pdf.stream('/Filter /FlateDecode', deflateContent(painted[i]!.content));
    const annots = page.links.map((link) => {
      const rect = [link.x, A4.height - link.y - link.h, link.x + link.w, A4.height - link.y].map((v) => num(Math.round(v * 100) / 100)).join(' ');
      return ref(pdf.object(`<< /Type /Annot /Subtype /Link /Rect [${rect}] /Border [0 0 0] /A << /Type /Action /S /URI /URI ${uriString(link.uri)} >> >>`));
    });
    const fontDict = painted[i]!.uses.map((key) => `/${FONT_NAMES[key]} ${ref(fontRefs[key]!)}`).join(' ');
    return ref(
      pdf.object(
        `<< /Type /Page /Parent ${ref(pageTree)} /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << ${fontDict} >> >> /Contents ${ref(content)}${annots.length ? ` /Annots [${annots.join(' ')}]` : ''} >>`,
      ),
    );
  });
  pdf.object(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`, pageTree);
  pdf.object(`<< /Type /Catalog /Pages ${ref(pageTree)} /ViewerPreferences << /DisplayDocTitle true >> /Lang ${asciiString(meta.lang)} >>`, catalog);
  const info = pdf.object(
    `<< /Title ${textString(meta.title)} /Author ${textString(meta.author)} /Subject ${textString(meta.subject)} /Keywords ${textString(meta.keywords.join(' '))} /Creator ${textString(PRODUCER)} /Producer ${textString(PRODUCER)} /CreationDate ${date} /ModDate ${date} >>`,
  );
  return pdf.finish(catalog, info);
}
