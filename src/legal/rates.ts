/**
 * Published interest rates as data, recorded in docs/legal-facts.md §1.2 (BE commercial), §2.6
 * (BE legal), §3.2 and §3.3 (NL). We store the published values and never compute a rate from the ECB rate: the
 * formulas are kept as documentation only. A period whose rate nobody has published yet is stored
 * with `ratePercent: null` and status 'unknown', so a calculation can say so instead of guessing.
 */
import { SOURCES as S } from './sources.ts';
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
  /** How the rate is set, for documentation only: never used to compute a value. */
  readonly formula: string;
  readonly sources: readonly Source[];
  readonly periods: readonly RatePeriod[];
}

const HALF_END = { 1: '06-30', 2: '12-31' } as const;
const HALF_START = { 1: '01-01', 2: '07-01' } as const;

type Row = [rate: number | null, status: Status, confidence: Confidence, sources: readonly Source[], note?: string];

function semester(year: number, half: 1 | 2, [ratePercent, status, confidence, sources, note]: Row): RatePeriod {
  return freeze({ label: `${year} H${half}`, validFrom: `${year}-${HALF_START[half]}`, validTo: `${year}-${HALF_END[half]}`, ratePercent, status, confidence, sources, note });
}

function calendarYear(year: number, [ratePercent, status, confidence, sources, note]: Row): RatePeriod {
  return freeze({ label: String(year), validFrom: `${year}-01-01`, validTo: `${year}-12-31`, ratePercent, status, confidence, sources, note });
}

function freeze(p: RatePeriod): RatePeriod {
  const { note, ...rest } = p;
  return Object.freeze(note === undefined ? rest : { ...rest, note });
}

const BE_COMMERCIAL_BASE = [S.embuildVlaamsBrabant, S.schoupsRatesRise, S.mondaq, S.staatsblad2023H1, S.fodFinancien];

/** Belgium, art. 5 wet van 2 augustus 2002: rate per semester (legal-facts.md §1.2). */
export const BE_COMMERCIAL_RATES: RateTable = Object.freeze({
  id: 'be-commercial',
  jurisdiction: 'be',
  kind: 'commercial',
  name: 'Interestvoet bij betalingsachterstand in handelstransacties (wet van 2 augustus 2002)',
  grid: 'half-year',
  compounding: 'none',
  formula: 'ECB-herfinancieringsrente + 8 procentpunt, afgerond naar het hogere halve procentpunt; per semester bekendgemaakt in het Belgisch Staatsblad',
  sources: BE_COMMERCIAL_BASE,
  periods: Object.freeze([
    semester(2019, 1, [8.0, 'verified', 'high', [S.vanOstaeyen, S.exago]]),
    semester(2019, 2, [8.0, 'verified', 'high', [S.vanOstaeyen, S.exago], 'fidelium.eu says 8.5 %; we judge that an error (ECB rate 0 %, Wolters Kluwer: 8 % without a break since 2016 H2).']),
    semester(2020, 1, [8.0, 'verified', 'high', [S.phcExpert, S.fidelium, S.woltersKluwer]]),
    semester(2020, 2, [8.0, 'verified', 'high', [S.phcExpert, S.fidelium, S.woltersKluwer]]),
    semester(2021, 1, [8.0, 'verified', 'high', [S.phcExpert]]),
    semester(2021, 2, [8.0, 'verified', 'high', [S.fidelium]]),
    semester(2022, 1, [8.0, 'verified', 'high', [S.schoups2022]]),
    semester(2022, 2, [8.0, 'verified', 'high', [S.woltersKluwer]]),
    semester(2023, 1, [10.5, 'verified', 'high', [S.staatsblad2023H1], 'Primary source (Staatsblad copy).']),
    semester(2023, 2, [12.0, 'verified', 'high', [S.schoups2023H2]]),
    semester(2024, 1, [12.5, 'verified', 'high', [S.medenam, S.leuropeinfo]]),
    semester(2024, 2, [12.5, 'verified', 'high', [S.forumForTheFuture, S.leuropeinfo]]),
    semester(2025, 1, [11.5, 'verified', 'high', [S.leuropeinfo, S.lawbase]]),
    semester(2025, 2, [10.5, 'verified', 'medium-high', [S.lawbase, S.embuild2026]]),
    semester(2026, 1, [10.5, 'unverified', 'medium', [S.embuild2026], 'Expected value: embuild says "not yet published"; Staatsblad communication not seen.']),
    semester(2026, 2, [null, 'unknown', 'n/a', [S.embuild2026], 'Not found: depends on the ECB rate at 1 July 2026 ']),
  ]),
});

/** Belgium, wettelijke interestvoet (wet van 5 mei 1865), per calendar year (legal-facts.md §2.6). */
export const BE_LEGAL_RATES: RateTable = Object.freeze({
  id: 'be-legal',
  jurisdiction: 'be',
  kind: 'legal',
  name: 'Wettelijke interestvoet',
  grid: 'year',
  compounding: 'none',
  formula: 'Gemiddelde 1-jaars-EURIBOR van december van het vorige jaar, naar boven afgerond op een kwart procent, plus 2 %; per kalenderjaar vastgelegd',
  sources: [S.lydian, S.kluwerImmo],
  periods: Object.freeze([
    calendarYear(2019, [2.0, 'verified', 'high', [S.lydian, S.kluwerImmo]]),
    calendarYear(2020, [1.75, 'verified', 'high', [S.lydian, S.kluwerImmo]]),
    calendarYear(2021, [1.75, 'verified', 'high', [S.lydian, S.kluwerImmo, S.fidelium]]),
    calendarYear(2022, [1.5, 'verified', 'high', [S.lydian, S.schoupsNoUrl]]),
    calendarYear(2023, [5.25, 'verified', 'high', [S.lydian, S.kluwerImmo, S.gsj, S.mondaq]]),
    calendarYear(2024, [5.75, 'unverified', 'medium', [S.leuropeinfo], 'Single source.']),
    calendarYear(2025, [4.5, 'verified', 'high', [S.leuropeinfo, S.lawbase]]),
    calendarYear(2026, [4.5, 'verified', 'medium-high', [S.embuild2026]]),
  ]),
});

type NlRow = readonly [from: IsoDate, commercial: Row, legal: Row];

const CODE = S.nlCodeSources;
const NL_ROWS: readonly NlRow[] = [
  ['2019-01-01', [8.0, 'verified', 'high', [S.rijksoverheidSnapshot, CODE]], [2.0, 'verified', 'high', [S.rijksoverheidSnapshot, CODE]]],
  ['2019-07-01', [8.0, 'verified', 'high', [CODE, S.flib]], [2.0, 'verified', 'high', [CODE, S.flib]]],
  ['2020-01-01', [8.0, 'verified', 'high', [CODE]], [2.0, 'verified', 'high', [CODE]]],
  ['2020-07-01', [8.0, 'verified', 'high', [CODE]], [2.0, 'verified', 'high', [CODE]]],
  ['2021-01-01', [8.0, 'verified', 'high', [CODE]], [2.0, 'verified', 'high', [CODE]]],
  ['2021-07-01', [8.0, 'verified', 'high', [CODE]], [2.0, 'verified', 'high', [CODE]]],
  ['2022-01-01', [8.0, 'verified', 'high', [CODE, S.watsonlaw]], [2.0, 'verified', 'high', [CODE, S.watsonlaw]]],
  ['2022-07-01', [8.0, 'verified', 'high', [S.flib]], [2.0, 'verified', 'high', [S.flib]]],
  ['2023-01-01', [10.5, 'verified', 'high', [S.flib, S.abenslag, S.deBloggendeAdvocaat]], [4.0, 'verified', 'high', [S.flib, S.abenslag, S.deBloggendeAdvocaat]]],
  ['2023-07-01', [12.0, 'verified', 'high', [S.watsonlaw, S.deBloggendeAdvocaat, S.kerckhoffs]], [6.0, 'verified', 'high', [S.watsonlaw, S.deBloggendeAdvocaat, S.kerckhoffs]]],
  ['2024-01-01', [12.5, 'verified', 'high', [S.wieringa, S.eJustice, S.smkAccountants]], [7.0, 'verified', 'high', [S.wieringa, S.eJustice, S.smkAccountants]]],
  ['2024-07-01', [12.25, 'verified', 'high', [S.metaalunie]], [7.0, 'verified', 'high', [S.metaalunie]]],
  ['2025-01-01', [11.15, 'verified', 'high', [S.vvoAdvocatuur, CODE]], [6.0, 'verified', 'high', [S.vvoAdvocatuur, CODE]]],
  ['2025-07-01',
    [10.15, 'unverified', 'medium', [CODE], 'Two code sources only ("Stb. 2025, 211"); medium confidence.'],
    [6.0, 'unverified', 'medium', [CODE], 'The formula suggests a cut on 1 July 2025; both code sources show no change. Verify at wetten.overheid.nl.']],
  ['2026-01-01',
    [10.15, 'unverified', 'medium', [CODE], 'Rests on two code sources only.'],
    [4.0, 'unverified', 'medium', [CODE], 'Rests on two code sources only ("Stb. 2025, 427").']],
  ['2026-07-01',
    [null, 'unknown', 'n/a', [CODE], 'Not found.'],
    [null, 'unknown', 'n/a', [CODE], 'Not found.']],
];

function nlPeriods(column: 1 | 2): readonly RatePeriod[] {
  return Object.freeze(
    NL_ROWS.map((row) => {
      const [from] = row;
      const half = from.slice(5) === '01-01' ? 1 : 2;
      const year = Number(from.slice(0, 4));
      const p = semester(year, half, row[column]);
      // NL periods are labelled by their start date.
      return freeze({ ...p, label: from });
    }),
  );
}

/** Netherlands, wettelijke handelsrente (6:119a/6:119b BW), per half year (legal-facts.md §3.2). */
export const NL_COMMERCIAL_RATES: RateTable = Object.freeze({
  id: 'nl-commercial',
  jurisdiction: 'nl',
  kind: 'commercial',
  name: 'Wettelijke handelsrente',
  grid: 'half-year',
  compounding: 'yearly',
  formula: 'ECB-herfinancieringsrente + 8 procentpunt, zonder afronding; per half jaar vastgesteld (art. 6:120 lid 2 BW)',
  sources: [S.abenslag, S.wetboekplus119a],
  periods: nlPeriods(1),
});

/** Netherlands, wettelijke rente (6:119 BW), per half year (legal-facts.md §3.3). */
export const NL_LEGAL_RATES: RateTable = Object.freeze({
  id: 'nl-legal',
  jurisdiction: 'nl',
  kind: 'legal',
  name: 'Wettelijke rente',
  grid: 'half-year',
  compounding: 'yearly',
  formula: 'Bij AMvB vastgesteld: ECB-herfinancieringsrente + 2,25 procentpunt, wijziging per keer begrensd op 2 procentpunt (over de afronding zijn de bronnen het oneens)',
  sources: [S.stb2014491],
  periods: nlPeriods(2),
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
