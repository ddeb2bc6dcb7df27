/**
 * Every source the legal rules cite. docs/legal-facts.md §6 lists the same keys with the same
 * addresses, kind and language, and a test fails when the two lists differ. The sources of the
 * interest rates live in rate-data.ts (the file of the half-yearly update) and are merged in here.
 */
import { RATE_SOURCES } from './rate-data.ts';
import type { Source } from './types.ts';

type Lang = NonNullable<Source['language']>;
/** A secondary source (law firm, trade body, publisher) unless `official` is set. */
const src = (ref: string, title: string, url: string | null, language: Lang = 'nl', official = false): Source => Object.freeze({ title, url, ref, official, language });

// Sections of docs/legal-facts.md
const BE_B2C = 'legal-facts.md §2.2';
const BE_PROC = 'legal-facts.md §1.5';
const NL_RATE = 'legal-facts.md §3.1';
const NL_TERMS = 'legal-facts.md §3.4';
const NL_COSTS = 'legal-facts.md §3.5';
const NL_DEFAULT = 'legal-facts.md §3.7';
const HOLIDAYS = 'legal-facts.md §4.1';
const HOLIDAYS_NL = 'legal-facts.md §4.2';

export const SOURCES = {
  ...RATE_SOURCES,

  // Belgium, B2B
  corbusRate: src('legal-facts.md §1.1', 'Corbus: interestvoet voor handelstransacties stijgt', 'https://corbus.be/nieuws/interestvoet-voor-handelstransacties-stijgt/'),
  klaarIncasso: src('legal-facts.md §1.3', 'Klaar Incasso: wijziging wet betalingsachterstand', 'https://klaarincasso.be/nieuws/wijziging-wet-betalingsachterstand/'),
  wordscope: src('legal-facts.md §1.3', 'Wordscope: parlementaire tekst over art. 6 (redelijke schadeloosstelling)', 'http://wordscope.be/neerlandais/francais/contractueel+overeengekomen+betalingstermijn.html'),
  rvcAdvocaten: src('legal-facts.md §1.4', 'RVC Advocaten: achterstand betalingen (wet 14 augustus 2021)', 'https://rvcadvocaten.be/nieuws/achterstand-betalingen/'),
  bouwunie: src('legal-facts.md §1.4', 'Bouwunie Limburg: aanscherping wet betalingsachterstand vanaf 1 februari 2022', 'https://bouwunielimburg.be/nieuws/algemeen/aanscherping-van-de-wet-betalingsachterstand-handelstransacties-vanaf-1-februari-2022'),
  odigo: src('legal-facts.md §1.4', 'Odigo: wijzigingen wet betalingsachterstand vanaf 1 februari 2022', 'https://www.odigo.eu/fr/nieuws/journal/de-wijzigingen-aan-de-wet-betalingsachterstand-vanaf-1-februari-2022-een-kort-overzicht'),
  goossens: src('legal-facts.md §1.4', 'Goossens Advocaten: wijzigingen in de wet betalingsachterstand', 'https://goossensadvocaten.be/blog/wijzigingen-in-de-wet-betalingsachterstand/'),

  // Belgium, B2C: Boek XIX WER
  wet4mei2023: src('legal-facts.md §2.1', 'Wet van 4 mei 2023 tot invoeging van boek XIX "Schulden van de consument" in het WER (BS 23 mei 2023)', 'https://etaamb.openjustice.be/nl/wet-van-04-mei-2023_n2023042228.html', 'nl', true),
  rdc: src('legal-facts.md §2.1', 'RDC-TBH: Boek XIX WER over schulden van de consument', 'https://www.rdc-tbh.be/news/boek-xix-van-het-wetboek-van-economisch-recht-over-schulden-van-de-consument/'),
  ardent: src('legal-facts.md §2.1', 'Ardent: invorderen van schulden bij consumenten vanaf 01-09-2023 en 01-12-2023', 'https://www.ardent.be/het-invorderen-van-schulden-bij-consumenten-vanaf-01-09-2023-en-vanaf-01-12-2023/'),
  fiscosearchXix1: src('legal-facts.md §2.1', 'Fiscosearch: art. XIX.1 WER (Justel-tekst)', 'https://fiscosearch.be/collecties/wetboek-economisch-recht/artikel-xix-1'),
  legalNewsXix: src('legal-facts.md §2.2', 'LegalNews: wetsontwerp boek XIX WER (schulden van de consument)', 'https://legalnews.be/handel-consument/schulden-van-de-consument-wetsontwerp-tot-invoeging-van-boek-xix-in-het-wer-ingediend-op-7-februari-2023-legalnews/'),
  villajuris: src(BE_B2C, 'Villajuris: schulden van een consument, wat moet u weten?', 'https://www.villajuris.be/2023/08/28/schulden-van-een-consument-wat-moet-u-weten/'),
  bricks: src(BE_B2C, 'Bricks Advocaten: invorderen van consumentenschulden', 'https://bricksadvocaten.be/blog/invorderen-consumentenschulden'),
  vbAdvocaten: src('legal-facts.md §2.3', 'VB Advocaten: minnelijke invordering van schulden van de consument', 'https://www.vbadvocaten.be/blog/ondernemingsrecht/38/minnelijke-vordering-schulden-consument.html'),
  riccyFocke: src('legal-facts.md §2.4', 'Ondernemershulp (Riccy Focke): nieuwe wet B2C-invorderen vanaf 1 september 2023', 'https://ondernemershulp.riccyfocke.com/2023/08/31/actueel-de-nieuwe-wet-b2c-invorderen-gaat-in-vanaf-1-september-2023/'),
  fairAdvocaten: src('legal-facts.md §2.4', 'Fair Advocaten: nieuwe wetgeving invordering schulden consumenten', 'https://www.fairadvocaten.be/blog/nieuwe-wetgeving-invordering-schulden-consumenten'),
  gdwDeWilde: src('legal-facts.md §2.4', 'GDW De Wilde: meer bescherming voor debiteuren', 'https://www.gdw-dewilde.be/nl/blog/17/meer-bescherming-voor-debiteuren'),
  knack: src('legal-facts.md §2.4', 'Trends/Knack: wet die consumenten beschermt', 'https://trends.knack.be/nieuws/macro-economie-beleid/wet-die-consumenten-beschermt-dwingt-bedrijven-snel-contracten-aan-te-passen/'),

  // Belgium: uncontested-debt procedure
  vandenBerghen: src(BE_PROC, 'Van den Berghen: invordering onbetwiste geldschulden', 'https://vandenberghen.be/invordering-onbetwiste-geldschulden/'),
  corbusProcedure: src(BE_PROC, 'Corbus: invordering onbetwiste geldschulden door gerechtsdeurwaarder', 'https://corbus.be/nieuws/invordering-onbetwiste-geldschulden-door-gerechtsdeurwaarder-van-start/'),
  brgdw: src(BE_PROC, 'BRGDW: nieuws onbetwiste geldschulden', 'https://brgdw.be/uncategorized/brgdw-nieuws-1/'),

  // Netherlands: rates
  wetboekplus119a: src(NL_RATE, 'Wetboekplus: art. 6:119a BW (handelsrente)', 'https://wetboekplus.nl/burgerlijk-wetboek-boek-6-artikel-119a-handelsrente/'),

  // Netherlands: terms, costs, default
  executiveFinance: src(NL_TERMS, 'Executive Finance: wettelijke betaaltermijn aan mkb gehalveerd', 'https://executivefinance.nl/2022/06/wettelijke-betaaltermijn-aan-mkb-gehalveerd/'),
  tweedeKamer35769: src(NL_TERMS, 'Tweede Kamer: kamerstuk 35 769 (betaaltermijn grote ondernemingen aan mkb)', 'https://www.tweedekamer.nl/kamerstukken/detail?did=2021D10214&id=2021Z04656', 'nl', true),
  wetboekplus96: src(NL_COSTS, 'Wetboekplus: art. 6:96 BW (vermogensschade)', 'https://wetboekplus.nl/burgerlijk-wetboek-boek-6-artikel-96-vermogensschade/'),
  stb2012141: src(NL_COSTS, 'Stb. 2012, 141: Besluit vergoeding voor buitengerechtelijke incassokosten', 'https://zoek.officielebekendmakingen.nl/stb-2012-141.html', 'nl', true),
  nvi: src(NL_COSTS, 'NVI: zijn er direct incassokosten verschuldigd?', 'https://nvi.nl/veelgestelde-vragen/zijn-er-direct-incassokosten-verschuldigd'),
  vastgoedAdvocaat: src(NL_COSTS, 'Vastgoedadvocaat: 14-dagenbrief, wanneer gaat de termijn lopen?', 'https://vastgoedadvocaat.online/kennisbank/14-dagenbrief-wanneer-gaat-termijn-lopen'),
  huurregels: src(NL_COSTS, 'Huurregels: veertiendagenbrief (art. 6:96 lid 6 BW)', 'https://huurregels.nl/algemene-begrippen-op-begrippen/328-veertiendagenbrief-art-96-lid-6-bw'),
  phr2016938: src(NL_COSTS, 'Conclusie ECLI:NL:PHR:2016:938 (bij HR 13 november 2016, ECLI:NL:HR:2016:2704)', 'https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:PHR:2016:938', 'nl', true),
  wetboekplus83: src(NL_DEFAULT, 'Wetboekplus: art. 6:83 BW (geen ingebrekestelling nodig)', 'https://www.wetboekplus.nl/burgerlijk-wetboek-boek-6-artikel-83-geen-ingebrekestelling/'),
  wetboekplusIngebrekestelling: src(NL_DEFAULT, 'Wetboekplus: wat is een ingebrekestelling?', 'https://www.wetboekplus.nl/juridische-begrippen/wat-is-een-ingebrekestelling/'),

  // Holidays
  feiertageBelgien: src(HOLIDAYS, 'Feiertage in Belgien (defzone, Wikipedia-kopie)', 'https://defzone.net/wiki/de/Feiertage_in_Belgien', 'de'),
  acvFeestdagen: src(HOLIDAYS, 'ACV Transcom: wettelijke feestdagen', null),
  staatsrechtpraktijk: src(HOLIDAYS_NL, 'Staatsrechtpraktijk: Nieuwjaarsdag en Kerstmis in het staatsrecht', 'https://staatsrechtpraktijk.nl/nieuwjaarsdag-en-kerstmis-in-het-staatsrecht/'),
  wikipediaAtw: src(HOLIDAYS_NL, 'Wikipedia: Algemene termijnenwet', 'https://nl.wikipedia.org/wiki/Algemene_termijnenwet'),
  sterfgevalAtw: src(HOLIDAYS_NL, 'Sterfgeval.nl: feestdagen en gelijkgestelde dagen 2026–2028', 'https://sterfgeval.nl/juridisch/overige/vragen-van-uitvaartondernemers/gemeentelijke-feestdag-bij-lijkbezorging-feestdagen-in-2026-2028/70745'),
  groningenKoningsdag: src(HOLIDAYS_NL, 'Gemeente Groningen: Koningsdag 2025', 'https://gemeente.groningen.nl/koningsdag-2025', 'nl', true),
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
