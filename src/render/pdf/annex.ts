/**
 * The annex of the interest calculator (/rekenhulp/): one calculation as a printable PDF to attach
 * to a formal notice. Built as an ordinary FilledDocument (a letter without an address) and drawn
 * by renderPdf, so the renderer itself needs no change. Loaded with import() by
 * the calculator page only; nothing else imports it.
 *
 * The annex is read by the debtor, so its texts speak about "de schuldenaar" instead of addressing
 * the creditor as the site does. Every statement keeps the status and the sources of the rule it
 * comes from; what is not verified says so.
 */
import { BE_B2B, BE_B2C, NL } from '../../legal/rules.ts';
import type { Fact, IsoDate, Source, Status } from '../../legal/types.ts';
import type { FilledBlock, FilledDocument, Run } from '../../model/types.ts';
import { renderContext, type CustomerType, type Jurisdiction } from '../../jurisdiction/index.ts';
import {
  CUSTOMER_NAME,
  JURISDICTION_NAME,
  NATURE_LABEL,
  STATUS_LABEL,
  sourceTitle,
  formatDateLong,
  formatMoney,
  formatPercent,
  fromReason,
  periodName,
  unknownSentence,
  words,
  type Calculation,
} from '../../model/interest-calc.ts';
import { renderPdf, type PdfFonts } from './index.ts';

export interface AnnexOptions {
  fonts: PdfFonts;
  /** The site's "no legal advice" notice for the jurisdiction (legal module DISCLAIMER). */
  disclaimer: string;
  /** Day the annex is made (the browser's today). */
  createdOn: IsoDate;
  /** Fixed PDF creation date, for byte-identical output in tests. */
  fixedDate?: string;
}

/** One statement of the legal basis, with the status and sources of the facts behind it. */
interface Ground {
  text: string;
  status: Status;
  sources: readonly Source[];
}

/** A run of text; "€ 21,41" and "10,5 %" keep their parts on one line (no-break space). */
const t = (text: string, strong = false): Run => {
  const kept = text.replace(/€ (?=\d)/g, '€\u00a0').replace(/(\d) %/g, '$1\u00a0%');
  return strong ? { text: kept, strong } : { text: kept };
};

/** The least certain status of the facts a sentence rests on. */
function worst(...statuses: Status[]): Status {
  return statuses.includes('unknown') ? 'unknown' : statuses.includes('unverified') ? 'unverified' : 'verified';
}

function ground(text: string, ...facts: Fact<unknown>[]): Ground {
  return { text, status: worst(...facts.map((f) => f.status)), sources: facts.flatMap((f) => f.sources) };
}

/** The legal basis of what the annex claims, in the third person. */
function groundsFor(calc: Calculation): Ground[] {
  const { jurisdiction, customerType, kind, principalCents } = calc.input;
  const counted = calc.costs.filter((c) => c.inTotal).map((c) => c.item);
  if (jurisdiction === 'be' && customerType === 'business') {
    return [
      ground(
        'Bij een handelstransactie is de schuldenaar vanaf de dag na de vervaldag van rechtswege en zonder ingebrekestelling nalatigheidsinteresten verschuldigd (wet van 2 augustus 2002 betreffende de bestrijding van de betalingsachterstand bij handelstransacties). ' +
          'Tenzij de partijen een andere interestvoet overeenkwamen, geldt de interestvoet die per semester in het Belgisch Staatsblad wordt bekendgemaakt.',
        BE_B2B.interestStartsDayAfterDueDate,
        BE_B2B.noticeRequired,
        BE_B2B.appliesUnlessOtherRateAgreed,
      ),
      ground(
        `Daarnaast is van rechtswege en zonder ingebrekestelling een forfaitaire schadevergoeding van ${formatMoney(BE_B2B.fixedCompensationCents.value)} verschuldigd voor de invorderingskosten. Andere relevante invorderingskosten kunnen bovendien als redelijke schadeloosstelling gevorderd worden.`,
        BE_B2B.fixedCompensationCents,
        BE_B2B.reasonableExtraCostsAllowed,
      ),
      ground('De forfaitaire schadevergoeding geldt per onbetaalde factuur. Dat is de gangbare lezing van de wet.', BE_B2B.fixedCompensationPerInvoice),
    ];
  }
  if (jurisdiction === 'be') {
    const accrual = ground(
      `Of de interest vanaf de vervaldag loopt of pas na de termijn van ${BE_B2C.waitDays.value} dagen, is niet uitgeklaard. Deze berekening rekent vanaf ${fromReason(calc)}.`,
      BE_B2C.interestAccrualStart,
    );
    if (kind === 'commercial') {
      return [
        ground(
          'Tegenover een consument zijn nalatigheidsinteresten alleen verschuldigd als het contract of de algemene voorwaarden dat vooraf en wederkerig bepalen, ' +
            `en pas als de consument na een kosteloze eerste herinnering nog minstens ${BE_B2C.waitDays.value} kalenderdagen niet betaalt (Boek XIX van het Wetboek van economisch recht).`,
          BE_B2C.clauseMustBeAgreedAndReciprocal,
          BE_B2C.firstReminderFree,
          BE_B2C.waitDays,
        ),
        ground(
          'De overeengekomen interestvoet mag niet hoger zijn dan die van de wet van 2 augustus 2002 voor handelstransacties. Deze berekening past die hoogste toegelaten interestvoet toe.',
          BE_B2C.maxInterestIsCommercialRate,
        ),
        accrual,
      ];
    }
    const contested = calc.interest.notes.find((n) => n.id === 'be-wettelijk-ingebrekestelling');
    return [
      { text: 'Deze berekening gebruikt de wettelijke interestvoet, die voor elk kalenderjaar wordt vastgelegd.', status: 'verified', sources: [] },
      {
        text: 'Of een consument zonder geldig schadebeding in het contract de wettelijke interest verschuldigd is, en vanaf wanneer (volgens sommige bronnen pas vanaf de ingebrekestelling), daarover spreken de bronnen elkaar tegen.',
        status: contested?.status ?? 'unverified',
        sources: contested?.sources ?? [],
      },
    ];
  }
  if (customerType === 'business') {
    return [
      ground(
        'Bij een handelsovereenkomst is de wettelijke handelsrente verschuldigd vanaf de dag na de uiterste betaaldag, zonder dat een ingebrekestelling nodig is (art. 6:119a BW).',
        NL.commercialInterestStartsDayAfterDueDate,
      ),
      ground(
        `Daarnaast is de schuldenaar vanaf de dag na de uiterste betaaldag, zonder aanmaning, ten minste ${formatMoney(NL.b2bMinimumCollectionCents.value)} aan incassokosten verschuldigd (art. 6:96 lid 4 BW).`,
        NL.b2bMinimumCollectionCents,
      ),
    ];
  }
  const verzuim = calc.interest.notes.find((n) => n.id === 'nl-verzuim');
  const wik = counted.find((c) => c.id === 'nl-wik');
  return [
    {
      text: 'De wettelijke rente is verschuldigd vanaf het moment dat de schuldenaar in verzuim is: bij een vaste uiterste betaaldag in de regel vanaf de dag daarna (art. 6:119 BW).',
      status: verzuim?.status ?? 'verified',
      sources: verzuim?.sources ?? [],
    },
    ground(
      `De buitengerechtelijke incassokosten volgen de staffel van het Besluit vergoeding voor buitengerechtelijke incassokosten en worden berekend over de hoofdsom, zonder rente: op ${formatMoney(principalCents)} is dat hoogstens ${wik?.amountCents != null ? formatMoney(wik.amountCents) : 'het bedrag volgens de staffel'}. ` +
        `Ze zijn pas verschuldigd als de schuldenaar niet betaalt binnen ${NL.fourteenDayLetterDays.value} dagen na de dag waarop hij een aanmaning heeft ontvangen die dat bedrag vermeldt (art. 6:96 lid 6 BW).`,
      NL.wik,
      NL.wikOnPrincipalOnly,
      NL.fourteenDayLetterDays,
      NL.fourteenDayLetterMustStateCosts,
    ),
  ];
}

/** The calculation notes that suit a document for the debtor (the others advise the creditor). */
const METHOD_NOTES = new Set(['dagtelling', 'be-semesters', 'nl-rente-op-rente']);

function title(calc: Calculation): string {
  const { jurisdiction, customerType, kind } = calc.input;
  if (jurisdiction === 'be') {
    if (customerType === 'business') return 'Berekening van nalatigheidsinteresten en forfaitaire schadevergoeding';
    return kind === 'commercial' ? 'Berekening van nalatigheidsinteresten' : 'Berekening van interest tegen de wettelijke interestvoet';
  }
  return customerType === 'business' ? 'Berekening van wettelijke handelsrente en incassokosten' : 'Berekening van wettelijke rente en incassokosten';
}

/** Numbers each source once, in order of first use: "[1]". */
class SourceIndex {
  readonly list: Source[] = [];
  private readonly keys = new Map<string, number>();

  ref(sources: readonly Source[]): string {
    const numbers = [...new Set(sources.map((s) => this.number(s)))].sort((a, b) => a - b);
    if (!numbers.length) return '';
    return `${numbers.length === 1 ? 'Bron' : 'Bronnen'} ${numbers.map((n) => `[${n}]`).join(', ')}`;
  }

  private number(s: Source): number {
    const key = `${s.title}\u0000${s.url ?? ''}`;
    let n = this.keys.get(key);
    if (n === undefined) {
      this.list.push(s);
      n = this.list.length;
      this.keys.set(key, n);
    }
    return n;
  }
}

/** " Bron [1]; niet geverifieerd." / " Bronnen [1], [2]." / "" */
function tail(index: SourceIndex, sources: readonly Source[], status: Status): string {
  const parts = [index.ref(sources), status === 'verified' ? '' : STATUS_LABEL[status]].filter(Boolean);
  return parts.length ? ` ${parts.join('; ')}.` : '';
}

/** The annex as a document for the PDF renderer. */
export function annexDocument(calc: Calculation, options: Pick<AnnexOptions, 'disclaimer' | 'createdOn'>): FilledDocument {
  const { input, interest } = calc;
  const w = words(input.jurisdiction);
  const index = new SourceIndex();
  const blocks: FilledBlock[] = [];
  const heading = (text: string) => blocks.push({ type: 'heading', level: 2, runs: [t(text)] });
  const paragraph = (...runs: Run[]) => blocks.push({ type: 'paragraph', runs });

  heading('Gegevens');
  blocks.push({
    type: 'list',
    items: [
      [t('Openstaand bedrag (hoofdsom): '), t(formatMoney(input.principalCents), true)],
      [t(`${w.due}: ${formatDateLong(input.dueDate)}`)],
      [t(`${w.Interest} berekend vanaf ${formatDateLong(calc.from)} (${fromReason(calc)}) tot en met ${formatDateLong(input.until)} (${input.untilIsToday ? 'de datum van deze berekening' : 'de betaaldatum'}): ${interest.days} ${interest.days === 1 ? 'dag' : 'dagen'}`)],
      [t(`Toepasselijk recht: ${JURISDICTION_NAME[input.jurisdiction]}; de schuldenaar is ${CUSTOMER_NAME[input.customerType]}`)],
      [t(`Soort ${w.interest}: ${calc.kindLabel}`)],
    ],
  });

  heading(`${w.Interest} per periode`);
  blocks.push({
    type: 'list',
    items: interest.breakdown.map((line): Run[] => {
      const period = `${formatDateLong(line.periodStart)} – ${formatDateLong(line.periodEnd)} (${periodName(calc, line)}): ${line.days} ${line.days === 1 ? 'dag' : 'dagen'}`;
      if (line.unknown) return [t(`${period}. ${w.Rate} `), t('onbekend', true), t(`. ${unknownSentence(calc, line)}`)];
      return [t(`${period} ${w.at} ${formatPercent(line.ratePercent)} ${w.on} ${formatMoney(line.baseCents)} = `), t(formatMoney(line.amountCents), true), t(`.${tail(index, line.sources, line.status)}`)];
    }),
  });
  paragraph(t(`Totaal ${w.interest}: `), t(interest.totalCents === null ? 'onbekend' : formatMoney(interest.totalCents), true), t(interest.totalCents === null ? `, omdat de ${w.rate} niet voor elke periode bekend is.` : '.'));

  heading('Vergoedingen en kosten');
  const counted = calc.costs.filter((c) => c.inTotal).map((c) => c.item);
  if (counted.length) {
    blocks.push({
      type: 'list',
      items: counted.map((item) => {
        const nature = item.label.toLowerCase().includes(NATURE_LABEL[item.nature]) ? '' : ` (${NATURE_LABEL[item.nature]})`;
        return [t(`${item.label}: `), t(formatMoney(item.amountCents ?? 0), true), t(`${nature}.${tail(index, item.sources, item.status)}`)];
      }),
    });
  } else {
    paragraph(t('Deze berekening bevat geen vergoedingen of kosten.'));
  }

  if (calc.extrasCents !== null && calc.totalCents !== null) {
    const parts = [`hoofdsom ${formatMoney(input.principalCents)}`, `${w.interest} ${formatMoney(interest.totalCents ?? 0)}`, ...counted.map((c) => `${c.label.charAt(0).toLowerCase()}${c.label.slice(1)} ${formatMoney(c.amountCents ?? 0)}`)];
    blocks.push({
      type: 'deadline',
      runs: [
        t(`${w.Interest} en kosten samen: `),
        t(formatMoney(calc.extrasCents), true),
        t('. Met de hoofdsom erbij: '),
        t(formatMoney(calc.totalCents), true),
        t(` (${parts.join(' + ')}).`),
      ],
    });
  } else {
    blocks.push({ type: 'deadline', runs: [t('Geen totaal: ', true), t(`de ${w.rate} is niet voor elke periode bekend, dus het totaal kan nog niet berekend worden.`)] });
  }

  heading('Rechtsgrond');
  paragraph(t('Bij elke regel staan de bronnen (lijst onderaan). Wat de bronnen niet eenduidig bevestigen, is gemarkeerd als niet geverifieerd of onbekend.'));
  blocks.push({ type: 'list', items: groundsFor(calc).map((g) => [t(`${g.text}${tail(index, g.sources, g.status)}`)]) });

  const notes = interest.notes.filter((n) => METHOD_NOTES.has(n.id));
  if (notes.length) {
    heading('Rekenwijze');
    blocks.push({ type: 'list', items: notes.map((n) => [t(`${n.text}${tail(index, n.sources, n.status)}`)]) });
  }

  heading('Bronnen');
  blocks.push({
    type: 'list',
    items: index.list.map((s, i) => (s.url ? [t(`[${i + 1}] ${sourceTitle(s)}: `), { text: s.url, href: s.url }] : [t(`[${i + 1}] ${sourceTitle(s)} (zonder webadres)`)])),
  });

  paragraph(t(`Opgemaakt op ${formatDateLong(options.createdOn)} met de rekenhulp van Tijdig. ${options.disclaimer}`.trim()));

  const subject = input.reference ? `${input.reference}, vervallen op ${formatDateLong(input.dueDate)}` : `openstaand bedrag van ${formatMoney(input.principalCents)}, vervallen op ${formatDateLong(input.dueDate)}`;
  return {
    id: 'bijlage-interest',
    kind: 'brief',
    title: title(calc),
    purpose: 'ingebrekestelling',
    tone: 'formeel',
    registered: false,
    ...caseFields(input.jurisdiction, input.customerType === 'consumer' ? 'consument' : 'onderneming'),
    subject: [t(subject)],
    preheader: [],
    letter: {
      sender: [[t(title(calc))], [t('Bijlage bij de ingebrekestelling')], ...(input.reference ? [[t(`Referentie: ${input.reference}`)]] : [])],
      recipient: [],
      placeAndDate: [t(`Opgemaakt op ${formatDateLong(options.createdOn)}`)],
      reference: [],
    },
    blocks,
    epc: null,
    // Not filled from a template: the calculation's own interest is the one figure it carries.
    figures: { computed: { 'berekend.totaalOpen': input.principalCents }, costs: {}, interest: calc.interest, interestGap: null },
  };
}

/** The case fields of a document built here rather than by fill(). */
function caseFields(jurisdiction: Jurisdiction, customerType: CustomerType): Pick<FilledDocument, 'jurisdiction' | 'customerType' | 'legalCase' | 'locale' | 'labels' | 'lang'> {
  const context = renderContext(jurisdiction, customerType);
  return { jurisdiction, customerType, legalCase: context.legalCase, locale: context.locale.id, labels: context.locale.labels, lang: context.locale.lang };
}

/** The annex as PDF bytes. */
export function renderAnnexPdf(calc: Calculation, options: AnnexOptions): Promise<Uint8Array> {
  const doc = annexDocument(calc, options);
  return renderPdf(doc, { fonts: options.fonts, ...(options.fixedDate !== undefined ? { fixedDate: options.fixedDate } : {}) });
}

/** "bijlage-interest-f-2026-0777.pdf", else "bijlage-interest-2026-05-30.pdf" (the last day counted). */
export function annexFileName(calc: Calculation): string {
  const slug = calc.input.reference
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `bijlage-interest-${slug || calc.input.until}.pdf`;
}
