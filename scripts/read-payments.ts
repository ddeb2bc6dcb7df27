/**
 * Runs the reconcile readers over every file in a folder (invoices, zips, CODA, camt) and prints
 * what each gave, so anyone can check real files without the site:
 *   node scripts/read-payments.ts <folder>
 * Not part of npm test: the files are yours, not the project's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFiles } from '../src/reconcile/files.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('Gebruik: node scripts/read-payments.ts <map met facturen en uittreksels>');
  process.exit(2);
}
const names = readdirSync(folder).filter((n) => statSync(join(folder, n)).isFile() && !/\.md$/i.test(n)).sort();
const result = readFiles(names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(folder, name))) })));
const euro = (cents: number, ccy = 'EUR') => `${ccy} ${(cents / 100).toFixed(2)}`;

for (const f of result.files) {
  console.log(`\n${f.bestand}: ${f.soort}${f.betalingen || f.dubbel ? `, ${f.betalingen} bewegingen${f.dubbel ? ` (+${f.dubbel} dubbel)` : ''}` : ''}`);
  for (const inv of result.invoices.filter((i) => i.bestand === f.bestand)) {
    const k = inv.klant;
    console.log(`  ${inv.soort} ${inv.nummer} van ${inv.datum ?? '?'}, vervalt ${inv.vervaldatum ?? '?'}${inv.vervaldatumBron ? ` (${inv.vervaldatumBron})` : ''}: ${euro(inv.bedrag, inv.valuta)}`);
    console.log(`    klant: ${k.naam || '?'} | ${[k.straat, k.postcode, k.gemeente, k.land].filter(Boolean).join(', ') || 'geen adres'} | ${k.nummerSoort ?? 'nummer'} ${k.nummer ?? '-'} | ${k.email ?? 'geen e-mail'}`);
    console.log(`    betaling: ${inv.ogm ? `OGM ${inv.ogm}` : `referentie ${inv.betaalReferentie ?? '-'}`} | IBAN ${inv.iban ?? '-'} | PDF ${inv.pdf ? `${inv.pdf.naam} ${inv.pdf.bytes.length} bytes` : 'geen'}${inv.crediteert.length ? ` | crediteert ${inv.crediteert.join(', ')}` : ''}`);
  }
  const pays = result.payments.filter((p) => p.bestand === f.bestand);
  if (pays.length) {
    const inn = pays.filter((p) => p.richting === 'in');
    const ogm = pays.filter((p) => p.ogm).length;
    console.log(`  rekening ${pays[0]!.rekening}: ${inn.length} in (${euro(inn.reduce((s, p) => s + p.bedrag, 0), pays[0]!.valuta)}), ${pays.length - inn.length} uit; ${ogm} met geldige OGM, ${pays.filter((p) => p.ongeldigeOgm).length} met ongeldige`);
    for (const p of pays.slice(0, 4)) console.log(`    ${p.datum} ${p.richting} ${euro(p.bedrag, p.valuta)} ${p.tegenpartij ?? '?'} ${p.tegenrekening ?? ''} ${p.ogm ? `OGM ${p.ogm}` : ''}${p.ongeldigeOgm ? `ongeldige OGM ${p.ongeldigeOgm}` : ''} "${p.mededeling.slice(0, 60)}"`);
  }
  for (const m of result.messages.filter((m) => m.bestand === f.bestand)) console.log(`  [${m.ernst}] ${m.bericht}`);
}
const inn = result.payments.filter((p) => p.richting === 'in');
console.log(`\n${result.files.length} bestanden: ${result.invoices.length} facturen/creditnota's, ${result.payments.length} bewegingen (${inn.length} ontvangsten), ${result.messages.filter((m) => m.ernst === 'fout').length} niet gelezen`);
