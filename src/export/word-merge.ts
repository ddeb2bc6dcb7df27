/**
 * Word mail merge (import-formats.md §8): per letter template a .docx in the pack's own letter
 * layout (buildDocx: styles, window-envelope frame, continuation header) in which every placeholder
 * is a real MERGEFIELD, plus the data source: the mail-merge CSV of csv.ts, whose headers are the
 * field names (mapping.ts). Word binds the fields to the columns by name (Verzendlijsten >
 * Adressen selecteren > Bestaande lijst gebruiken); LibreOffice imports them as database fields.
 *
 * How: fill() with a placeholder hook writes each placeholder as the text "{{klant_naam}}"; buildDocx
 * lays the letter out; docx's own patchDocument then replaces every such text with a complex field
 * (fldChar begin, instrText " MERGEFIELD klant_naam \* MERGEFORMAT ", separate, the result
 * «klant_naam», end), each run keeping the style of the text it replaces (bold stays bold). docx 9
 * has SimpleMailMergeField (w:fldSimple) but no complex-field class; its BuilderElement writes the
 * w:fldChar elements, so no XML is written by hand. Complex fields are what Word itself writes for
 * merge fields.
 *
 * Data-shaped blocks go through placeholderBlock (email-source.ts): the invoice table gets one row;
 * the instalment plan and the interest breakdown, which Word cannot compute, become a summary line
 * or nothing. `notCarried` says so, in Dutch.
 *
 * Browser-safe (docx and fflate only). With `fixedDate` the bytes are identical for identical input.
 */
import { BuilderElement, NextAttributeComponent, Packer, patchDocument, PatchType, TextRun, XmlComponent, type IPatch } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { FillData, Jurisdiction } from '../content/schema.ts';
import { fill, type PlaceholderRef } from '../model/fill.ts';
import type { FilledBlock, FilledDocument, Run, TemplateDoc } from '../model/types.ts';
import { buildDocx } from '../render/docx/index.ts';
import { parseFixedDate, runFrozen } from '../render/docx/frozen.ts';
import { mergeDataRows } from './csv.ts';
import { xlsxWorkbook } from './xlsx.ts';
import { withPlaceholderBlocks } from './email-source.ts';
import { mappingFor } from './mapping.ts';

/** Folder inside exports/. */
export const WORD_MERGE_DIR = 'word-samenvoegen';
/** The data source next to the letters: csv.ts's Excel flavour (BOM, ';', Dutch text values). */
export const WORD_MERGE_DATA = 'gegevensbron.xlsx';

export interface MergeLetterOptions {
  /** ISO timestamp for the document properties and zip times; with it the output is byte-identical. */
  fixedDate?: string;
  /** Wording when the template fits both countries. Default: the template's own, else Belgium. */
  jurisdiction?: Jurisdiction;
}

export interface MergeLetter {
  /** File name inside word-samenvoegen/. */
  name: string;
  data: Uint8Array;
  /** Distinct MERGEFIELD names, in order of first use: all of them are CSV headers. */
  fields: string[];
  /** What the merge letter cannot do that the Tijdig letter does, in Dutch. */
  notCarried: string[];
}

// Placeholder text in the laid-out letter; field names are ASCII snake_case, so it needs no escaping.
const OPEN = '{{';
const CLOSE = '}}';
const marker = (field: string) => `${OPEN}${field}${CLOSE}`;

/** One w:fldChar: the begin, separate or end of a complex field. */
const fieldChar = (type: 'begin' | 'separate' | 'end') => new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/** The field code, with its spaces kept. */
class FieldCode extends XmlComponent {
  constructor(code: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(code);
  }
}

/** The five runs of a complex MERGEFIELD whose shown result is «field», as Word shows it before merging. */
export function mergeFieldRuns(field: string): TextRun[] {
  return [
    new TextRun({ children: [fieldChar('begin')] }),
    new TextRun({ children: [new FieldCode(` MERGEFIELD ${field} \\* MERGEFORMAT `)] }),
    new TextRun({ children: [fieldChar('separate')] }),
    new TextRun({ text: `«${field}»` }),
    new TextRun({ children: [fieldChar('end')] }),
  ];
}

/** Every run array of a filled document, so a marker can be written wherever fill() put a value. */
function mapRuns(doc: FilledDocument, f: (run: Run) => Run): FilledDocument {
  const runs = (list: Run[]) => list.map(f);
  const block = (b: FilledBlock): FilledBlock => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
      case 'deadline':
        return { ...b, runs: runs(b.runs) };
      case 'list':
        return { ...b, items: b.items.map(runs) };
      case 'invoiceTable':
        return {
          ...b,
          rows: b.rows.map((r) => ({ nummer: runs(r.nummer), datum: runs(r.datum), vervaldatum: runs(r.vervaldatum), bedrag: runs(r.bedrag), openstaand: runs(r.openstaand) })),
          total: runs(b.total),
        };
      case 'paymentDetails':
        return { ...b, lines: b.lines.map((l) => ({ label: l.label, value: runs(l.value) })) };
      case 'paymentButton': {
        // The button becomes "label: link" in a letter; the link is a field too.
        const { hrefMissing, ...rest } = b;
        const href = hrefMissing ? marker(mappingFor(hrefMissing).field) : b.href;
        return { ...rest, label: runs(b.label), ...(href ? { href } : {}) };
      }
      case 'signature':
        return { ...b, lines: b.lines.map(runs) };
    }
  };
  return {
    ...doc,
    subject: runs(doc.subject),
    preheader: runs(doc.preheader),
    letter: { sender: doc.letter.sender.map(runs), recipient: doc.letter.recipient.map(runs), placeAndDate: runs(doc.letter.placeAndDate), reference: runs(doc.letter.reference) },
    blocks: doc.blocks.map(block),
  };
}

/** The letter filled with "{{field}}" markers, and the fields in order of first use. */
export function markedLetter(doc: TemplateDoc, jurisdiction?: Jurisdiction): { filled: FilledDocument; fields: string[]; notCarried: string[] } {
  const { doc: mergeable, notCarried } = withPlaceholderBlocks(doc);
  const fields: string[] = [];
  const use = (path: string, strong?: boolean): Run => {
    const field = mappingFor(path).field;
    if (!fields.includes(field)) fields.push(field);
    return strong ? { text: marker(field), strong } : { text: marker(field) };
  };
  const hook = (ref: PlaceholderRef) => use(ref.path, ref.strong);
  const raw = fill(mergeable, {}, { ...(jurisdiction ? { jurisdiction } : {}), placeholder: hook });
  // fill() writes a few gaps itself as missing runs: they become fields as well, without the yellow marker.
  const filled = mapRuns(raw, (run) => (run.missing ? use(run.missing, run.strong) : run));
  return { filled, fields, notCarried };
}

/** The subject as Word shows it before merging, for the document properties. */
const plainSubject = (runs: readonly Run[]) => runs.map((r) => r.text).join('').replace(/\{\{([a-z0-9_]+)\}\}/g, '«$1»');

/**
 * Zip times start in 1980 (DOS dates) and docx's zip refuses earlier ones: an earlier fixed date,
 * such as the new Date(0) the downloads page passes to buildExports, is written as 1980-01-01.
 */
const ZIP_EPOCH = Date.UTC(1980, 0, 1);

/** Zips the parts again with one fixed time, so the bytes do not depend on the clock. */
function rezip(bytes: Uint8Array, fixed: number | undefined): Uint8Array {
  const parts = unzipSync(bytes);
  return runFrozen(fixed, () => {
    // Inside runFrozen, Date reads UTC, so the zip time is the same in every time zone.
    const mtime = new Date();
    const entries: Zippable = {};
    for (const [name, data] of Object.entries(parts)) entries[name] = [data, { mtime }];
    return zipSync(entries, { level: 6 });
  });
}

export async function mergeLetterDocx(doc: TemplateDoc, options: MergeLetterOptions = {}): Promise<MergeLetter> {
  if (doc.kind !== 'brief') throw new Error(`template ${doc.id} is geen brief`);
  const fixed = options.fixedDate === undefined ? undefined : Math.max(parseFixedDate(options.fixedDate), ZIP_EPOCH);
  const { filled, fields, notCarried } = markedLetter(doc, options.jurisdiction);
  // Build and pack inside the frozen scope: the Document captures "now" when it is constructed.
  const laidOut = await runFrozen(fixed, () => Packer.pack(buildDocx(filled, { envelope: filled.jurisdiction }), 'uint8array'));
  const patches: Record<string, IPatch> = Object.fromEntries(fields.map((field) => [field, { type: PatchType.PARAGRAPH, children: mergeFieldRuns(field) }]));
  const patched = await patchDocument({
    outputType: 'uint8array',
    data: laidOut,
    patches,
    keepOriginalStyles: true,
    placeholderDelimiters: { start: OPEN, end: CLOSE },
    properties: { subject: plainSubject(filled.subject), description: `Tijdig-sjabloon ${doc.id}, als standaardbrief met samenvoegvelden` },
  });
  return { name: `${doc.id}.docx`, data: rezip(patched, fixed), fields, notCarried };
}

export interface WordMergeOptions {
  /** Rows of the data source. Default in buildExports: one row of sample data. */
  rows: readonly FillData[];
  fixedDate?: string;
}

export interface WordMergeExport {
  files: { path: string; data: string | Uint8Array }[];
  letters: { doc: TemplateDoc; name: string; fields: string[]; notCarried: string[] }[];
}

/** Every letter template as a merge letter, the data source and a LEESMIJ, under word-samenvoegen/. */
export async function wordMergeExport(templates: readonly TemplateDoc[], options: WordMergeOptions): Promise<WordMergeExport> {
  const letters = templates.filter((t) => t.kind === 'brief');
  const files: WordMergeExport['files'] = [];
  const made: WordMergeExport['letters'] = [];
  for (const doc of letters) {
    const letter = await mergeLetterDocx(doc, options.fixedDate === undefined ? {} : { fixedDate: options.fixedDate });
    files.push({ path: `${WORD_MERGE_DIR}/${letter.name}`, data: letter.data });
    made.push({ doc, name: letter.name, fields: letter.fields, notCarried: letter.notCarried });
  }
  const fixed = options.fixedDate === undefined ? undefined : Math.max(parseFixedDate(options.fixedDate), ZIP_EPOCH);
  // As for the letters: inside runFrozen Date reads UTC, so the zip time is the same in every time zone.
  const data = runFrozen(fixed, () => xlsxWorkbook(mergeDataRows(options.rows, 'excel-nl'), { mtime: new Date() }));
  files.push({ path: `${WORD_MERGE_DIR}/${WORD_MERGE_DATA}`, data });
  files.push({ path: `${WORD_MERGE_DIR}/LEESMIJ.txt`, data: wordMergeLeesmij(made) });
  return { files, letters: made };
}

/** The steps, in the words of the site's Word page. */
export const WORD_MERGE_STEPS: readonly string[] = [
  'Open de brief (.docx) in Word.',
  `Kies op het tabblad Verzendlijsten voor Adressen selecteren > Bestaande lijst gebruiken en kies ${WORD_MERGE_DATA}.`,
  'Kies het blad Gegevens en laat "Eerste rij bevat kolomkoppen" aangevinkt.',
  'Klik op Voorbeeld van resultaten: de velden tussen « » tonen nu de gegevens van de eerste rij.',
  'Kies Voltooien en samenvoegen en druk de brieven af of bewerk ze eerst als afzonderlijke documenten.',
];

function wordMergeLeesmij(letters: WordMergeExport['letters']): string {
  const notes = [...new Set(letters.flatMap((l) => l.notCarried))];
  return [
    'TIJDIG — BRIEVEN SAMENVOEGEN IN WORD',
    '',
    'Elke brief in deze map heeft dezelfde opmaak als de Tijdig-brief, maar in plaats van ingevulde',
    'gegevens staan er samenvoegvelden, zoals «klant_naam». Word vult die velden in met de gegevens uit',
    `${WORD_MERGE_DATA}: één rij per klant, één kolom per veld. De kolomnamen zijn de veldnamen.`,
    'Bedragen en datums staan in dat bestand al als tekst, zoals "€ 1.234,56" en "14-03-2026", dus Word',
    'hoeft niets om te zetten.',
    '',
    'ZO GAAT U TE WERK',
    ...WORD_MERGE_STEPS.map((step, i) => `${i + 1}. ${step}`),
    '',
    `Vervang de voorbeeldrij in ${WORD_MERGE_DATA} door uw eigen klanten, in Excel of LibreOffice Calc.`,
    'Laat de eerste rij met de kolomnamen staan en bewaar het bestand weer als Excel-werkmap (.xlsx).',
    'Elke cel is tekst: een gestructureerde mededeling (+++…+++) of een telefoonnummer (+32 …) komt',
    'dus precies zo in de brief, en Excel voert niets uit als formule.',
    'LibreOffice Writer leest de velden ook als samenvoegvelden: koppel de brief daar aan het',
    'Excel-bestand met de assistent voor standaardbrieven (mailmerge).',
    '',
    'WAT NIET MEEKOMT',
    ...notes.map((n) => `- ${n}`),
    '- Datums staan in de korte vorm (14-03-2026), niet voluit zoals in de Tijdig-brief (14 maart 2026).',
    '- De QR-code om te betalen: die staat alleen in de pdf-brief die u op de website van Tijdig invult.',
    '',
    'DE BRIEVEN',
    ...letters.map((l) => `- ${l.name}: ${l.doc.title} (${l.fields.length} velden)`),
    '',
  ].join('\r\n');
}
