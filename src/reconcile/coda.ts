/**
 * CODA, the Belgian bank statement in fixed-width lines of 128 characters (Febelfin standard,
 * version 2). Read: record 0 (header), 1 (old balance: account, statement number), 21/22/23 (a
 * movement: amount, sign, value date, communication, counterparty), 31/32/33 (free information
 * that continues the communication), 8 (new balance) and 9 (trailer). A movement that the bank
 * "globalised" (a total with its details under the same sequence number) counts by its details.
 */
import { formatMoney } from '../model/format.ts';
import type { Payment } from './types.ts';
import { ReadError } from './ubl.ts';
import { belgianAccountIban, ddmmyy, findStructured, normalizeAccount } from './values.ts';

/** 1-based, inclusive positions as the standard numbers them. */
const f = (line: string, from: number, to: number) => line.slice(from - 1, to);

export function looksLikeCoda(text: string): boolean {
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return /^0000[0 ]\d{6}/.test(first) && first.trimEnd().length >= 100 && first.length <= 130;
}

interface Movement {
  seq: string;
  detail: string;
  bankRef: string;
  sign: '0' | '1';
  cents: number;
  valueDate?: string;
  entryDate?: string;
  globalised: boolean;
  structured?: { valid?: string; invalid?: string };
  text: string[];
  counterAccount?: string;
  counterName?: string;
}

export interface CodaStatement {
  rekening: string;
  valuta: string;
  /** Statement number as the bank counts it, with the year of its date. */
  uittreksel: string;
  payments: Payment[];
  /** Lines that could not be read, as Dutch remarks. */
  opmerkingen: string[];
}

/** Reads every statement in one CODA file (a file may hold several). Throws ReadError when nothing usable is in it. */
export function readCoda(text: string, bestand: string): CodaStatement[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const statements: CodaStatement[] = [];
  let current: CodaStatement | null = null;
  let movements: Movement[] = [];
  let last: Movement | null = null;
  let infoStructured = false;
  let fileDate = '';
  let badLines = 0;
  const trailers: { debit: number; credit: number; from: number }[] = [];
  let trailerFrom = 0;

  const finish = () => {
    if (!current) return;
    current.payments = toPayments(current, movements, bestand);
    statements.push(current);
    current = null;
    movements = [];
    last = null;
  };

  lines.forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = raw.padEnd(128, ' ');
    const rec = line[0];
    const sub = line[1];
    if (rec === '0') {
      finish();
      fileDate = ddmmyy(f(line, 6, 11)) ?? '';
    } else if (rec === '1') {
      finish();
      const structure = line[1];
      const acc = structure === '0' ? f(line, 6, 17) : structure === '2' ? f(line, 6, 21) : f(line, 6, 39);
      const valuta = (structure === '0' ? f(line, 19, 21) : f(line, 40, 42)).trim() || 'EUR';
      const date = ddmmyy(f(line, 59, 64)) ?? fileDate;
      const seq = f(line, 126, 128).trim() || f(line, 3, 5).trim();
      current = { rekening: belgianAccountIban(normalizeAccount(acc.trim())), valuta, uittreksel: `${date.slice(0, 4)}/${seq}`, payments: [], opmerkingen: [] };
    } else if (rec === '2' && current) {
      if (sub === '1') {
        const cents = Number(f(line, 33, 47));
        if (!/^\d{15}$/.test(f(line, 33, 47)) || !(line[31] === '0' || line[31] === '1')) {
          badLines++;
          current.opmerkingen.push(`regel ${index + 1}: bedrag of teken van de beweging onleesbaar`);
          last = null;
          return;
        }
        const m: Movement = {
          seq: f(line, 3, 6),
          detail: f(line, 7, 10),
          bankRef: f(line, 11, 31).trim(),
          sign: line[31] as '0' | '1',
          // Three decimals in the file; cents rounded half up.
          cents: Math.round(cents / 10),
          globalised: /[1-9]/.test(line[124] ?? '0'),
          text: [],
        };
        const vd = ddmmyy(f(line, 48, 53));
        if (vd) m.valueDate = vd;
        const ed = ddmmyy(f(line, 116, 121));
        if (ed) m.entryDate = ed;
        if (line[61] === '1') {
          const type = f(line, 63, 65);
          const body = f(line, 66, 115);
          if (type === '101' || type === '102') {
            const digits = body.slice(0, 12);
            m.structured = findStructured(digits).valid ? { valid: digits } : { invalid: digits };
          } else if (body.trim()) m.text.push(body.trim());
        } else {
          m.text.push(f(line, 63, 115));
        }
        movements.push(m);
        last = m;
      } else if (sub === '2' && last) {
        if (!last.structured) last.text.push(f(line, 11, 63));
      } else if (sub === '3' && last) {
        const acc = f(line, 11, 44).trim();
        if (acc) last.counterAccount = belgianAccountIban(normalizeAccount(acc));
        const name = f(line, 48, 82).trim();
        if (name) last.counterName = name;
        if (!last.structured) last.text.push(f(line, 83, 125));
      }
    } else if (rec === '3' && current && last) {
      if (sub === '1') {
        infoStructured = line[39] === '1';
        if (!infoStructured) last.text.push(f(line, 41, 113));
      } else if (sub === '2' && !infoStructured) last.text.push(f(line, 11, 115));
      else if (sub === '3' && !infoStructured) last.text.push(f(line, 11, 100));
    } else if (rec === '4' || rec === '8') {
      // Free message and new balance: nothing to match on.
    } else if (rec === '9') {
      finish();
      // The trailer's totals: a check that every movement was read, globalised ones once.
      const debit = f(line, 23, 37);
      const credit = f(line, 38, 52);
      if (/^\d{15}$/.test(debit) && /^\d{15}$/.test(credit)) trailers.push({ debit: Math.round(Number(debit) / 10), credit: Math.round(Number(credit) / 10), from: trailerFrom });
      trailerFrom = statements.length;
    } else if (!/^[0-9]/.test(rec ?? '')) {
      badLines++;
    }
  });
  finish();
  for (const t of trailers) {
    const payments = statements.slice(t.from).flatMap((st) => st.payments);
    const sum = (dir: Payment['richting']) => payments.filter((p) => p.richting === dir).reduce((a, p) => a + p.bedrag, 0);
    if (sum('in') !== t.credit || sum('uit') !== t.debit) statements.at(-1)?.opmerkingen.push(`de totalen in het bestand (in ${formatMoney(t.credit)}, uit ${formatMoney(t.debit)}) verschillen van de gelezen bewegingen (in ${formatMoney(sum('in'))}, uit ${formatMoney(sum('uit'))}); controleer het bestand`);
  }
  if (!statements.length) throw new ReadError(badLines ? 'dit lijkt geen CODA-bestand: er staat geen rekening (record 1) in' : 'het CODA-bestand bevat geen uittreksel (record 1)');
  return statements;
}

function toPayments(stmt: CodaStatement, movements: Movement[], bestand: string): Payment[] {
  // A globalised total is replaced by its details when they are there.
  const withDetails = new Set(movements.filter((m) => m.detail !== '0000').map((m) => m.seq));
  const used = movements.filter((m) => !(m.detail === '0000' && m.globalised && withDetails.has(m.seq)));
  return used.map((m) => {
    const text = m.text.join('').replace(/\s+/g, ' ').trim();
    const p: Payment = {
      id: `${stmt.rekening}|${m.bankRef || `${stmt.uittreksel}/${m.seq}`}|${m.detail}|${m.sign}${m.cents}`,
      rekening: stmt.rekening,
      datum: m.entryDate ?? m.valueDate ?? '',
      bedrag: m.cents,
      richting: m.sign === '0' ? 'in' : 'uit',
      valuta: stmt.valuta,
      mededeling: text,
      bestand,
    };
    if (m.valueDate) p.valutadatum = m.valueDate;
    if (m.counterName) p.tegenpartij = m.counterName;
    if (m.counterAccount) p.tegenrekening = m.counterAccount;
    if (m.bankRef) p.bankReferentie = m.bankRef;
    const structured = m.structured ?? findStructured(text);
    if (structured.valid) p.ogm = structured.valid;
    else if (structured.invalid) p.ongeldigeOgm = structured.invalid;
    return p;
  });
}
