/**
 * Many files at once: invoices (UBL XML, alone or zipped) and statements (CODA, camt.053/054),
 * recognised by their content, not their name. Every file gets a summary; a file that cannot be
 * read gets a Dutch message and the others go on. Payments seen in an earlier (overlapping)
 * statement are counted once, also across formats (overlap.ts).
 */
import { unzipSync } from 'fflate';
import { looksLikeCoda, readCoda } from './coda.ts';
import { camtKind, readCamt } from './camt.ts';
import { overlapFilter } from './overlap.ts';
import type { FileMessage, FileSummary, Invoice, Payment } from './types.ts';
import { ReadError, readUbl } from './ubl.ts';
import { decodeXml, parseXml, XmlError } from './xml.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadResult {
  invoices: Invoice[];
  /** Money in and out, each counted once. */
  payments: Payment[];
  files: FileSummary[];
  messages: FileMessage[];
}

/** Beyond these a browser tab would struggle; the rest of the files still go on. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 20_000;

const LATIN1 = new TextDecoder('latin1');
const UBL_NS = /urn:oasis:names:specification:ubl:schema:xsd:(Invoice|CreditNote)-2/;

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // CODA from Belgian banks is ISO-8859-1 (Windows-1252 is a superset of its printable part).
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** `earlier`: payments read before (by the page, from other files), so overlaps with them count once too. */
export function readFiles(inputs: readonly InputFile[], earlier: readonly Payment[] = []): ReadResult {
  const result: ReadResult = { invoices: [], payments: [], files: [], messages: [] };
  const overlap = overlapFilter(earlier);
  const seenInvoices = new Map<string, string>();
  const fail = (bestand: string, bericht: string) => result.messages.push({ bestand, ernst: 'fout', bericht });
  const note = (bestand: string, bericht: string) => result.messages.push({ bestand, ernst: 'let op', bericht });

  /** All payments of one file at once: overlap is judged file against file. */
  const addPayments = (bestand: string, payments: Payment[], summary: FileSummary) => {
    const { kept, dubbel } = overlap.add(payments);
    for (const p of kept) result.payments.push(p);
    summary.betalingen += kept.length;
    summary.dubbel += dubbel;
    if (summary.dubbel) note(bestand, `${summary.dubbel} ${summary.dubbel === 1 ? 'beweging stond' : 'bewegingen stonden'} al in een ander uittreksel en ${summary.dubbel === 1 ? 'telt' : 'tellen'} maar één keer mee`);
  };

  const readOne = (name: string, bytes: Uint8Array, depth: number) => {
    const summary: FileSummary = { bestand: name, soort: 'onbekend', facturen: 0, betalingen: 0, dubbel: 0 };
    result.files.push(summary);
    if (!bytes.length) return fail(name, 'het bestand is leeg');
    if (bytes.length > MAX_FILE_BYTES) return fail(name, `het bestand is groter dan ${MAX_FILE_BYTES / 1024 / 1024} MB en is niet gelezen`);
    try {
      if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
        summary.soort = 'zip';
        if (depth > 1) return fail(name, 'een zip in een zip in een zip wordt niet geopend');
        let entries: Record<string, Uint8Array>;
        try {
          entries = unzipSync(bytes, { filter: (f) => !f.name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(f.name) });
        } catch {
          return fail(name, 'de zip is beschadigd of versleuteld en kon niet geopend worden');
        }
        const names = Object.keys(entries).sort();
        if (!names.length) return fail(name, 'de zip bevat geen bestanden');
        if (names.length > MAX_ZIP_ENTRIES) return fail(name, `de zip bevat meer dan ${MAX_ZIP_ENTRIES} bestanden`);
        for (const entry of names) {
          // PDFs beside the XML in an export are the same invoices; the XML carries what is needed.
          if (/\.pdf$/i.test(entry)) continue;
          readOne(`${name}/${entry}`, entries[entry]!, depth + 1);
        }
        return;
      }
      if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return fail(name, 'een PDF kan niet gelezen worden; gebruik het XML-bestand (UBL/Peppol) van de factuur');
      const head = LATIN1.decode(bytes.subarray(0, 512)).replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
      if (head.startsWith('<')) {
        const root = parseXml(decodeXml(bytes));
        const ns = root.attrs.xmlns ?? '';
        if ((root.name === 'Invoice' || root.name === 'CreditNote') && (UBL_NS.test(ns) || !ns)) {
          const invoice = readUbl(root, name);
          summary.soort = invoice.soort === 'creditnota' ? 'ubl-creditnota' : 'ubl-factuur';
          const key = `${invoice.soort}|${invoice.klantSleutel}|${invoice.nummer}`;
          const earlier = seenInvoices.get(key);
          if (earlier) return note(name, `${invoice.soort} ${invoice.nummer} stond al in ${earlier} en telt maar één keer mee`);
          seenInvoices.set(key, name);
          result.invoices.push(invoice);
          summary.facturen = 1;
          for (const r of invoice.opmerkingen) note(name, r);
          return;
        }
        const kind = camtKind(root);
        if (kind) {
          summary.soort = kind;
          const statements = readCamt(root, name);
          for (const r of statements.flatMap((st) => st.opmerkingen)) note(name, r);
          addPayments(name, statements.flatMap((st) => st.payments), summary);
          return;
        }
        if (root.name === 'Invoice' || root.name === 'CreditNote') return fail(name, `een <${root.name}> in een onbekende naamruimte (${ns}); alleen UBL 2.x wordt gelezen`);
        if (root.name === 'CrossIndustryInvoice') return fail(name, 'een factuur in UN/CEFACT CII-formaat; alleen UBL (Peppol BIS) wordt gelezen');
        return fail(name, `dit XML-bestand is geen UBL-factuur en geen camt.053/054-uittreksel (het hoofdelement heet <${root.name}>)`);
      }
      const text = decodeText(bytes);
      if (looksLikeCoda(text)) {
        summary.soort = 'coda';
        const statements = readCoda(text, name);
        for (const r of statements.flatMap((st) => st.opmerkingen)) note(name, r);
        addPayments(name, statements.flatMap((st) => st.payments), summary);
        return;
      }
      if (/^(:20:|\{1:)/.test(head)) return fail(name, 'een MT940-uittreksel wordt (nog) niet gelezen; vraag uw bank een CODA- of camt.053-bestand');
      return fail(name, 'onbekend formaat: verwacht een UBL-factuur (XML), een zip met facturen, een CODA-bestand of een camt.053/054-uittreksel');
    } catch (e) {
      if (e instanceof XmlError || e instanceof ReadError) return fail(name, e.message);
      throw e;
    }
  };

  for (const input of inputs) readOne(input.name, input.bytes, 0);
  return result;
}
