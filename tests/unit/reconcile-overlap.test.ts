/**
 * A bank gives the same day as CODA and as camt.053: a movement in both counts once, whatever the
 * order and however the page adds the files; different movements that look alike are kept.
 */
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { readFiles, type InputFile } from '../../src/reconcile/files.ts';
import { reconcile } from '../../src/reconcile/match.ts';
import type { Invoice } from '../../src/reconcile/types.ts';
import { ACCOUNT, camtFile, codaFile, latin1, OGM, type CamtEntry, type CodaMovement } from '../fixtures/reconcile/make.ts';

const garage: CodaMovement = { cents: 15000, credit: true, date: '181126', ogm: OGM.f0106, name: 'GARAGE WOUTERS', iban: 'BE56001234567888', ref: 'KBC-REF-000123' };
const smets: CodaMovement = { cents: 7500, credit: true, date: '181126', text: 'voorschot keuken', name: 'SMETS ANN', iban: 'BE80001234567877' };
const coda = (movements: CodaMovement[]): InputFile => ({ name: 'kbc-2026-11-18.cod', bytes: latin1(codaFile({ account: ACCOUNT, holder: 'ATELIER TIJDIG BV', date: '181126', seq: 50, movements })) });
const camt = (entries: CamtEntry[], name = 'camt053-2026-11-18.xml'): InputFile => ({ name, bytes: strToU8(camtFile({ account: ACCOUNT, stmtId: 'STMT-1118', seq: 50, entries })) });

// The same two payments as camt.053 sees them: other references, the OGM as SCOR/BBA.
const garageCamt: CamtEntry = { ref: 'NTRY-9F3A', amount: '150.00', credit: true, date: '2026-11-18', name: 'Garage Wouters', iban: 'BE56001234567888', scor: OGM.f0106 };
const smetsCamt: CamtEntry = { ref: 'NTRY-9F3B', amount: '75.00', credit: true, date: '2026-11-18', name: 'Smets Ann', iban: 'BE80001234567877', ustrd: 'voorschot keuken' };

describe('overlapping statements across formats', () => {
  it('counts a payment that is in a CODA file and in a camt.053 file of the same account and day once', () => {
    const read = readFiles([coda([garage, smets]), camt([garageCamt, smetsCamt])]);
    expect(read.payments.map((p) => [p.bestand, p.bedrag])).toEqual([
      ['kbc-2026-11-18.cod', 15000],
      ['kbc-2026-11-18.cod', 7500],
    ]);
    expect(read.files[1]).toMatchObject({ soort: 'camt.053', betalingen: 0, dubbel: 2 });
    expect(read.messages).toContainEqual({ bestand: 'camt053-2026-11-18.xml', ernst: 'let op', bericht: '2 bewegingen stonden al in een ander uittreksel en tellen maar één keer mee' });
  });

  it('so the invoice is paid once, not overpaid with a payment left without an invoice', () => {
    const invoice: Invoice = { id: 'F2026-0106', soort: 'factuur', nummer: 'F2026-0106', vervaldatum: '2026-11-08', klant: { naam: 'Garage Wouters BVBA' }, klantSleutel: 'nr:0789012345', bedrag: 15000, valuta: 'EUR', ogm: OGM.f0106, crediteert: [], bestand: 'f.xml', opmerkingen: [] };
    const read = readFiles([camt([garageCamt]), coda([garage])]);
    const r = reconcile([invoice], read.payments);
    expect(r.counts).toMatchObject({ betaald: 1, betalingenGekoppeld: 1, betalingenOnbekend: 0 });
  });

  it('keeps what only one file has, and the new part of a longer camt file', () => {
    const later: CamtEntry = { ref: 'NTRY-9F3C', amount: '75.00', credit: true, date: '2026-11-19', name: 'Smets Ann', iban: 'BE80001234567877', ustrd: 'voorschot keuken' };
    const read = readFiles([coda([garage]), camt([garageCamt, smetsCamt, later])]);
    expect(read.payments.map((p) => [p.bestand.slice(0, 4), p.valutadatum, p.bedrag])).toEqual([
      ['kbc-', '2026-11-18', 15000],
      ['camt', '2026-11-18', 7500],
      ['camt', '2026-11-19', 7500],
    ]);
  });

  it('keeps two equal payments of one day in one file, and a second file holding them counts both once', () => {
    const twice = { ...smets, ref: 'KBC-REF-000200' };
    const read = readFiles([coda([smets, twice]), camt([smetsCamt, { ...smetsCamt, ref: 'NTRY-9F3D' }]), camt([smetsCamt], 'nog-een.xml')]);
    expect(read.payments).toHaveLength(2);
    expect(read.files.map((f) => [f.betalingen, f.dubbel])).toEqual([
      [2, 0],
      [0, 2],
      [0, 1],
    ]);
  });

  it('does not merge different payers of the same amount on the same day', () => {
    const other: CamtEntry = { ...smetsCamt, ref: 'NTRY-9F3E', name: 'Peeters Jan', iban: 'BE71096123456769', ustrd: 'voorschot keuken' };
    const read = readFiles([coda([smets]), camt([other])]);
    expect(read.payments.map((p) => p.tegenpartij)).toEqual(['SMETS ANN', 'Peeters Jan']);
  });

  it('recognises a statement read earlier on the page (the worker passes what it holds)', () => {
    const first = readFiles([coda([garage, smets])]);
    const second = readFiles([camt([garageCamt, smetsCamt])], first.payments);
    expect(second.payments).toEqual([]);
    expect(second.files[0]).toMatchObject({ betalingen: 0, dubbel: 2 });
  });
});

describe('an old Belgian account number in CODA', () => {
  it('becomes its IBAN, so a camt.053 file of the same account is recognised', async () => {
    const { belgianAccountIban } = await import('../../src/reconcile/values.ts');
    const { isValidIban } = await import('../../src/model/payment-ids.ts');
    // BE68 5390 0754 7034 is the IBAN of account 539-0075470-34.
    expect(belgianAccountIban('539007547034')).toBe(ACCOUNT);
    expect(belgianAccountIban('001234567803')).toMatch(/^BE\d{2}001234567803$/);
    expect(isValidIban(belgianAccountIban('001234567803'))).toBe(true);
    // Wrong check digits, or not 12 digits: left as given.
    expect(belgianAccountIban('539007547035')).toBe('539007547035');
    expect(belgianAccountIban('NL91ABNA0417164300')).toBe('NL91ABNA0417164300');
  });

  it('a structure-0 CODA file and a camt.053 file of that account count a movement once', () => {
    const text = codaFile({ account: ACCOUNT, holder: 'ATELIER TIJDIG BV', date: '181126', seq: 50, movements: [garage] });
    const lines = text.split('\r\n');
    // Record 1 in structure 0: the 12-digit account in positions 6-17, the currency in 19-21.
    const rec1 = lines[1]!.split('');
    rec1[1] = '0';
    for (let i = 5; i < 39; i++) rec1[i] = ' ';
    [...'539007547034'].forEach((c, i) => (rec1[5 + i] = c));
    [...'EUR'].forEach((c, i) => (rec1[18 + i] = c));
    lines[1] = rec1.join('');
    const old: InputFile = { name: 'oud.cod', bytes: latin1(lines.join('\r\n')) };
    const read = readFiles([old, camt([garageCamt])]);
    expect(read.payments.map((p) => [p.bestand, p.rekening])).toEqual([['oud.cod', ACCOUNT]]);
  });
});
