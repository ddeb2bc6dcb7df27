/** Dutch value formatting shared by every renderer and export: one place for each convention. */

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 124050 -> "€ 1.240,50" (Belgian and Dutch usage: point for thousands, comma for decimals). */
export function formatMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-10-31" -> "31 oktober 2026". Invalid input is returned unchanged rather than guessed. */
export function formatDateLong(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** "2026-10-31" -> "31-10-2026", the form spreadsheets and tools expect in Belgium and the Netherlands. */
export function formatDateShort(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** 10.5 -> "10,5 %". */
export function formatPercent(value: number): string {
  return `${String(value).replace('.', ',')} %`;
}

/** Whole days from one ISO date to another (UTC, so daylight saving never shifts a day). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}
