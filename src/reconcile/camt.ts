/**
 * ISO 20022 bank statements: camt.053 (BkToCstmrStmt/Stmt) and camt.054 (notifications,
 * BkToCstmrDbtCdtNtfctn/Ntfctn), versions 001.02 to 001.13 (party names moved under Pty in
 * later versions; both are read). One payment per transaction detail when the bank splits a
 * batch with amounts, else one per entry.
 */
import type { Payment } from './types.ts';
import { ReadError } from './ubl.ts';
import { decimalToCents, findStructured, isoDatePart, normalizeAccount } from './values.ts';
import { all, at, child, childrenNamed, textAt, type XmlElement } from './xml.ts';

export interface CamtStatement {
  soort: 'camt.053' | 'camt.054';
  rekening: string;
  valuta: string;
  uittreksel: string;
  payments: Payment[];
  /** Entries left out (pending, reversed …), as Dutch remarks. */
  opmerkingen: string[];
}

export function camtKind(root: XmlElement): 'camt.053' | 'camt.054' | null {
  if (root.name !== 'Document') return null;
  if (child(root, 'BkToCstmrStmt')) return 'camt.053';
  if (child(root, 'BkToCstmrDbtCdtNtfctn')) return 'camt.054';
  return null;
}

const partyName = (p: XmlElement | undefined) => textAt(p, 'Nm') ?? textAt(p, 'Pty/Nm');
const accountId = (a: XmlElement | undefined) => textAt(a, 'Id/IBAN') ?? textAt(a, 'Id/Othr/Id');
const dateOf = (el: XmlElement | undefined) => isoDatePart(textAt(el, 'Dt') ?? textAt(el, 'DtTm'));

function remittance(tx: XmlElement | undefined): { text: string; refs: string[] } {
  const rmt = child(tx, 'RmtInf');
  const text = childrenNamed(rmt, 'Ustrd').map((u) => u.text.trim()).filter(Boolean).join(' ');
  const refs = all(rmt, 'Strd/CdtrRefInf/Ref').map((r) => r.text.trim()).filter(Boolean);
  return { text, refs };
}

export function readCamt(root: XmlElement, bestand: string): CamtStatement[] {
  const kind = camtKind(root);
  if (!kind) throw new ReadError('dit XML-bestand is geen camt.053- of camt.054-uittreksel');
  const body = child(root, kind === 'camt.053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn')!;
  const stmts = childrenNamed(body, kind === 'camt.053' ? 'Stmt' : 'Ntfctn');
  if (!stmts.length) throw new ReadError(`het ${kind}-bestand bevat geen uittreksel`);
  return stmts.map((stmt, si) => {
    const acc = accountId(at(stmt, 'Acct'));
    const rekening = acc ? normalizeAccount(acc) : 'onbekende rekening';
    const valuta = textAt(stmt, 'Acct/Ccy') ?? 'EUR';
    const uittreksel = textAt(stmt, 'ElctrncSeqNb') ?? textAt(stmt, 'LglSeqNb') ?? textAt(stmt, 'Id') ?? `${bestand}/${si + 1}`;
    const opmerkingen: string[] = [];
    const payments: Payment[] = [];
    const seen = new Map<string, number>();
    childrenNamed(stmt, 'Ntry').forEach((ntry, ni) => {
      const status = textAt(ntry, 'Sts') ?? textAt(ntry, 'Sts/Cd') ?? 'BOOK';
      if (status !== 'BOOK') {
        opmerkingen.push(`boeking ${ni + 1} is nog niet geboekt (status ${status}) en telt niet mee`);
        return;
      }
      const amountEl = child(ntry, 'Amt');
      const total = decimalToCents(amountEl?.text);
      if (total === null) {
        opmerkingen.push(`boeking ${ni + 1} heeft geen leesbaar bedrag`);
        return;
      }
      const credit = textAt(ntry, 'CdtDbtInd') === 'CRDT';
      const reversed = textAt(ntry, 'RvslInd') === 'true';
      const richting: Payment['richting'] = credit !== reversed ? 'in' : 'uit';
      const datum = dateOf(child(ntry, 'BookgDt')) ?? dateOf(child(ntry, 'ValDt')) ?? '';
      const valutadatum = dateOf(child(ntry, 'ValDt'));
      const ccy = amountEl?.attrs.Ccy ?? valuta;
      const entryRef = textAt(ntry, 'NtryRef') ?? textAt(ntry, 'AcctSvcrRef');
      const txs = all(ntry, 'NtryDtls/TxDtls');
      const txAmount = (tx: XmlElement) => decimalToCents(textAt(tx, 'Amt') ?? textAt(tx, 'AmtDtls/TxAmt/Amt') ?? textAt(tx, 'AmtDtls/InstdAmt/Amt'));
      const split = txs.length > 1 && txs.every((tx) => txAmount(tx) !== null);
      const parts: { tx: XmlElement | undefined; cents: number }[] = split ? txs.map((tx) => ({ tx, cents: Math.abs(txAmount(tx)!) })) : [{ tx: txs[0], cents: Math.abs(total) }];
      const entryText = textAt(ntry, 'AddtlNtryInf');
      parts.forEach(({ tx, cents }, ti) => {
        const rmt = split ? remittance(tx) : txs.map(remittance).reduce((a, b) => ({ text: [a.text, b.text].filter(Boolean).join(' '), refs: [...a.refs, ...b.refs] }), { text: '', refs: [] as string[] });
        const other = richting === 'in' ? 'Dbtr' : 'Cdtr';
        const tegenpartij = partyName(at(tx, `RltdPties/${other}`)) ?? partyName(at(tx, `RltdPties/Ultmt${other}`));
        const tegenrekening = accountId(at(tx, `RltdPties/${other}Acct`));
        const txRef = textAt(tx, 'Refs/AcctSvcrRef') ?? textAt(tx, 'Refs/EndToEndId');
        const mededeling = [rmt.text, rmt.refs.length ? '' : entryText].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
        // Stable across overlapping statements: the bank's references, else the content and its rank.
        let ref = entryRef ? `${entryRef}/${ti}` : txRef && txRef !== 'NOTPROVIDED' ? `${txRef}/${ti}` : '';
        if (!ref) {
          const content = `${datum}|${richting}${cents}|${tegenrekening ?? ''}|${mededeling}`;
          const n = (seen.get(content) ?? 0) + 1;
          seen.set(content, n);
          ref = `${content}|${n}`;
        }
        const p: Payment = { id: `${rekening}|${ref}`, rekening, datum, bedrag: cents, richting, valuta: ccy, mededeling, bestand };
        if (valutadatum) p.valutadatum = valutadatum;
        if (tegenpartij) p.tegenpartij = tegenpartij;
        if (tegenrekening) p.tegenrekening = normalizeAccount(tegenrekening);
        const bankRef = entryRef ?? txRef;
        if (bankRef) p.bankReferentie = bankRef;
        // A structured creditor reference (SCOR, issuer BBA in Belgium) first, then the free text.
        for (const r of rmt.refs) {
          const s = findStructured(r);
          if (s.valid) {
            p.ogm = s.valid;
            break;
          }
          if (/^\d{12}$/.test(r.replace(/[\s/+*]/g, ''))) p.ongeldigeOgm ??= r;
          else if (!p.mededeling.includes(r)) p.mededeling = `${r} ${p.mededeling}`.trim();
        }
        if (!p.ogm) {
          const s = findStructured(mededeling);
          if (s.valid) p.ogm = s.valid;
          else if (s.invalid) p.ongeldigeOgm ??= s.invalid;
        }
        payments.push(p);
      });
    });
    return { soort: kind, rekening, valuta, uittreksel, payments, opmerkingen };
  });
}
