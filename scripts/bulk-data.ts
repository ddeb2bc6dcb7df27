// A generated export of open invoices for the bench (bulk mode, command line, worker): a Belgian
// Excel CSV (';', decimal comma, dd-mm-jjjj), seeded so every run reads the same file.
// Usage as a script: node scripts/bulk-data.ts <rows> <file.csv> [today]

import { mulberry32 } from '../src/lib/seeded-random.ts';

const NAMES = ['Bakkerij', 'Brasserie', 'Garage', 'Drukkerij', 'Kapsalon', 'Slagerij', 'Bloemenhuis', 'Koffiebar', 'Boekhandel', 'Tuincentrum', 'Hotel', 'Traiteur'];
const FAMILY = ['De Linde', 'Het Anker', 'Van Acker', 'Peeters', 'De Smet', 'Janssens', 'Willems', 'Maes', 'Claes', 'Goossens', 'Wouters', 'De Vries'];
const TOWNS: [string, string][] = [['9000', 'Gent'], ['2000', 'Antwerpen'], ['3000', 'Leuven'], ['8000', 'Brugge'], ['1000', 'Brussel'], ['3500', 'Hasselt']];

const addDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const euro = (cents: number) => `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(cents % 100).padStart(2, '0')}`;

export const HEADER = 'Klantnummer;Klantnaam;E-mail;Straat;Postcode;Gemeente;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag;Openstaand';

/**
 * `rows` invoices, four per customer (or `perCustomer` on average: 2.5 gives 2, 3, 2, 3, …), as
 * CSV lines (header first), produced lazily so a file of any size is written without building it
 * in memory. The oldest invoice of a customer is between 12 days before and 130 days after its
 * due date, so every step of a playbook is hit.
 */
export function* invoiceLines(rows: number, today: string, seed = 20261207, perCustomer = 4): Generator<string> {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  yield HEADER;
  let customer = 0;
  let written = 0;
  while (written < rows) {
    const naam = `${pick(NAMES)} ${pick(FAMILY)} ${customer}`;
    const [postcode, gemeente] = pick(TOWNS);
    const oldestLate = -12 + Math.floor(random() * 143);
    const count = Math.floor((customer + 1) * perCustomer) - Math.floor(customer * perCustomer);
    for (let i = 0; i < count && written < rows; i++, written++) {
      const due = addDays(today, -(i === 0 ? oldestLate : oldestLate - 5 - Math.floor(random() * 40)));
      const bedrag = 2_000 + Math.floor(random() * 600_000);
      yield [`K-${100000 + customer}`, naam, customer % 25 === 7 ? '' : `factuur${customer}@klant${customer}.example`, `Dorpsstraat ${(customer % 200) + 1}`, postcode, gemeente, `2026-${String(written + 1).padStart(6, '0')}`, dmy(addDays(due, -30)), dmy(due), euro(bedrag), euro(bedrag)].join(';');
    }
    customer++;
  }
}

if (import.meta.main) {
  const [rows, file, today] = process.argv.slice(2);
  if (!rows || !file) throw new Error('usage: node scripts/bulk-data.ts <rows> <file.csv> [today]');
  const { createWriteStream } = await import('node:fs');
  const out = createWriteStream(file);
  for (const line of invoiceLines(Number(rows), today ?? '2026-06-15')) if (!out.write(`${line}\r\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  out.end();
}
