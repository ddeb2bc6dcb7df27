/**
 * The reconcile readers on the project's own fixtures (tests/fixtures/reconcile/make.ts, modelled
 * on published Peppol, e-FFF, CODA and camt samples): what a reminder needs comes out, bad files
 * get a Dutch message and the rest goes on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readCoda } from '../../src/reconcile/coda.ts';
import { readFiles, type InputFile } from '../../src/reconcile/files.ts';
import { parseXml, textAt, XmlError } from '../../src/reconcile/xml.ts';
import { ACCOUNT, camtFile, codaFile, latin1, OGM } from '../fixtures/reconcile/make.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'reconcile', 'files');
const file = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
const all = readFiles(readdirSync(DIR).sort().map(file));
const invoice = (nummer: string) => {
  const found = all.invoices.find((i) => i.nummer === nummer);
  if (!found) throw new Error(`factuur ${nummer} niet gelezen`);
  return found;
};
const messages = (bestand: string) => all.messages.filter((m) => m.bestand === bestand).map((m) => `${m.ernst}: ${m.bericht}`);

describe('UBL invoices and credit notes', () => {
  it('reads a Peppol BIS 3 invoice: number, dates, customer, amount, OGM, IBAN and the embedded PDF', () => {
    const inv = invoice('F2026-0101');
    expect(inv).toMatchObject({
      soort: 'factuur',
      datum: '2026-10-01',
      vervaldatum: '2026-10-31',
      bedrag: 121000,
      valuta: 'EUR',
      ogm: OGM.f0101,
      iban: ACCOUNT,
      klantSleutel: 'nr:0456789012',
      klant: { naam: 'Schrijnwerkerij Peeters BV', straat: 'Kerkstraat 12', postcode: '2800', gemeente: 'Mechelen', land: 'BE', nummer: '0456789012', nummerSoort: 'ondernemingsnummer', email: 'boekhouding@peeters.example' },
    });
    // The PDF really is one: pdftotext reads the invoice number from it.
    const tmp = mkdtempSync(join(tmpdir(), 'reconcile-'));
    writeFileSync(join(tmp, inv.pdf!.naam), inv.pdf!.bytes);
    expect(execFileSync('pdftotext', [join(tmp, inv.pdf!.naam), '-'], { encoding: 'utf8' })).toContain('Factuur F2026-0101');
  });

  it('reads the OGM from InstructionID and the due date from the payment means in UBL 2.0 (e-FFF)', () => {
    expect(invoice('F2026-0106')).toMatchObject({ ogm: OGM.f0106, vervaldatum: '2026-11-08', vervaldatumBron: 'vervaldatum bij de betaalwijze', klant: { nummerSoort: 'btw-nummer', nummer: 'BE0789012345' } });
  });

  it('computes the due date from a term in days and refuses an attachment that only calls itself a PDF', () => {
    const inv = invoice('NL-2026-0042');
    expect(inv.vervaldatum).toBe('2026-11-09');
    expect(inv.vervaldatumBron).toBe('betalingsvoorwaarden: 30 dagen na factuurdatum');
    expect(inv.pdf).toBeUndefined();
    expect(inv.klant).toMatchObject({ nummerSoort: 'kvk-nummer', postcode: '3511 AB', land: 'NL' });
    expect(messages('NL-2026-0042.xml')).toEqual(['let op: de bijlage "factuur.pdf" heet een PDF, maar is er geen; ze wordt niet meegestuurd']);
  });

  it('keeps a structured communication with wrong check digits as a reference only, and says so', () => {
    const inv = invoice('F2026-0108');
    expect(inv.ogm).toBeUndefined();
    expect(inv.betaalReferentie).toBe('+++987/6543/12345+++');
    expect(messages('F2026-0108-ongeldige-ogm.xml')[0]).toMatch(/klopt niet \(controlegetal\)/);
  });

  it('reads a credit note with the invoice it credits', () => {
    expect(invoice('C2026-0007')).toMatchObject({ soort: 'creditnota', bedrag: 24200, crediteert: ['F2026-0103'], klantSleutel: 'nr:0567890123' });
  });

  it('opens a zip, skips the PDFs and Mac metadata beside the XML and counts an invoice read twice once', () => {
    const zipped = readFiles([file('facturen.zip')]);
    expect(zipped.invoices.map((i) => i.nummer)).toEqual(['F2026-0101', 'F2026-0102']);
    expect(zipped.files.map((f) => f.bestand)).toEqual(['facturen.zip', 'facturen.zip/verkoop/F2026-0101.xml', 'facturen.zip/verkoop/F2026-0102.xml']);
    expect(all.invoices.filter((i) => i.nummer === 'F2026-0101')).toHaveLength(1);
  });
});

describe('CODA', () => {
  const coda = all.payments.filter((p) => p.bestand === 'kbc-2026-041.cod');

  it('reads ISO-8859-1 with CRLF: amounts, signs, dates, counterparties and type-101 communications', () => {
    expect(coda.map((p) => [p.richting, p.bedrag, p.datum, p.tegenpartij, p.ogm ?? p.ongeldigeOgm ?? p.mededeling])).toEqual([
      ['in', 121000, '2026-11-12', 'SCHRIJNWERKERIJ PEETERS BV', OGM.f0101],
      ['in', 30000, '2026-11-14', 'SCHRIJNWERKERIJ PEETERS BV', OGM.f0102],
      ['in', 84700, '2026-11-15', 'TUINAANLEG MAES', 'tuinwerken oktober'],
      ['in', 5000, '2026-11-15', 'JANSSENS AN', 'waarborg sleutel'],
      ['uit', 9999, '2026-11-16', 'ÉLECTRICITÉ DE BRÜSSEL', 'Facture électricité novembre'],
      ['in', 1000, '2026-11-17', 'ONBEKENDE KLANT', '987654312345'],
    ]);
    expect(coda[0]!.tegenrekening).toBe('BE71096123456769');
    expect(coda[0]!.rekening).toBe(ACCOUNT);
  });

  it('counts a globalised batch by its details, not twice', () => {
    const total = coda.filter((p) => p.richting === 'in').reduce((s, p) => s + p.bedrag, 0);
    expect(total).toBe(121000 + 30000 + 84700 + 5000 + 1000);
    expect(coda.some((p) => p.bedrag === 89700)).toBe(false);
  });

  it('reads the same with LF, with trailing spaces cut off, and a second delivery of the statement counts once', () => {
    const text = new TextDecoder('latin1').decode(file('kbc-2026-041.cod').bytes);
    const lf = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n');
    const again = readFiles([file('kbc-2026-041.cod'), { name: 'kopie.cod', bytes: latin1(lf) }]);
    expect(again.payments).toHaveLength(coda.length);
    expect(again.files[1]).toMatchObject({ soort: 'coda', betalingen: 0, dubbel: coda.length });
  });

  it('checks the movements read against the totals of the trailer record', () => {
    const text = new TextDecoder('latin1').decode(file('kbc-2026-041.cod').bytes);
    expect(readCoda(text, 'a.cod').flatMap((st) => st.opmerkingen)).toEqual([]);
    // One movement line dropped: the credit total no longer adds up.
    const lines = text.split('\r\n');
    const dropped = lines.filter((l) => !l.startsWith('2100020000')).join('\r\n');
    expect(readCoda(dropped, 'b.cod').flatMap((st) => st.opmerkingen)).toEqual(['de totalen in het bestand (in € 2.417,00, uit € 99,99) verschillen van de gelezen bewegingen (in € 2.117,00, uit € 99,99); controleer het bestand']);
  });

  it('refuses a CODA file without an account record', () => {
    const header = codaFile({ account: ACCOUNT, holder: 'X', date: '011226', seq: 1, movements: [] }).split('\r\n')[0]!;
    expect(() => readCoda(`${header}\r\n`, 'x.cod')).toThrow(/geen uittreksel/);
  });
});

describe('camt.053 and camt.054', () => {
  const camt = all.payments.filter((p) => p.bestand.startsWith('camt'));

  it('reads the SCOR/BBA reference as an OGM and free text as the communication; pending entries do not count', () => {
    expect(camt.find((p) => p.bedrag === 15000)).toMatchObject({ ogm: OGM.f0106, tegenpartij: 'GARAGE WOUTERS', datum: '2026-11-18', valutadatum: '2026-11-18', richting: 'in' });
    expect(camt.find((p) => p.bedrag === 36300)?.mededeling).toBe('Betaling factuur F2026-0104 dank u');
    expect(camt.some((p) => p.bedrag === 4500)).toBe(false);
    expect(messages('camt053-be-2026-11.xml')).toContain('let op: boeking 3 is nog niet geboekt (status PDNG) en telt niet mee');
  });

  it('counts an entry that two overlapping statements both hold once', () => {
    expect(camt.filter((p) => p.bedrag === 36300)).toHaveLength(1);
    expect(all.files.find((f) => f.bestand === 'camt053-be-2026-11.xml')).toMatchObject({ betalingen: 1, dubbel: 1 });
  });

  it('reads a camt.054 notification', () => {
    expect(camt.find((p) => p.bestand.startsWith('camt054'))).toMatchObject({ bedrag: 50000, rekening: 'NL91ABNA0417164300', mededeling: 'Factuurnummer NL-2026-0042' });
  });

  it('splits a batch entry into its transactions when each has an amount', () => {
    const xml = camtFile({ account: ACCOUNT, stmtId: 'S', seq: 1, entries: [{ ref: 'B1', amount: '30.00', credit: true, date: '2026-12-01', txs: [{ amount: '10.00', name: 'A', ustrd: 'F1' }, { amount: '20.00', name: 'B', ustrd: 'F2' }] }] });
    const read = readFiles([{ name: 'batch.xml', bytes: strToU8(xml) }]);
    expect(read.payments.map((p) => [p.bedrag, p.tegenpartij, p.mededeling])).toEqual([
      [1000, 'A', 'F1'],
      [2000, 'B', 'F2'],
    ]);
  });
});

describe('bad and foreign files', () => {
  it('gives one Dutch message per unreadable file and reads the others', () => {
    const read = readFiles([
      file('kapot.xml'),
      file('vreemd.xml'),
      { name: 'leeg.xml', bytes: new Uint8Array() },
      { name: 'factuur.pdf', bytes: strToU8('%PDF-1.4 …') },
      { name: 'mt940.sta', bytes: strToU8(':20:STARTUMS\r\n:25:123\r\n') },
      { name: 'kapot.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
      { name: 'cii.xml', bytes: strToU8('<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>') },
      file('F2026-0104.xml'),
    ]);
    expect(read.messages.map((m) => `${m.bestand}: ${m.bericht}`)).toEqual([
      'kapot.xml: ongeldige XML op regel 4: </Invoice> sluit <LegalMonetaryTotal>',
      'vreemd.xml: dit XML-bestand is geen UBL-factuur en geen camt.053/054-uittreksel (het hoofdelement heet <bestelling>)',
      'leeg.xml: het bestand is leeg',
      'factuur.pdf: een PDF kan niet gelezen worden; gebruik het XML-bestand (UBL/Peppol) van de factuur',
      'mt940.sta: een MT940-uittreksel wordt (nog) niet gelezen; vraag uw bank een CODA- of camt.053-bestand',
      'kapot.zip: de zip is beschadigd of versleuteld en kon niet geopend worden',
      'cii.xml: een factuur in UN/CEFACT CII-formaat; alleen UBL (Peppol BIS) wordt gelezen',
    ]);
    expect(read.invoices.map((i) => i.nummer)).toEqual(['F2026-0104']);
  });

  it('says which required invoice field is missing', () => {
    const xml = '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>9</ID></Invoice>';
    expect(readFiles([{ name: 'x.xml', bytes: strToU8(xml) }]).messages[0]?.bericht).toMatch(/PayableAmount\) ontbreekt/);
  });

  it('reads a zip of zips one level deep and refuses deeper nesting', () => {
    const inner = zipSync({ 'a.xml': file('F2026-0104.xml').bytes });
    const outer = zipSync({ 'maand.zip': inner, 'diep.zip': zipSync({ 'x.zip': inner }) });
    const read = readFiles([{ name: 'export.zip', bytes: outer }]);
    expect(read.invoices.map((i) => i.nummer)).toEqual(['F2026-0104']);
    expect(read.messages.map((m) => m.bericht)).toEqual(['een zip in een zip in een zip wordt niet geopend']);
  });
});

describe('XML reader', () => {
  it('resolves entities and CDATA, drops prefixes and collapses whitespace in values', () => {
    const root = parseXml('<?xml version="1.0"?><a:Doc xmlns:a="x"><a:Name>Peeters &amp; Zonen &#233;n <![CDATA[<Co>]]></a:Name><b:Addr  x="1 &gt; 0">  Kerk\n straat </b:Addr></a:Doc>');
    expect(root.name).toBe('Doc');
    expect(textAt(root, 'Name')).toBe('Peeters & Zonen én <Co>');
    expect(textAt(root, 'Addr')).toBe('Kerk straat');
    expect(root.children[1]!.attrs.x).toBe('1 > 0');
  });

  it('refuses a DOCTYPE (no entity expansion) and a second root', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(XmlError);
    expect(() => parseXml('<a/><b/>')).toThrow(/tweede hoofdelement/);
  });
});
