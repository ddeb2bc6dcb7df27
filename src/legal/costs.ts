/**
 * Fixed compensation and collection costs (docs/legal-facts.md §1.3, §2.2, §2.4, §3.5), in integer cents.
 *
 * Rounding: a statutory maximum is computed exactly and rounded DOWN to the cent, so the result
 * never exceeds the legal cap (e.g. BE on EUR 150.01: 30 + 10 % × 0.01 = 30.001 → EUR 30.00).
 * The fixed amounts (EUR 40) need no rounding.
 */
import { BE_B2B, BE_B2C, NL } from './rules.ts';
import type { CustomerType, IsoDate, Jurisdiction, Source, Status } from './types.ts';

function assertCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} moet een geheel aantal eurocent ≥ 0 zijn, niet ${value}.`);
}

/** BE B2B: the fixed EUR 40 (art. 6 wet 2 augustus 2002), due with the interest, without notice. */
export function beB2bCompensationCents(): number {
  return BE_B2B.fixedCompensationCents.value;
}

/**
 * BE B2C: maximum fixed compensation for an outstanding balance (art. XIX.4 WER, legal-facts.md §2.4):
 * ≤ 150.00 → 20; 150.01–500.00 → 30 + 10 % of the part above 150; > 500 → 65 + 5 % of the part
 * above 500, at most 2,000. Rounded down to the cent.
 */
export function beConsumerDamagesCapCents(outstandingCents: number): number {
  assertCents(outstandingCents, 'outstandingCents');
  const c = BE_B2C.damagesCap.value;
  if (outstandingCents <= c.flatUpToCents) return c.flatCapCents;
  if (outstandingCents <= c.middleUpToCents) {
    return c.middleBaseCents + Math.floor(((outstandingCents - c.flatUpToCents) * c.middlePercent) / 100);
  }
  return Math.min(c.maxCents, c.topBaseCents + Math.floor(((outstandingCents - c.middleUpToCents) * c.topPercent) / 100));
}

/**
 * BE B2C: most a reminder may cost (legal-facts.md §2.2). `reminderNumber` counts the reminders for one
 * missed due date (1 = the first, always free). Later ones: EUR 7.50 plus the postage in force
 * on the day of sending (pass it; 0 for e-mail). The subscription rule (three free due dates a
 * year) is explained in explain.ts, not computed here.
 */
export function beConsumerReminderFeeCapCents(reminderNumber: number, postageCents = 0): number {
  if (!Number.isInteger(reminderNumber) || reminderNumber < 1) throw new RangeError(`Herinneringsnummer moet ≥ 1 zijn, niet ${reminderNumber}.`);
  assertCents(postageCents, 'postageCents');
  return reminderNumber === 1 ? 0 : BE_B2C.laterReminderMaxCents.value + postageCents;
}

/**
 * NL: buitengerechtelijke incassokosten by the WIK scale on the principal (Stb. 2012, 141, art. 2):
 * 15 % of the first 2,500, 10 % of the next 2,500, 5 % of the next 5,000, 1 % of the next 190,000,
 * 0.5 % above; at least EUR 40, at most EUR 6,775. Computed exactly, rounded down to the cent.
 */
export function nlCollectionCostsCents(principalCents: number): number {
  assertCents(principalCents, 'principalCents');
  const { bands, minCents, maxCents } = NL.wik.value;
  // Work in thousandths of a cent (percent × 10 = per mille) so 0.5 % stays an integer.
  let milli = 0n;
  for (const b of bands) {
    const top = b.toCents === null ? principalCents : Math.min(principalCents, b.toCents);
    const part = top - b.fromCents;
    if (part > 0) milli += BigInt(part) * BigInt(Math.round(b.percent * 10));
  }
  const cents = Number(milli / 1000n);
  return Math.min(maxCents, Math.max(minCents, cents));
}

export type CostId = 'be-b2b-forfait' | 'be-b2c-schadebeding' | 'be-b2c-herinnering' | 'nl-b2b-minimum' | 'nl-wik';

export interface CostItem {
  readonly id: CostId;
  /**
   * fixed: this amount is due; maximum: a cap, the agreed amount may be lower; minimum: at least
   * this; reference: a guide a court may moderate to (NL scale between businesses).
   */
  readonly nature: 'fixed' | 'maximum' | 'minimum' | 'reference';
  /** null when the rule for the given date is not in our sources. */
  readonly amountCents: number | null;
  /** Dutch label, ready to print. */
  readonly label: string;
  /** Conditions and caveats, in Dutch. */
  readonly conditions: readonly string[];
  readonly status: Status;
  readonly sources: readonly Source[];
}

export interface CostsInput {
  readonly jurisdiction: Jurisdiction;
  readonly customerType: CustomerType;
  /** BE B2C: the outstanding balance; NL: the principal (the scale ignores interest). */
  readonly outstandingCents: number;
  /** Day the payment default arose; used to check that Boek XIX already applied (BE B2C). */
  readonly defaultDate?: IsoDate;
}

const merge = (...lists: (readonly Source[])[]): readonly Source[] => Object.freeze([...new Set(lists.flat())]);

/** The compensation and collection costs that apply to one debt, with their conditions. */
export function applicableCosts(input: CostsInput): readonly CostItem[] {
  const { jurisdiction, customerType, outstandingCents, defaultDate } = input;
  assertCents(outstandingCents, 'outstandingCents');
  const items: CostItem[] = [];
  if (jurisdiction === 'be' && customerType === 'business') {
    items.push({
      id: 'be-b2b-forfait',
      nature: 'fixed',
      amountCents: beB2bCompensationCents(),
      label: 'Forfaitaire schadevergoeding',
      conditions: [
        'Van rechtswege verschuldigd, zonder ingebrekestelling, zodra nalatigheidsinteresten verschuldigd zijn.',
        'Bovenop de nalatigheidsinteresten; andere relevante invorderingskosten kunt u daarnaast als redelijke schadeloosstelling vragen.',
        'Per factuur: dat is de gangbare lezing, maar niet nagekeken in de wettekst.',
      ],
      status: BE_B2B.fixedCompensationCents.status,
      sources: merge(BE_B2B.fixedCompensationCents.sources, BE_B2B.fixedCompensationPerInvoice.sources),
    });
  }
  if (jurisdiction === 'be' && customerType === 'consumer') {
    const inForce = BE_B2C.inForce.value;
    const allContracts = BE_B2C.existingContractsFrom.value;
    const before = defaultDate !== undefined && defaultDate < inForce;
    const conditions = [
      'Alleen als uw contract of algemene voorwaarden dit schadebeding vooraf bevatten, en wederkerig.',
      'Pas na de gratis eerste herinnering en een wachttermijn van minstens 14 kalenderdagen.',
      'Vermeld het bedrag al in de eerste herinnering.',
    ];
    if (before) conditions.unshift('Boek XIX WER geldt pas vanaf 1 september 2023; de regels voor een eerdere betalingsachterstand staan niet in deze module.');
    else if (defaultDate !== undefined && defaultDate < allContracts) {
      conditions.unshift('Voor contracten van vóór 1 september 2023 geldt Boek XIX pas voor betalingsachterstanden vanaf 1 december 2023.');
    }
    items.push({
      id: 'be-b2c-schadebeding',
      nature: 'maximum',
      amountCents: before ? null : beConsumerDamagesCapCents(outstandingCents),
      label: 'Maximale forfaitaire schadevergoeding (schadebeding)',
      conditions,
      status: before ? 'unknown' : BE_B2C.damagesCap.status,
      sources: merge(BE_B2C.damagesCap.sources, BE_B2C.clauseMustBeAgreedAndReciprocal.sources),
    });
    items.push({
      id: 'be-b2c-herinnering',
      nature: 'maximum',
      amountCents: before ? null : BE_B2C.laterReminderMaxCents.value,
      label: 'Kosten per volgende herinnering',
      conditions: [
        'De eerste herinnering voor een gemiste vervaldag is gratis.',
        'Elke volgende herinnering: hoogstens dit bedrag plus de portkosten op de dag van verzending.',
        'Bij een abonnement zijn de herinneringen voor drie gemiste vervaldagen per kalenderjaar gratis.',
      ],
      status: before ? 'unknown' : BE_B2C.laterReminderMaxCents.status,
      sources: BE_B2C.laterReminderMaxCents.sources,
    });
  }
  if (jurisdiction === 'nl' && customerType === 'business') {
    items.push({
      id: 'nl-b2b-minimum',
      nature: 'minimum',
      amountCents: NL.b2bMinimumCollectionCents.value,
      label: 'Incassokosten bij een handelsovereenkomst (minimum)',
      conditions: [
        'Zonder aanmaning verschuldigd vanaf de dag na de uiterste betaaldag (art. 6:96 lid 4 BW).',
        'Van dit minimum mag niet ten nadele van u worden afgeweken.',
      ],
      status: NL.b2bMinimumCollectionCents.status,
      sources: NL.b2bMinimumCollectionCents.sources,
    });
    items.push({
      id: 'nl-wik',
      nature: 'reference',
      amountCents: nlCollectionCostsCents(outstandingCents),
      label: 'Incassokosten volgens de staffel (richtbedrag)',
      conditions: [
        'Tussen bedrijven mag u iets anders afspreken; een rechter kan hogere kosten matigen tot de staffel.',
        'Berekend over de hoofdsom, zonder rente.',
      ],
      status: NL.wik.status,
      sources: merge(NL.wik.sources, NL.wikOnPrincipalOnly.sources),
    });
  }
  if (jurisdiction === 'nl' && customerType === 'consumer') {
    items.push({
      id: 'nl-wik',
      nature: 'maximum',
      amountCents: nlCollectionCostsCents(outstandingCents),
      label: 'Buitengerechtelijke incassokosten (staffel)',
      conditions: [
        'Pas verschuldigd na een veertiendagenbrief: na het verzuim, met 14 dagen om te betalen vanaf de dag na ontvangst.',
        'Noem in die brief het exacte bedrag dat u rekent als de klant niet betaalt.',
        'Berekend over de hoofdsom, zonder rente.',
        'Kunt u de btw niet aftrekken, dan mag de btw erbij; dat detail is niet volledig nagekeken.',
      ],
      status: NL.wik.status,
      sources: merge(NL.wik.sources, NL.fourteenDayLetterDays.sources, NL.wikOnPrincipalOnly.sources),
    });
  }
  return Object.freeze(items.map((i) => Object.freeze({ ...i, conditions: Object.freeze([...i.conditions]) })));
}
