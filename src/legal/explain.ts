/**
 * Plain-Dutch explanations of each rule, for the site to print. Belgian texts use Belgian usage
 * (nalatigheidsinteresten, forfaitaire schadevergoeding, gerechtsdeurwaarder, kmo, "u hebt");
 * Dutch texts use Dutch usage (wettelijke (handels)rente, incassokosten, deurwaarder, "u heeft").
 * Figures are read from the rule data, so a text can never drift from the numbers we compute with.
 */
import { NL_ATW_DECREE_DAYS, HOLIDAY_SOURCES } from './calendar.ts';
import { beConsumerDamagesCapCents, nlCollectionCostsCents } from './costs.ts';
import { BE_LEGAL_RATES } from './rates.ts';
import type { RateTable } from './rates.ts';
import { BE_B2B, BE_B2C, NL } from './rules.ts';
import { SOURCES as S } from './sources.ts';
import type { CustomerType, Jurisdiction, Source, Status } from './types.ts';

export interface Caveat {
  readonly text: string;
  readonly status: Status;
}

export interface Explanation {
  readonly id: string;
  readonly jurisdiction: Jurisdiction;
  /** Which debtors the rule is about. */
  readonly audience: CustomerType | 'all';
  readonly title: string;
  /** One short paragraph. */
  readonly text: string;
  /** Optional bullet points printed after the text. */
  readonly points?: readonly string[];
  /** Status of the rule the text states. Open points are listed as caveats with their own status. */
  readonly status: Status;
  readonly caveats: readonly Caveat[];
  readonly sources: readonly Source[];
}

/** "€ 40", "€ 7,50", "€ 2.000" (Belgian and Dutch notation). */
export function euro(cents: number): string {
  const whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = cents % 100;
  return rest === 0 ? `€ ${whole}` : `€ ${whole},${String(rest).padStart(2, '0')}`;
}

/** 10.5 → "10,5 %". */
export function percent(value: number): string {
  return `${String(value).replace('.', ',')} %`;
}

const WORDS = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
/** 3 → "drie": small counts read better as words in running Dutch text. */
function telwoord(n: number): string {
  return WORDS[n] ?? String(n);
}

/** Last period of a table whose rate we know, with its status. */
function latestKnown(table: RateTable) {
  const p = [...table.periods].reverse().find((r) => r.ratePercent !== null);
  if (!p || p.ratePercent === null) throw new Error(`Geen bekende rentevoet in ${table.id}.`);
  return { label: p.label, rate: p.ratePercent, status: p.status };
}

const uniq = (...lists: (readonly Source[])[]): readonly Source[] => Object.freeze([...new Set(lists.flat())]);

const cap = BE_B2C.damagesCap.value;
const wik = NL.wik.value;
const beLegal = latestKnown(BE_LEGAL_RATES);

/** "Dit is geen juridisch advies"-notice to print with every calculation and rule text. */
export const DISCLAIMER: Readonly<Record<Jurisdiction, string>> = Object.freeze({
  be: 'Dit is algemene informatie, geen juridisch advies. Rentevoeten veranderen elk semester: kijk de actuele rentevoet na voor u iets aanrekent.',
  nl: 'Dit is algemene informatie, geen juridisch advies. Rentes veranderen elk halfjaar: controleer de actuele rente voordat u iets in rekening brengt.',
});

export const EXPLANATIONS: readonly Explanation[] = Object.freeze(
  (
    [
      // ───────────── Belgium, between undertakings ─────────────
      {
        id: 'be-b2b-nalatigheidsinteresten',
        jurisdiction: 'be',
        audience: 'business',
        title: 'Nalatigheidsinteresten tussen ondernemingen',
        text:
          'Betaalt een zakelijke klant een factuur te laat, dan lopen er vanaf de dag na de vervaldag automatisch nalatigheidsinteresten. U hoeft daarvoor geen ingebrekestelling te sturen. ' +
          'Spraken jullie geen andere rentevoet af, dan geldt die van de wet van 2 augustus 2002: de referentievoet van de Europese Centrale Bank plus 8 procentpunt, naar boven afgerond op een half procent. ' +
          'Die rentevoet wordt elk semester bekendgemaakt in het Belgisch Staatsblad.',
        status: BE_B2B.noticeRequired.status,
        caveats: [{ text: 'Loopt de achterstand over meer semesters, dan rekenen we elk semester met de rentevoet van dat semester, zoals gangbare rekentools. De wettekst die dat voorschrijft, is niet nagekeken.', status: BE_B2B.rateFollowsRunningSemester.status }],
        sources: uniq(BE_B2B.noticeRequired.sources, [S.wet2aug2002, S.staatsblad2023H1]),
      },
      {
        id: 'be-b2b-forfaitaire-schadevergoeding',
        jurisdiction: 'be',
        audience: 'business',
        title: `Forfaitaire schadevergoeding van ${euro(BE_B2B.fixedCompensationCents.value)}`,
        text:
          `Bovenop de nalatigheidsinteresten hebt u recht op een forfaitaire schadevergoeding van ${euro(BE_B2B.fixedCompensationCents.value)} voor uw invorderingskosten, ook zonder ingebrekestelling. ` +
          'Maakt u meer relevante invorderingskosten, dan kunt u daarnaast een redelijke vergoeding vragen.',
        status: BE_B2B.fixedCompensationCents.status,
        caveats: [{ text: `Dat de ${euro(BE_B2B.fixedCompensationCents.value)} per factuur geldt, is de gangbare lezing; in de wettekst zelf is dat niet nagekeken.`, status: BE_B2B.fixedCompensationPerInvoice.status }],
        sources: uniq(BE_B2B.fixedCompensationCents.sources),
      },
      {
        id: 'be-b2b-betalingstermijn',
        jurisdiction: 'be',
        audience: 'business',
        title: 'Betalingstermijn tussen ondernemingen',
        text:
          `Spraken jullie niets af, dan moet de factuur betaald zijn binnen ${BE_B2B.defaultTermDays.value} kalenderdagen, te rekenen vanaf de dag na ontvangst van de factuur (of van de goederen of diensten, als die later komen). ` +
          `Sinds 1 februari 2022 mag een afgesproken termijn tussen ondernemingen hoogstens ${BE_B2B.maxAgreedTermDays.value} kalenderdagen zijn. Een langere termijn geldt als niet geschreven; dan valt u terug op ${BE_B2B.defaultTermDays.value} dagen. ` +
          'Vroeger gold die grens alleen als een grote onderneming een kmo moest betalen; nu geldt ze voor alle ondernemingen.',
        status: BE_B2B.maxAgreedTermDays.status,
        caveats: [],
        sources: uniq(BE_B2B.defaultTermDays.sources, BE_B2B.maxAgreedTermDays.sources),
      },
      {
        id: 'be-b2b-onbetwiste-schulden',
        jurisdiction: 'be',
        audience: 'business',
        title: 'Onbetwiste facturen: via advocaat en gerechtsdeurwaarder',
        text:
          'Betaalt een onderneming een vaststaande, opeisbare factuur niet en betwist ze die ook niet, dan kan uw advocaat een gerechtsdeurwaarder inschakelen voor de procedure voor onbetwiste geldschulden. ' +
          'De gerechtsdeurwaarder betekent een aanmaning om binnen één maand te betalen. Reageert de klant niet, dan volgt ten vroegste acht dagen na die maand een proces-verbaal van niet-betwisting, dat uitvoerbaar wordt verklaard: zo krijgt u een uitvoerbare titel zonder rechtszaak. ' +
          'Dat kan alleen tussen ondernemingen die in de KBO zijn ingeschreven, niet tegenover consumenten. Bewaar dus uw factuur, de vervaldag en de berekening van interest en vergoeding.',
        status: 'verified',
        caveats: [],
        sources: [S.vandenBerghen, S.corbusProcedure, S.brgdw],
      },

      // ───────────── Belgium, consumers (Boek XIX WER) ─────────────
      {
        id: 'be-b2c-eerste-herinnering',
        jurisdiction: 'be',
        audience: 'consumer',
        title: `Consumenten: eerste herinnering gratis, dan ${BE_B2C.waitDays.value} dagen wachten`,
        text:
          'Voor een consument is de eerste herinnering voor een gemiste vervaldag altijd gratis. ' +
          `Pas als de klant daarna nog minstens ${BE_B2C.waitDays.value} kalenderdagen niet betaalt, mag u interest of een forfaitaire schadevergoeding aanrekenen. En alleen als uw contract of algemene voorwaarden dat vooraf bepalen, met een gelijkwaardige vergoeding voor de klant als u zelf tekortschiet. ` +
          `De ${BE_B2C.waitDays.value} dagen beginnen de dag na verzending van een e-mail, of op de derde werkdag na verzending van een brief. ` +
          'Stuur de herinnering op een duurzame drager: een brief, een e-mail of zelfs een sms. Deze regels gelden sinds 1 september 2023 (voor oudere contracten sinds 1 december 2023).',
        status: BE_B2C.waitDays.status,
        caveats: [{ text: 'Als werkdag tellen we maandag tot vrijdag, zonder wettelijke feestdagen. De wet omschrijft "werkdag" niet nader; zaterdag niet meetellen is de voorzichtige keuze.', status: BE_B2C.workingDayDefinition.status }],
        sources: uniq(BE_B2C.waitDays.sources, BE_B2C.clauseMustBeAgreedAndReciprocal.sources, [S.wet4mei2023]),
      },
      {
        id: 'be-b2c-verplichte-vermeldingen',
        jurisdiction: 'be',
        audience: 'consumer',
        title: 'Wat in de eerste herinnering moet staan',
        text: 'Vermeld in de eerste herinnering aan een consument minstens het volgende. Vraagt de klant erom, dan bezorgt u hem ook de stukken die de schuld staven en de manier om ze te betwisten.',
        points: [
          'het openstaande bedrag, en het bedrag van het schadebeding dat u zult aanrekenen als de klant niet op tijd betaalt;',
          'de naam van uw onderneming en uw ondernemingsnummer;',
          'wat u leverde en sinds wanneer de schuld vervallen is (bijvoorbeeld factuurnummer en vervaldag);',
          `de termijn van minstens ${BE_B2C.waitDays.value} kalenderdagen waarbinnen de klant nog zonder extra kosten kan betalen.`,
        ],
        status: BE_B2C.mandatoryMentions.status,
        caveats: [],
        sources: uniq(BE_B2C.mandatoryMentions.sources),
      },
      {
        id: 'be-b2c-plafond-schadevergoeding',
        jurisdiction: 'be',
        audience: 'consumer',
        title: 'Hoeveel schadevergoeding mag u een consument aanrekenen?',
        text: `De forfaitaire schadevergoeding heeft een maximum dat afhangt van het openstaande saldo. Op ${euro(100000)} is dat bijvoorbeeld hoogstens ${euro(beConsumerDamagesCapCents(100000))}.`,
        points: [
          `tot en met ${euro(cap.flatUpToCents)}: hoogstens ${euro(cap.flatCapCents)};`,
          `van ${euro(cap.flatUpToCents + 1)} tot en met ${euro(cap.middleUpToCents)}: ${euro(cap.middleBaseCents)} plus ${percent(cap.middlePercent)} van het bedrag boven ${euro(cap.flatUpToCents)};`,
          `boven ${euro(cap.middleUpToCents)}: ${euro(cap.topBaseCents)} plus ${percent(cap.topPercent)} van het bedrag boven ${euro(cap.middleUpToCents)}, met een maximum van ${euro(cap.maxCents)}.`,
        ],
        status: BE_B2C.damagesCap.status,
        caveats: [],
        sources: uniq(BE_B2C.damagesCap.sources),
      },
      {
        id: 'be-b2c-nalatigheidsinteresten',
        jurisdiction: 'be',
        audience: 'consumer',
        title: 'Nalatigheidsinteresten bij consumenten',
        text:
          'Rekent u een consument nalatigheidsinteresten aan, dan mag de rentevoet nooit hoger zijn dan die voor handelstransacties uit de wet van 2 augustus 2002. ' +
          'Is de afgesproken rentevoet hoger, dan is die ongeldig en hebt u alleen recht op de lagere wettelijke interestvoet.',
        status: BE_B2C.maxInterestIsCommercialRate.status,
        caveats: [{ text: `Vanaf wanneer die interest mag lopen, vanaf de vervaldag of pas na de wachttermijn van ${BE_B2C.waitDays.value} dagen, is niet uitgeklaard. Laat dit nakijken voor u interest vanaf de vervaldag aanrekent.`, status: BE_B2C.interestAccrualStart.status }],
        sources: uniq(BE_B2C.maxInterestIsCommercialRate.sources, BE_B2C.interestAccrualStart.sources),
      },
      {
        id: 'be-b2c-volgende-herinneringen',
        jurisdiction: 'be',
        audience: 'consumer',
        title: 'Kosten van volgende herinneringen',
        text:
          `Elke volgende herinnering mag hoogstens ${euro(BE_B2C.laterReminderMaxCents.value)} kosten, plus de portkosten die gelden op de dag van verzending. ` +
          `Bij een abonnement of een andere overeenkomst voor geregelde levering zijn de herinneringen voor ${telwoord(BE_B2C.subscriptionFreeDueDatesPerYear.value)} gemiste vervaldagen per kalenderjaar gratis.`,
        status: BE_B2C.laterReminderMaxCents.status,
        caveats: [],
        sources: uniq(BE_B2C.laterReminderMaxCents.sources),
      },
      {
        id: 'be-wettelijke-interestvoet',
        jurisdiction: 'be',
        audience: 'all',
        title: 'Wettelijke interestvoet',
        text:
          'De wettelijke interestvoet geldt in burgerlijke zaken, en bij consumenten als er geen contractuele rentevoet geldt. ' +
          `Hij wordt elk kalenderjaar opnieuw vastgelegd; voor ${beLegal.label} is dat ${percent(beLegal.rate)}. Voor handelstransacties tussen ondernemingen geldt hij niet.`,
        status: 'verified',
        caveats: [
          ...(beLegal.status === 'verified' ? [] : [{ text: `De interestvoet voor ${beLegal.label} hebben wij nog niet in het Belgisch Staatsblad teruggevonden; kijk hem na bij de FOD Financiën.`, status: beLegal.status }]),
          { text: 'Of u bij een consument zonder geldig schadebeding wettelijke interest mag vragen, of alleen de hoofdsom, daarover spreken de bronnen elkaar tegen.', status: 'unverified' as const },
        ],
        sources: uniq(BE_LEGAL_RATES.sources, [S.fairAdvocaten, S.gdwDeWilde]),
      },
      {
        id: 'be-werkdagen',
        jurisdiction: 'be',
        audience: 'all',
        title: 'Werkdagen en feestdagen in België',
        text:
          'Voor termijnen in werkdagen tellen we maandag tot vrijdag, behalve de tien wettelijke feestdagen: Nieuwjaar, Paasmaandag, Dag van de Arbeid (1 mei), O.L.H. Hemelvaart, Pinkstermaandag, de nationale feestdag (21 juli), O.L.V. Hemelvaart (15 augustus), Allerheiligen, Wapenstilstand (11 november) en Kerstmis. ' +
          'De feestdagen van de gemeenschappen, zoals 11 juli, zijn geen algemene wettelijke feestdagen.',
        status: 'verified',
        caveats: [{ text: 'De wet omschrijft "werkdag" niet nader; zaterdag niet meetellen is de voorzichtige keuze.', status: BE_B2C.workingDayDefinition.status }],
        sources: HOLIDAY_SOURCES.be,
      },

      // ───────────── Netherlands ─────────────
      {
        id: 'nl-wettelijke-handelsrente',
        jurisdiction: 'nl',
        audience: 'business',
        title: 'Wettelijke handelsrente',
        text:
          'Betaalt een zakelijke klant te laat, dan is vanaf de dag na de uiterste betaaldag wettelijke handelsrente verschuldigd, zonder dat u eerst hoeft aan te manen. ' +
          `Is er geen betaaldag afgesproken, dan begint de rente ${NL.defaultTermDays.value} dagen na ontvangst van de factuur te lopen (of van de goederen of diensten, als die later kwamen). ` +
          'De handelsrente is de rente van de Europese Centrale Bank plus 8 procentpunt en wordt elk halfjaar vastgesteld. Na elk vol jaar wordt de rente bij de hoofdsom opgeteld.',
        status: NL.commercialInterestStartsDayAfterDueDate.status,
        caveats: [],
        sources: uniq(NL.commercialInterestStartsDayAfterDueDate.sources, NL.yearlyCompounding.sources, [S.abenslag]),
      },
      {
        id: 'nl-wettelijke-rente',
        jurisdiction: 'nl',
        audience: 'consumer',
        title: 'Wettelijke rente',
        text:
          'Bij consumenten en bij andere vorderingen die geen handelsovereenkomst zijn, geldt de wettelijke rente. ' +
          'Die loopt vanaf het moment dat de klant in verzuim is: bij een vaste uiterste betaaldag meestal vanaf de dag daarna, anders pas na een schriftelijke aanmaning met een redelijke termijn. ' +
          'Ook deze rente wordt per halfjaar vastgesteld en na elk vol jaar bij de hoofdsom opgeteld.',
        status: 'verified',
        caveats: [],
        sources: uniq([S.stb2014491, S.wetboekplus83, S.wetboekplusIngebrekestelling], NL.yearlyCompounding.sources),
      },
      {
        id: 'nl-incassokosten-zakelijk',
        jurisdiction: 'nl',
        audience: 'business',
        title: `Incassokosten bij zakelijke klanten: minstens ${euro(NL.b2bMinimumCollectionCents.value)}`,
        text:
          `Bij een handelsovereenkomst heeft u vanaf de dag na de uiterste betaaldag recht op minstens ${euro(NL.b2bMinimumCollectionCents.value)} incassokosten, ook zonder aanmaning. Daarvan mag niet in uw nadeel worden afgeweken. ` +
          'Hogere incassokosten mag u afspreken, maar een rechter kan ze matigen tot de wettelijke staffel.',
        status: NL.b2bMinimumCollectionCents.status,
        caveats: [],
        sources: uniq(NL.b2bMinimumCollectionCents.sources, [S.huurregels]),
      },
      {
        id: 'nl-incassokosten-consument',
        jurisdiction: 'nl',
        audience: 'consumer',
        title: 'Incassokosten bij consumenten: de wettelijke staffel',
        text:
          'Bij consumenten mag u hoogstens de wettelijke staffel rekenen, over de hoofdsom zonder rente. ' +
          `Het minimum is ${euro(wik.minCents)}, het maximum ${euro(wik.maxCents)}; op ${euro(100000)} is het bijvoorbeeld ${euro(nlCollectionCostsCents(100000))}. ` +
          'Het gaat om buitengerechtelijke incassokosten: de kosten van uw aanmaningen vóór een eventuele procedure via de rechter of de deurwaarder.',
        points: wik.bands.map((b, i) => {
          const size = b.toCents === null ? null : b.toCents - b.fromCents;
          if (size === null) return `${percent(b.percent)} over het meerdere.`;
          return `${percent(b.percent)} over de ${i === 0 ? 'eerste' : 'volgende'} ${euro(size)};`;
        }),
        status: NL.wik.status,
        caveats: [{ text: 'Kunt u de btw niet aftrekken, dan mag de btw bij de incassokosten worden opgeteld. Dat detail is niet volledig nagekeken.', status: NL.wikVatIncrease.status }],
        sources: uniq(NL.wik.sources, NL.wikOnPrincipalOnly.sources, NL.wikMandatoryForConsumers.sources),
      },
      {
        id: 'nl-veertiendagenbrief',
        jurisdiction: 'nl',
        audience: 'consumer',
        title: 'De veertiendagenbrief',
        text:
          `Een consument betaalt pas incassokosten als u hem, nadat hij in verzuim is, een aanmaning heeft gestuurd met ${NL.fourteenDayLetterDays.value} dagen om alsnog te betalen. ` +
          'Die termijn begint op de dag nadat de klant de brief heeft ontvangen, niet op de datum van de brief. Schrijf dus niet "binnen 14 dagen na dagtekening", maar bijvoorbeeld "binnen veertien dagen na de dag waarop u deze brief heeft ontvangen". ' +
          'Noem in de brief het exacte bedrag aan incassokosten dat u rekent als de klant niet betaalt. U moet kunnen aantonen wanneer de klant de brief ontving.',
        status: NL.fourteenDayLetterDays.status,
        caveats: [
          { text: 'Of de termijn doorloopt tot na een weekend of feestdag (Algemene termijnenwet), is niet zeker. Laat hem daarom op een werkdag eindigen of geef wat extra marge.', status: NL.atwAppliesToFourteenDayLetter.status },
          { text: 'Weet u niet wanneer de brief aankwam, dan rekenen wij voorzichtig: een e-mail geldt als ontvangen op de dag van verzending, een brief op de derde werkdag na verzending. Dat is een veilige aanname, geen wettelijke regel.', status: 'unverified' },
        ],
        sources: uniq(NL.fourteenDayLetterDays.sources, NL.fourteenDayLetterMustStateCosts.sources),
      },
      {
        id: 'nl-betaaltermijn',
        jurisdiction: 'nl',
        audience: 'business',
        title: 'Betaaltermijn tussen bedrijven',
        text:
          `Is er niets afgesproken, dan geldt een betaaltermijn van ${NL.defaultTermDays.value} dagen. ` +
          `Een grote onderneming die een mkb-bedrijf betaalt, mag sinds 1 juli 2022 hoogstens ${NL.largeToSmeMaxTermDays.value} dagen afspreken; een langere termijn is nietig en dan geldt de wettelijke termijn.`,
        status: NL.largeToSmeMaxTermDays.status,
        caveats: [{ text: `Een afgesproken termijn van meer dan ${NL.longTermScrutinyAboveDays.value} dagen is alleen geldig als die niet grof onbillijk is voor de leverancier.`, status: NL.longTermScrutinyAboveDays.status }],
        sources: uniq(NL.defaultTermDays.sources, NL.largeToSmeMaxTermDays.sources, NL.longTermScrutinyAboveDays.sources),
      },
      {
        id: 'nl-werkdagen',
        jurisdiction: 'nl',
        audience: 'all',
        title: 'Werkdagen en feestdagen in Nederland',
        text:
          'Voor termijnen volgen we de Algemene termijnenwet: zaterdag, zondag en de erkende feestdagen tellen niet als werkdag. ' +
          'Dat zijn Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag, Koningsdag (27 april, of 26 april als 27 april op een zondag valt), Bevrijdingsdag (5 mei, elk jaar), Hemelvaartsdag, tweede Pinksterdag en beide Kerstdagen, ' +
          'plus de dagen die de regering daarmee gelijkstelt, zoals 2 januari 2026.',
        status: 'verified',
        caveats: [{ text: `De gelijkgestelde dagen kennen we voor ${NL_ATW_DECREE_DAYS.fromYear} tot en met ${NL_ATW_DECREE_DAYS.toYear}; voor latere jaren zijn ze nog niet bekend.`, status: 'unknown' }],
        sources: HOLIDAY_SOURCES.nl,
      },
    ] satisfies Explanation[]
  ).map((e) => Object.freeze(e)),
);

/** Explanations for one jurisdiction, optionally only those that concern one kind of debtor. */
export function explanationsFor(jurisdiction: Jurisdiction, audience?: CustomerType): readonly Explanation[] {
  return EXPLANATIONS.filter((e) => e.jurisdiction === jurisdiction && (audience === undefined || e.audience === 'all' || e.audience === audience));
}
