/**
 * THE file for the half-yearly rate update (docs/legal-facts.md, "Halfjaarlijkse update"): every
 * published interest rate we use, per period, with the sources that report it. rates.ts turns
 * these rows into tables; sources.ts lists RATE_SOURCES with the other sources.
 *
 * Status rule: 'verified' only when an official publication of the figure itself is cited
 * (Belgisch Staatsblad, FOD Financiën, wetten.overheid.nl, Rijksoverheid). A figure reported only by
 * secondary sources stays 'unverified'; a figure nobody reported is null and 'unknown'.
 * Both commercial rates are defined by law from the ECB rate (ECB_MRO_ROWS below): such a row cites
 * the law article and the ECB table as its official sources, and tests/unit/legal/ecb.test.ts checks
 * it against the formula, even while the publication of the figure itself is unseen.
 * The first Dutch-language source of a row is the one a letter shows, so order rows' sources by
 * preference; a row without a Dutch source shows the table's official page instead.
 */
import type { Confidence, IsoDate, Source, Status } from './types.ts';

type Lang = NonNullable<Source['language']>;
const src = (ref: string, title: string, url: string | null, official: boolean, language: Lang): Source => Object.freeze({ title, url, ref, official, language });

const BE_RATE = 'legal-facts.md §1.2';
const BE_LEGAL = 'legal-facts.md §2.6';
const NL_RATE = 'legal-facts.md §3.2';
const NL_LEGAL = 'legal-facts.md §3.3';
const ECB = 'legal-facts.md §1.6';

/** Every source a rate row or rate table cites. */
export const RATE_SOURCES = {
  // Belgium: official
  fodFinancien: src(BE_RATE, 'FOD Financiën: rentevoet betalingsachterstand handelstransacties en wettelijke rentevoet', 'https://financien.belgium.be/nl/over_de_fod/structuur_en_diensten/algemene_administraties/thesaurie/rentevoet_betalingsachterstand_handelstransacties', true, 'nl'),
  wet2aug2002: src(BE_RATE, 'Wet van 2 augustus 2002 betreffende de bestrijding van de betalingsachterstand bij handelstransacties, art. 2 en 5 (Belgisch Staatsblad 7 augustus 2002)', 'https://etaamb.openjustice.be/nl/wet-van-02-augustus-2002_n2002009716.html', true, 'nl'),
  staatsblad2023H1: src(BE_RATE, 'Belgisch Staatsblad 17 maart 2023, mededeling over de interestvoet bij betalingsachterstand in handelstransacties, 1e semester 2023 (numac 2023041019)', 'https://etaamb.openjustice.be/nl/mededeling_n2023041019.html', true, 'nl'),
  // Belgium: secondary, for the formula and for figures not yet seen in an official publication
  mondaq: src(BE_RATE, 'Mondaq: Belgian late-payment interest rate', 'https://www.mondaq.com/financial-services/1302262/', false, 'en'),
  woltersKluwer: src(BE_RATE, 'Wolters Kluwer: betalingsachterstand bij handelstransacties', 'https://www.wolterskluwer.com/nl-be/expert-insights/late-payment-in-commercial-transactions', false, 'nl'),
  vanOstaeyen: src(BE_RATE, 'Van Ostaeyen: intrestvoet betalingsachterstand handelstransacties blijft 8 %', 'https://vanostaeyen.eu/blog/intrestvoet-betalingsachterstand-handelstransacties-blijft-8', false, 'nl'),
  schoups2022: src(BE_RATE, 'Schoups: interestvoet betalingsachterstand handelstransacties blijft gelijk (2022)', 'https://schoups.be/nl/news_items/interestvoet-betalingsachterstand-handelstransacties-blijft-gelijk-op-8-5', false, 'nl'),
  schoups2023H2: src(BE_RATE, 'Schoups: interestvoet wet betalingsachterstand tweede semester 2023', 'https://schoups.be/nl/news_items/interestvoet-wet-betalingsachterstand-handelstransacties-tweede-semester-2023', false, 'nl'),
  kantoorJanLoeters: src(BE_RATE, 'Kantoor Jan Loeters: wettelijke interestvoet 2024 gekend', 'https://www.kantoor-jan-loeters.be/new-flashes/wettelijke-interestvoet-2024-gekend', false, 'nl'),
  leuropeinfo: src(BE_RATE, 'L’Europe Info / Schoups: taux d’intérêt 2024–2025', 'https://leuropeinfo.eu/?p=1197', false, 'fr'),
  lawbase: src(BE_RATE, 'Lawbase: rekenhulp wettelijke interest (tabel per semester en per jaar)', 'https://www.lawbase.be/tools/wettelijke-interest', false, 'nl'),
  embuild2026: src(BE_RATE, 'Embuild: le taux d’intérêt applicable en 2026', 'https://embuild.be/fr/actualit%C3%A9s/le-retard-de-paiement-le-taux-dint%C3%A9r%C3%AAt-applicable-en-2026', false, 'fr'),
  // Belgium: wettelijke interestvoet, secondary
  lydian: src(BE_LEGAL, 'Lydian: nalatigheidsinteresten historisch hoog (tabel wettelijke interestvoet)', 'https://www.lydian.be/nl/nieuws/laattijdige-betaling-kan-flinke-kater-opleveren-nalatigheidsinteresten-zijn-historisch-hoog', false, 'nl'),
  kluwerImmo: src(BE_LEGAL, 'Kluwer Immospector: wettelijke interestvoet burgerlijke en handelszaken piekt in 2023', 'https://immospector.kluwer.be/NewsView.aspx?contentdomains=OR(IMMOPRO,IMMORES,IMMONEW,IMMOMOD)&id=kl2715948&lang=nl', false, 'nl'),
  schoupsLegal2022: src(BE_LEGAL, 'Schoups: de wettelijke interestvoet bedraagt voor het jaar 2022 1,50 %', 'https://schoups.be/nl/news_items/de-wettelijke-interestvoet-bedraagt-voor-het-jaar-2022-1501', false, 'nl'),

  // ECB main refinancing rate: the input of both commercial rates (legal-facts.md §1.6)
  ecbKeyRates: src(ECB, 'European Central Bank: Key ECB interest rates (main refinancing operations, per date of effect)', 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates/html/index.en.html', true, 'en'),
  bsiEcbRates: src(ECB, 'Banka Slovenije (Eurosystem): ECB interest rates, the ECB table republished with the changes up to 23 April 2025', 'https://www.bsi.si/en/ecb-interest-rates', true, 'en'),

  // Netherlands: official
  bw6: src(NL_RATE, 'Burgerlijk Wetboek Boek 6, art. 6:119, 6:119a en 6:120 (wetten.overheid.nl)', 'https://wetten.overheid.nl/BWBR0005289/', true, 'nl'),
  rijksoverheidWettelijkeRente: src(NL_RATE, 'Rijksoverheid: hoe hoog is de wettelijke rente?', 'https://www.rijksoverheid.nl/onderwerpen/schulden/vraag-en-antwoord/hoogte-wettelijke-rente', true, 'nl'),
  stb2014491: src(NL_LEGAL, 'Staatsblad 2014, 491: wettelijke rente 2 % vanaf 1 januari 2015, met nota van toelichting', 'https://zoek.officielebekendmakingen.nl/stb-2014-491.html', true, 'nl'),
  besluitWettelijkeRente1971: src(NL_LEGAL, 'Besluit wettelijke rente (KB 18 januari 1971), versie geldend vanaf 1 januari 2015: twee procent (wettenpocket.overheid.nl)', 'https://wettenpocket.overheid.nl/portal/BWBR0005289/weergevenbwb/5', true, 'nl'),
  besluitWettelijkeRente2023: src(NL_LEGAL, 'Besluit vaststelling wettelijke rente (BWBR0047640): vier procent vanaf 1 januari 2023, met latere wijzigingen', 'https://wetten.overheid.nl/BWBR0047640', true, 'nl'),
  topinkomens2023: src(NL_LEGAL, 'Topinkomens.nl (Rijksoverheid): wettelijke rente per 1 juli 2023 van 4 % naar 6 %', 'https://www.topinkomens.nl/actueel/nieuws/2023/08/29/verhoging-wettelijke-rente-bw', true, 'nl'),
  // Netherlands: secondary
  abenslag: src(NL_RATE, 'Abenslag: wettelijke handelsrente per 1 januari 2023 fors omhoog', 'https://abenslag.nl/wettelijke-handelsrente-per-1-januari-2023-fors-omhoog/', false, 'nl'),
  smkAccountants: src(NL_RATE, 'SMK Accountants: wettelijke rente per 1 januari 2024', 'https://smkaccountants.nl/nieuws/item?id=56178', false, 'nl'),
  metaalunie: src(NL_RATE, 'Metaalunie: wettelijke rente per 1 juli 2024', 'https://mijn.metaalunie.nl/Advies/Detail/wettelijke-rente-per-1-juli-2024', false, 'nl'),
  vvoAdvocatuur: src(NL_RATE, 'VVO Advocatuur: wettelijke rente per 1 januari 2025', 'https://www.vvoadvocatuur.nl/post/wettelijke-rente-omhoog', false, 'nl'),
  vanLaarhoven: src(NL_RATE, 'Van Laarhoven en Partners: wettelijke rente bij niet of te late betaling (per 1 juli 2025)', 'https://www.vanlaarhovenenpartners.nl/nieuws/wettelijke-rente-bij-niet-of-te-late-betaling-328', false, 'nl'),
  nlCodeSources: src(NL_RATE, 'Twee openbare rentetabellen in broncode met Staatsblad-verwijzingen (referentiedata, niet gezaghebbend)', null, false, 'nl'),
} as const satisfies Record<string, Source>;

const S = RATE_SOURCES;

/**
 * Official sources that define a rate or give the ECB rate it is computed from, but do not publish
 * the period's figure: citing them does not make a row 'verified'.
 */
export const FORMULA_SOURCES: readonly Source[] = Object.freeze([S.wet2aug2002, S.bw6, S.ecbKeyRates, S.bsiEcbRates]);

/**
 * The day the tables were last checked against the publications. The tests require a row (known
 * or unknown) for the period holding this day in every table; move it forward at each update.
 */
export const RATES_CHECKED_ON: IsoDate = '2026-12-07';

/** One row: the period's first day, its rate (null = unknown), status, confidence, sources, maintainer note. */
export type RateRow = readonly [from: IsoDate, ratePercent: number | null, status: Status, confidence: Confidence, sources: readonly Source[], note?: string];

const NO_NOTICE = 'Staatsblad notice not seen.';
const FORMULA = 'The formula with the ECB rate gives the same figure (tests/unit/legal/ecb.test.ts).';
const NO_ECB = 'The ECB rate of the day before was not confirmed from an official page, so the formula is not checked.';
/** Official sources of every BE commercial row: the law that defines the rate and the ECB table it is computed from. */
const BE_LAW = [S.wet2aug2002, S.ecbKeyRates] as const;

/** Belgium, art. 5 wet van 2 augustus 2002: per semester (legal-facts.md §1.2). */
export const BE_COMMERCIAL_ROWS: readonly RateRow[] = [
  ['2019-01-01', 8.0, 'unverified', 'medium-high', [...BE_LAW, S.woltersKluwer], `${NO_NOTICE} ${FORMULA} Wolters Kluwer reports 8 % without a break from 2016 H2 to 2022 H2.`],
  ['2019-07-01', 8.0, 'unverified', 'medium-high', [...BE_LAW, S.vanOstaeyen], `${NO_NOTICE} ${FORMULA} Van Ostaeyen cites the notice of BS 18 July 2019. One source (fidelium) says 8.5 %; with an ECB rate of 0 % the formula gives 8 %.`],
  ['2020-01-01', 8.0, 'unverified', 'medium-high', [...BE_LAW, S.woltersKluwer], `${NO_NOTICE} ${FORMULA} Wolters Kluwer reports the published figure.`],
  ['2020-07-01', 8.0, 'verified', 'high', [S.fodFinancien, ...BE_LAW], `The FOD Financiën page showed 8.0 % for this semester. ${FORMULA}`],
  ['2021-01-01', 8.0, 'unverified', 'medium-high', [...BE_LAW, S.woltersKluwer], `${NO_NOTICE} ${FORMULA} Wolters Kluwer reports the published figure.`],
  ['2021-07-01', 8.0, 'unverified', 'medium-high', [...BE_LAW, S.woltersKluwer], `${NO_NOTICE} ${FORMULA} Wolters Kluwer reports the published figure.`],
  ['2022-01-01', 8.0, 'unverified', 'medium-high', [...BE_LAW, S.schoups2022], `${NO_NOTICE} ${FORMULA} Schoups cites the notice of BS 24 February 2022.`],
  ['2022-07-01', 8.0, 'unverified', 'medium-high', [...BE_LAW, S.woltersKluwer], `${NO_NOTICE} ${FORMULA} Wolters Kluwer reports the published figure.`],
  ['2023-01-01', 10.5, 'verified', 'high', [S.staatsblad2023H1, ...BE_LAW], FORMULA],
  ['2023-07-01', 12.0, 'unverified', 'medium-high', [...BE_LAW, S.schoups2023H2], `${NO_NOTICE} ${FORMULA} Schoups reports the published figure.`],
  ['2024-01-01', 12.5, 'unverified', 'medium-high', [...BE_LAW, S.kantoorJanLoeters], `${NO_NOTICE} ${FORMULA} Kantoor Jan Loeters reports the published figure.`],
  ['2024-07-01', 12.5, 'unverified', 'medium-high', [...BE_LAW, S.leuropeinfo], `${NO_NOTICE} ${FORMULA} L’Europe Info (Schoups) reports 12.5 % for both semesters of 2024.`],
  ['2025-01-01', 11.5, 'unverified', 'medium-high', [...BE_LAW, S.bsiEcbRates, S.leuropeinfo], `${NO_NOTICE} ${FORMULA} ECB rate of 18 December 2024 from the Banka Slovenije copy of the ECB table; L’Europe Info (Schoups) reports the published figure.`],
  ['2025-07-01', 10.5, 'unverified', 'medium', [S.wet2aug2002, S.embuild2026], `${NO_NOTICE} ${NO_ECB} Embuild reports 10.5 %, unchanged into 2026.`],
  ['2026-01-01', 10.5, 'unverified', 'low', [S.wet2aug2002, S.embuild2026], `${NO_NOTICE} ${NO_ECB} Embuild: "not yet published" but unchanged.`],
  ['2026-07-01', null, 'unknown', 'n/a', [S.fodFinancien], 'Not found. FOD Financiën publishes it.'],
];

/** Belgium, wettelijke interestvoet (wet van 5 mei 1865), per calendar year (legal-facts.md §2.6). */
export const BE_LEGAL_ROWS: readonly RateRow[] = [
  ['2019-01-01', 2.0, 'unverified', 'medium', [S.lydian, S.kluwerImmo], 'Lydian cites BS 14 January 2019.'],
  ['2020-01-01', 1.75, 'verified', 'high', [S.fodFinancien, S.lydian, S.kluwerImmo], 'The FOD Financiën page showed 1.75 % for 2020.'],
  ['2021-01-01', 1.75, 'unverified', 'medium', [S.lydian, S.kluwerImmo], 'Lydian cites BS 12 February 2021.'],
  ['2022-01-01', 1.5, 'unverified', 'medium', [S.schoupsLegal2022, S.lydian], 'Schoups cites BS 1 March 2022.'],
  ['2023-01-01', 5.25, 'unverified', 'medium', [S.kluwerImmo, S.lydian], 'Reported as BS 31 January 2023.'],
  ['2024-01-01', 5.75, 'unverified', 'medium', [S.kantoorJanLoeters, S.leuropeinfo]],
  ['2025-01-01', 4.5, 'unverified', 'medium', [S.leuropeinfo], 'L’Europe Info (Schoups) reports it; no Dutch-language source.'],
  ['2026-01-01', 4.5, 'unverified', 'low', [S.embuild2026], 'Embuild: published in the Staatsblad, unchanged; no Dutch-language source.'],
];

/** Official sources of every NL commercial row: the articles that define the rate and the ECB table. */
const NL_LAW = [S.bw6, S.ecbKeyRates] as const;

/** Netherlands, wettelijke handelsrente (art. 6:119a/6:119b BW), per half year (legal-facts.md §3.2). */
export const NL_COMMERCIAL_ROWS: readonly RateRow[] = [
  ['2019-01-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], `Rijksoverheid showed 8,00 %. ${FORMULA}`],
  ['2019-07-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], FORMULA],
  ['2020-01-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], FORMULA],
  ['2020-07-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], FORMULA],
  ['2021-01-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], FORMULA],
  ['2021-07-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], FORMULA],
  ['2022-01-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], FORMULA],
  ['2022-07-01', 8.0, 'verified', 'medium-high', [S.rijksoverheidWettelijkeRente, ...NL_LAW], FORMULA],
  ['2023-01-01', 10.5, 'unverified', 'medium-high', [...NL_LAW, S.abenslag], `Publication not seen. ${FORMULA} Abenslag reports the figure.`],
  ['2023-07-01', 12.0, 'unverified', 'medium-high', [...NL_LAW], `Publication not seen. ${FORMULA}`],
  ['2024-01-01', 12.5, 'unverified', 'medium-high', [...NL_LAW], `Publication not seen. ${FORMULA}`],
  ['2024-07-01', 12.25, 'unverified', 'medium-high', [...NL_LAW, S.metaalunie], `Publication not seen. ${FORMULA} Metaalunie reports the figure.`],
  ['2025-01-01', 11.15, 'unverified', 'medium-high', [...NL_LAW, S.bsiEcbRates, S.vvoAdvocatuur], `Publication not seen. ${FORMULA} ECB rate of 18 December 2024 from the Banka Slovenije copy of the ECB table; VVO Advocatuur reports the figure.`],
  ['2025-07-01', 10.15, 'unverified', 'medium', [S.bw6, S.vanLaarhoven], `Publication not seen. ${NO_ECB} Van Laarhoven reports the figure.`],
  ['2026-01-01', 10.15, 'unverified', 'low', [S.bw6, S.nlCodeSources], `Publication not seen. ${NO_ECB} Only the code sources report the figure.`],
  ['2026-07-01', null, 'unknown', 'n/a', [S.rijksoverheidWettelijkeRente], 'Not found.'],
];

/** Netherlands, wettelijke rente (art. 6:119 BW), per half year (legal-facts.md §3.3). */
export const NL_LEGAL_ROWS: readonly RateRow[] = [
  ['2019-01-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente], '2 % from 1 January 2015 until the 2023 decree replaced the KB of 1971.'],
  ['2019-07-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente]],
  ['2020-01-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente]],
  ['2020-07-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente]],
  ['2021-01-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente]],
  ['2021-07-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente]],
  ['2022-01-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente]],
  ['2022-07-01', 2.0, 'verified', 'high', [S.besluitWettelijkeRente1971, S.stb2014491, S.rijksoverheidWettelijkeRente]],
  ['2023-01-01', 4.0, 'verified', 'high', [S.besluitWettelijkeRente2023, S.topinkomens2023]],
  ['2023-07-01', 6.0, 'verified', 'high', [S.topinkomens2023]],
  ['2024-01-01', 7.0, 'unverified', 'medium', [S.smkAccountants, S.metaalunie]],
  ['2024-07-01', 7.0, 'unverified', 'low', [S.metaalunie]],
  ['2025-01-01', 6.0, 'unverified', 'low', [S.vvoAdvocatuur, S.nlCodeSources]],
  ['2025-07-01', 6.0, 'unverified', 'medium', [S.vanLaarhoven, S.nlCodeSources], 'The formula suggested a cut on 1 July 2025; the sources report no change.'],
  ['2026-01-01', 4.0, 'unverified', 'low', [S.nlCodeSources], 'Code sources only ("Stb. 2025, 427"); no web page seen.'],
  ['2026-07-01', null, 'unknown', 'n/a', [S.besluitWettelijkeRente2023], 'Not found.'],
];

/**
 * ECB main refinancing operations rate (fixed rate tenders), per date of effect, 2015–2025
 * (legal-facts.md §1.6). The input of the BE and NL commercial rates, used only to check their
 * rows: the tables never compute a rate from it. A change without an official source is left out.
 */
export type EcbRow = readonly [from: IsoDate, mroPercent: number, sources: readonly Source[]];

export const ECB_MRO_ROWS: readonly EcbRow[] = [
  ['2015-12-09', 0.05, [S.ecbKeyRates]],
  ['2016-03-16', 0.0, [S.ecbKeyRates]],
  ['2019-09-18', 0.0, [S.ecbKeyRates]],
  ['2022-07-27', 0.5, [S.ecbKeyRates]],
  ['2022-09-14', 1.25, [S.ecbKeyRates]],
  ['2022-11-02', 2.0, [S.ecbKeyRates]],
  ['2022-12-21', 2.5, [S.ecbKeyRates]],
  ['2023-02-08', 3.0, [S.ecbKeyRates]],
  ['2023-03-22', 3.5, [S.ecbKeyRates]],
  ['2023-05-10', 3.75, [S.ecbKeyRates]],
  ['2023-06-21', 4.0, [S.ecbKeyRates]],
  ['2023-08-02', 4.25, [S.ecbKeyRates]],
  ['2023-09-20', 4.5, [S.ecbKeyRates]],
  ['2024-06-12', 4.25, [S.ecbKeyRates]],
  ['2024-09-18', 3.65, [S.ecbKeyRates]],
  ['2024-10-23', 3.4, [S.ecbKeyRates]],
  ['2024-12-18', 3.15, [S.bsiEcbRates]],
  ['2025-02-05', 2.9, [S.bsiEcbRates]],
  ['2025-03-12', 2.65, [S.bsiEcbRates]],
  ['2025-04-23', 2.4, [S.bsiEcbRates]],
];

/**
 * The last day whose ECB rate the rows above state: the copies seen list no change after it, but
 * were made before any later change could show. Move it forward when you add a change.
 */
export const ECB_MRO_KNOWN_THROUGH: IsoDate = '2025-04-23';
