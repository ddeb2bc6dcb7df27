/**
 * A small example export for the bulk page ("Probeer met een voorbeeld"), made in the browser with
 * due dates counted back from the sending date, so the customers always land on different steps.
 * Belgian Excel style: ';', decimal comma, dd-mm-jjjj. Every name, address and IBAN is made up; two
 * rows are broken on purpose, so the page shows what a problem looks like.
 */
const HEADERS = ['Klantnummer', 'Klant', 'Contactpersoon', 'E-mail', 'Straat', 'Postcode', 'Gemeente', 'Land', 'Factuurnummer', 'Factuurdatum', 'Vervaldatum', 'Bedrag', 'Openstaand', 'IBAN klant'];

interface SampleRow {
  klant: [nummer: string, naam: string, contact: string, email: string, straat: string, postcode: string, gemeente: string, land: string];
  factuur: string;
  /** Days late on the sending date (negative: not due yet). */
  late: number;
  bedrag: string;
  openstaand: string;
  iban?: string;
  /** Replaces the due date (a broken row). */
  vervaldatum?: string;
}

const KLANTEN = {
  linde: ['K-101', 'Brasserie De Linde bv', 'Ines Vermeulen', 'boekhouding@delinde.be', 'Markt 4', '9000', 'Gent', 'BE'],
  anker: ['K-102', 'Drukkerij Het Anker', 'Tom Claes', 'tom@hetanker.be', 'Havenlaan 12', '2000', 'Antwerpen', 'BE'],
  zon: ['K-103', 'Kapsalon Zonnebloem', '', 'info@kapsalonzonnebloem.be', 'Dorpsstraat 8', '3000', 'Leuven', 'BE'],
  acker: ['K-104', 'Schrijnwerkerij Van Acker', 'Els Van Acker', '', 'Stationsstraat 21', '8000', 'Brugge', 'BE'],
  noord: ['K-105', 'Studio Noord B.V.', 'Femke de Vries', 'factuur@studionoord.nl', 'Keizersgracht 12', '1015 CJ', 'Amsterdam', 'NL'],
  mokka: ['K-106', 'Koffiebar Mokka', 'Sara Maes', 'sara@koffiebarmokka.be', 'Grote Markt 1', '2800', 'Mechelen', 'BE'],
} as const satisfies Record<string, SampleRow['klant']>;

const ROWS: SampleRow[] = [
  { klant: [...KLANTEN.linde], factuur: '2026-0412', late: 19, bedrag: '1.240,50', openstaand: '1.240,50', iban: 'BE71 0961 2345 6769' },
  { klant: [...KLANTEN.linde], factuur: '2026-0437', late: 9, bedrag: '484,00', openstaand: '284,00', iban: 'BE71 0961 2345 6769' },
  { klant: [...KLANTEN.linde], factuur: '2026-0459', late: 2, bedrag: '326,70', openstaand: '326,70', iban: 'BE71 0961 2345 6769' },
  { klant: [...KLANTEN.anker], factuur: '2026-0398', late: 42, bedrag: '2.420,00', openstaand: '2.420,00' },
  { klant: [...KLANTEN.zon], factuur: '2026-0470', late: 6, bedrag: '157,30', openstaand: '157,30', iban: 'BE12 3456 7890 1234' },
  { klant: [...KLANTEN.acker], factuur: '2026-0451', late: 16, bedrag: '968,00', openstaand: '968,00' },
  { klant: [...KLANTEN.noord], factuur: '2026-0466', late: 31, bedrag: '1.452,00', openstaand: '1.452,00' },
  { klant: [...KLANTEN.noord], factuur: '2026-0481', late: 12, bedrag: '726,00', openstaand: 'zeshonderd' },
  { klant: [...KLANTEN.mokka], factuur: '2026-0488', late: -2, bedrag: '90,75', openstaand: '90,75' },
  { klant: [...KLANTEN.mokka], factuur: '2026-0490', late: 0, bedrag: '45,00', openstaand: '45,00', vervaldatum: '31-02-2026' },
];

function shift(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The example file for a sending date (YYYY-MM-DD), with a BOM and CRLF as Excel writes it. */
export function sampleCsv(today: string): string {
  const lines = [HEADERS.join(';')];
  for (const row of ROWS) {
    const due = shift(today, -row.late);
    lines.push([...row.klant, row.factuur, dmy(shift(due, -30)), row.vervaldatum ?? dmy(due), row.bedrag, row.openstaand, row.iban ?? ''].join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export const SAMPLE_FILE_NAME = 'tijdig-voorbeeld-openstaande-facturen.csv';
