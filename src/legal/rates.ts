/**
 * Interest-rate tables built from the rows in rate-data.ts (recorded in docs/legal-facts.md §1.2,
 * §2.6, §3.2 and §3.3). We store published values and never compute a rate from the ECB rate: the
 * formula is text for the user who must type a rate not yet published (ecb.ts applies it only to
 * check the rows). A period whose rate nobody
 * has published is stored with `ratePercent: null` and status 'unknown', so a calculation says so.
 */
import { addDays } from './dates.ts';
import { BE_COMMERCIAL_ROWS, BE_LEGAL_ROWS, NL_COMMERCIAL_ROWS, NL_LEGAL_ROWS, RATE_SOURCES as S } from './rate-data.ts';
import type { RateRow } from './rate-data.ts';
import type { Confidence, IsoDate, Jurisdiction, Source, Status } from './types.ts';

/** One published rate and the period it applies to (both ends inclusive). */
export interface RatePeriod {
  /** How legal-facts.md names the period: "2023 H1", "2024", "2024-07-01". */
  readonly label: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate;
  /** Yearly rate in percent (10.5 means 10.5 %); null when it is unknown. */
  readonly ratePercent: number | null;
  readonly status: Status;
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  readonly note?: string;
}

export type InterestKind = 'commercial' | 'legal';
export type RateTableId = 'be-commercial' | 'be-legal' | 'nl-commercial' | 'nl-legal';

export interface RateTable {
  readonly id: RateTableId;
  readonly jurisdiction: Jurisdiction;
  readonly kind: InterestKind;
  /** Dutch name as printed on the site. */
  readonly name: string;
  /** How often the rate is set: calculations split the period on this grid. */
  readonly grid: 'half-year' | 'year';
  /** NL rates compound yearly (6:119 lid 2, 6:119a lid 3 BW); Belgian rates are simple. */
  readonly compounding: 'none' | 'yearly';
  /** How the rate is set, in Dutch, for the user who must type a rate not yet published; never used to compute a value. */
  readonly formula: string;
  /** The official Dutch page where the rate is published: shown when a period has no Dutch source. */
  readonly reference: Source;
  /** Official publications for the table as a whole. */
  readonly sources: readonly Source[];
  /** Where the formula is explained. */
  readonly formulaSources: readonly Source[];
  readonly periods: readonly RatePeriod[];
}

const HALF_END = { 1: '06-30', 2: '12-31' } as const;

function freeze(p: RatePeriod): RatePeriod {
  const { note, ...rest } = p;
  return Object.freeze(note === undefined ? rest : { ...rest, note });
}

type Labels = 'semester' | 'year' | 'start';

/** Rows → periods: each runs to the day before the next row (a year or half year for the last). */
function periods(rows: readonly RateRow[], grid: RateTable['grid'], labels: Labels): readonly RatePeriod[] {
  return Object.freeze(
    rows.map(([validFrom, ratePercent, status, confidence, sources, note], i) => {
      const year = validFrom.slice(0, 4);
      const half = validFrom.slice(5) === '01-01' ? 1 : 2;
      const next = rows[i + 1]?.[0];
      const validTo = next !== undefined ? addDays(next, -1) : grid === 'year' ? `${year}-12-31` : `${year}-${HALF_END[half]}`;
      const label = labels === 'year' ? year : labels === 'semester' ? `${year} H${half}` : validFrom;
      return freeze({ label, validFrom, validTo, ratePercent, status, confidence, sources: Object.freeze([...sources]), note });
    }),
  );
}

/** Belgium, art. 5 wet van 2 augustus 2002: rate per semester (legal-facts.md §1.2). */
export const BE_COMMERCIAL_RATES: RateTable = Object.freeze({
  id: 'be-commercial',
  jurisdiction: 'be',
  kind: 'commercial',
  name: 'Interestvoet bij betalingsachterstand in handelstransacties (wet van 2 augustus 2002)',
  grid: 'half-year',
  compounding: 'none',
  formula: 'de rentevoet van de Europese Centrale Bank voor haar basisherfinancieringstransacties (de laatste vóór 1 januari of 1 juli), plus 8 procentpunt, naar boven afgerond op een half procent',
  reference: S.fodFinancien,
  sources: Object.freeze([S.fodFinancien, S.staatsblad2023H1]),
  formulaSources: Object.freeze([S.wet2aug2002, S.ecbKeyRates]),
  periods: periods(BE_COMMERCIAL_ROWS, 'half-year', 'semester'),
});

/** Belgium, wettelijke interestvoet (wet van 5 mei 1865), per calendar year (legal-facts.md §2.6). */
export const BE_LEGAL_RATES: RateTable = Object.freeze({
  id: 'be-legal',
  jurisdiction: 'be',
  kind: 'legal',
  name: 'Wettelijke interestvoet',
  grid: 'year',
  compounding: 'none',
  formula: 'het gemiddelde van de Euribor op één jaar in december van het vorige jaar, naar boven afgerond op een kwart procent, plus 2 procentpunt; per kalenderjaar bekendgemaakt in het Belgisch Staatsblad',
  reference: S.fodFinancien,
  sources: Object.freeze([S.fodFinancien]),
  formulaSources: Object.freeze([S.kluwerImmo]),
  periods: periods(BE_LEGAL_ROWS, 'year', 'year'),
});

/** Netherlands, wettelijke handelsrente (6:119a/6:119b BW), per half year (legal-facts.md §3.2). */
export const NL_COMMERCIAL_RATES: RateTable = Object.freeze({
  id: 'nl-commercial',
  jurisdiction: 'nl',
  kind: 'commercial',
  name: 'Wettelijke handelsrente',
  grid: 'half-year',
  compounding: 'yearly',
  formula: 'de rente van de Europese Centrale Bank voor haar basisherfinancieringstransacties (de laatste vóór 1 januari of 1 juli), plus 8 procentpunt, zonder afronding (art. 6:120 lid 2 BW)',
  reference: S.rijksoverheidWettelijkeRente,
  sources: Object.freeze([S.rijksoverheidWettelijkeRente, S.bw6]),
  formulaSources: Object.freeze([S.bw6, S.ecbKeyRates]),
  periods: periods(NL_COMMERCIAL_ROWS, 'half-year', 'start'),
});

/** Netherlands, wettelijke rente (6:119 BW), per half year (legal-facts.md §3.3). */
export const NL_LEGAL_RATES: RateTable = Object.freeze({
  id: 'nl-legal',
  jurisdiction: 'nl',
  kind: 'legal',
  name: 'Wettelijke rente',
  grid: 'half-year',
  compounding: 'yearly',
  formula: 'bij besluit vastgesteld: de rente van de Europese Centrale Bank voor haar basisherfinancieringstransacties plus 2,25 procentpunt, per keer hoogstens 2 procentpunt hoger of lager (art. 6:120 lid 1 BW)',
  reference: S.besluitWettelijkeRente2023,
  sources: Object.freeze([S.besluitWettelijkeRente2023, S.rijksoverheidWettelijkeRente]),
  formulaSources: Object.freeze([S.stb2014491]),
  periods: periods(NL_LEGAL_ROWS, 'half-year', 'start'),
});

export const RATE_TABLES: readonly RateTable[] = Object.freeze([BE_COMMERCIAL_RATES, BE_LEGAL_RATES, NL_COMMERCIAL_RATES, NL_LEGAL_RATES]);

/** The table for a jurisdiction and kind of interest. */
export function rateTable(jurisdiction: Jurisdiction, kind: InterestKind): RateTable {
  const t = RATE_TABLES.find((r) => r.jurisdiction === jurisdiction && r.kind === kind);
  if (!t) throw new RangeError(`Geen rentetabel voor ${jurisdiction}/${kind}.`);
  return t;
}

/** The period covering `date`, or undefined when the table has no row for it (never guessed). */
export function ratePeriodOn(table: RateTable, date: IsoDate): RatePeriod | undefined {
  return table.periods.find((p) => p.validFrom <= date && date <= p.validTo);
}
