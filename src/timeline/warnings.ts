/**
 * Warnings on a schedule. Each rule is a small function that reads the computed schedule and
 * returns zero or more warnings, each explained in plain Dutch (Belgian usage for BE, Dutch usage
 * for NL) with its source from the legal module. Rules about good practice (tone, order, gap)
 * have no legal source: `source` is null there. Free of zod: the content's tone scale and kinds per
 * channel come in as `ContentVocabulary` (defaults.ts passes the schema's; the page passes the same
 * lists as build-time data), so the builder's first paint does not load the content schema.
 */
import type { Channel, TemplateKind, Tone } from '../content/schema.ts';
import { addDays, daysBetween } from '../legal/dates.ts';
import { BE_B2B, BE_B2C, NL } from '../legal/rules.ts';
import { SOURCES as S } from '../legal/sources.ts';
import type { Source } from '../legal/types.ts';
import { CHANNEL_NOUN, TONE_WORD, days, longDate } from './format.ts';
import { DEFAULT_TERM_DAYS, type Plan } from './plan.ts';
import {
  computeSchedule,
  fourteenDayLetterBasis,
  isFormalNotice,
  isWritten,
  legalChannel,
  sentInOrder,
  statutoryTerm,
  type Schedule,
  type ScheduledStep,
  type StepTerm,
  type TemplateCatalog,
} from './schedule.ts';

export type Severity = 'error' | 'warning' | 'info';

export const WARNING_IDS = [
  'binnen-termijn',
  'be-eerste-herinnering-gratis',
  'be-wachttermijn',
  'be-termijn-te-kort',
  'nl-veertiendagenbrief',
  'kosten-voor-vervaldag',
  'toon-omlaag',
  'juridisch-zonder-ingebrekestelling',
  'minimale-tussentijd',
  'volgorde',
  'kanaal-sjabloon',
  'sjabloon-ontbreekt',
  'overgeslagen',
  'gepauzeerd',
  'betalingstermijn',
] as const;
export type WarningId = (typeof WARNING_IDS)[number];

export interface Warning {
  readonly id: WarningId;
  /** The step it is about (position in `plan.steps`), or null for the plan as a whole. */
  readonly stepIndex: number | null;
  /** 0 for the step itself, 1, 2, … for a repeat of the last step. */
  readonly occurrence: number;
  readonly severity: Severity;
  /** Plain Dutch, ready to show. */
  readonly message: string;
  /** The main source (title + url), or null for a rule of good practice. */
  readonly source: Source | null;
  /** Every source behind the message, main one first. */
  readonly sources: readonly Source[];
}

/** What the rules need from the content schema (TONES, KINDS_FOR_CHANNEL), passed in. */
export interface ContentVocabulary {
  /** The tone scale, mildest first: a workflow should not step down it. */
  readonly tones: readonly Tone[];
  /** Which template kinds a step on a given channel may use. */
  readonly kindsForChannel: Readonly<Record<Channel, readonly TemplateKind[]>>;
}

export interface RuleContext {
  readonly plan: Plan;
  readonly vocabulary: ContentVocabulary;
  readonly schedule: Schedule;
  /** Sent steps in sending order. */
  readonly sent: readonly ScheduledStep[];
}

export interface Rule {
  readonly id: WarningId;
  readonly check: (ctx: RuleContext) => Warning[];
}

// ---------------------------------------------------------------- helpers

const warn = (id: WarningId, s: Pick<ScheduledStep, 'stepIndex' | 'occurrence'> | null, severity: Severity, message: string, sources: readonly Source[] = []): Warning => ({
  id,
  stepIndex: s ? s.stepIndex : null,
  occurrence: s ? s.occurrence : 0,
  severity,
  message,
  source: sources[0] ?? null,
  sources: [...new Set(sources)],
});

/** 'stap 3 ("Ingebrekestelling per aangetekende brief")', 'herhaling 2 van stap 6 ("…")'. */
function name(s: ScheduledStep): string {
  const title = s.step.titel.trim();
  return `${short(s)}${title ? ` ("${title}")` : ''}`;
}

/** Same, starting a sentence. */
function Name(s: ScheduledStep): string {
  const n = name(s);
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** Short form for a second mention: "stap 3", "herhaling 2 van stap 6". */
const short = (s: Pick<ScheduledStep, 'stepIndex' | 'occurrence'>) => (s.occurrence > 0 ? `herhaling ${s.occurrence} van stap ${s.stepIndex + 1}` : `stap ${s.stepIndex + 1}`);

const claimsCosts = (s: ScheduledStep) => s.template?.claimsCosts === true;
const find = (ctx: Pick<RuleContext, 'schedule'>, ref: { stepIndex: number; occurrence: number }) =>
  ctx.schedule.steps.find((s) => s.stepIndex === ref.stepIndex && s.occurrence === ref.occurrence)!;

/** How the term of a written step starts, in one sentence. */
function startSentence(from: ScheduledStep, t: StepTerm, plan: Plan): string {
  const channel = legalChannel(from.step.kanaal);
  const start = longDate(t.start);
  if (plan.settings.jurisdiction === 'be') {
    return channel === 'email'
      ? `Die termijn begint pas de dag na het versturen van de e-mail, op ${start}.`
      : `Die termijn begint pas op de derde werkdag na het versturen van de brief, op ${start}.`;
  }
  return channel === 'email'
    ? `Die termijn begint pas op de dag nadat de klant de e-mail heeft ontvangen; wij gaan uit van ontvangst op de dag van verzending, dus vanaf ${start}.`
    : `Die termijn begint pas op de dag nadat de klant de brief heeft ontvangen; wij gaan voorzichtig uit van ontvangst op de derde werkdag na verzending, dus vanaf ${start}.`;
}

const deliverySources = (plan: Plan): readonly Source[] =>
  plan.settings.jurisdiction === 'be' ? [...BE_B2C.paperStartsOnWorkingDayAfterSending.sources] : [S.phr2016938, S.nvi];

// ---------------------------------------------------------------- the rules

/** An escalation (formal notice, legal step, or costs) while a term given earlier is still running. */
const insideTerm: Rule = {
  id: 'binnen-termijn',
  check: ({ plan, schedule, sent }) => {
    const out: Warning[] = [];
    for (const s of sent) {
      const r = s.runningTerm;
      if (!r || r.term.origin === 'until-next-step') continue;
      const formal = isFormalNotice(s) || s.step.kanaal === 'juridisch';
      // Costs asked from a consumer have their own, stricter rules (be-wachttermijn, nl-veertiendagenbrief).
      const costs = claimsCosts(s) && plan.settings.customerType === 'business';
      if (!formal && !costs) continue;
      const from = find({ schedule }, r);
      const t = r.term;
      const business = plan.settings.customerType === 'business';
      const shorter = t.origin === 'custom' || t.origin === 'notice' ? `, of geef in ${short(from)} een kortere termijn` : '';
      const message = [
        `${Name(s)} valt op ${longDate(s.date!)}, maar de termijn van ${days(t.days)} uit ${name(from)} loopt dan nog tot en met ${longDate(t.end)}.`,
        startSentence(from, t, plan),
        business ? 'Bij een onderneming schrijft de wet die telling niet voor, maar zo krijgt de klant zeker de volle termijn die u hem gaf.' : '',
        `Plan ${short(s)} op ${longDate(t.earliestNextStep)} of later${shorter}.`,
      ]
        .filter(Boolean)
        .join(' ');
      const extra = plan.settings.jurisdiction === 'nl' && isFormalNotice(from) ? [S.wetboekplusIngebrekestelling] : [];
      // How a term is counted from receipt is consumer law; towards a business it is good practice, so cite no consumer source.
      out.push(warn('binnen-termijn', s, 'warning', message, business ? extra : [...deliverySources(plan), ...extra]));
    }
    return out;
  },
};

/** BE consumer: the first reminder for a missed due date is free. */
const beFirstReminderFree: Rule = {
  id: 'be-eerste-herinnering-gratis',
  check: ({ plan, schedule }) => {
    if (plan.settings.jurisdiction !== 'be' || plan.settings.customerType !== 'consumer') return [];
    const first = schedule.steps.find((s) => s.isFirstReminder);
    if (!first || !claimsCosts(first)) return [];
    return [
      warn(
        'be-eerste-herinnering-gratis',
        first,
        'error',
        `${Name(first)} is de eerste herinnering aan uw klant, een consument, en die moet gratis zijn. Het gekozen sjabloon rekent al interesten of een schadevergoeding aan. ` +
          `Kies voor deze stap een sjabloon zonder kosten. Kosten mag u pas aanrekenen na een wachttermijn van minstens ${DEFAULT_TERM_DAYS} kalenderdagen, en alleen als uw algemene voorwaarden dat vooraf bepalen.`,
        [...BE_B2C.firstReminderFree.sources, ...BE_B2C.waitDays.sources],
      ),
    ];
  },
};

/** BE consumer: costs only after the 14-day waiting period that the first reminder starts. */
const beWaitingPeriod: Rule = {
  id: 'be-wachttermijn',
  check: ({ plan, schedule, sent }) => {
    if (plan.settings.jurisdiction !== 'be' || plan.settings.customerType !== 'consumer') return [];
    const first = schedule.steps.find((s) => s.isFirstReminder);
    const t = first ? statutoryTerm(first, plan) : null;
    if (!first || !t) return [];
    return sent
      .filter((s) => s !== first && claimsCosts(s) && s.date! > plan.settings.dueDate && s.date! < t.earliestNextStep)
      .map((s) =>
        warn(
          'be-wachttermijn',
          s,
          'error',
          `${Name(s)} rekent op ${longDate(s.date!)} interesten of een schadevergoeding aan, maar de wachttermijn na de eerste herinnering (${name(first)}, verstuurd op ${longDate(first.date!)}) loopt nog tot en met ${longDate(t.end)}. ` +
            `Bij een consument mag u pas kosten aanrekenen als die ${DEFAULT_TERM_DAYS} dagen voorbij zijn. ${startSentence(first, t, plan)} ` +
            `Plan ${short(s)} op ${longDate(t.earliestNextStep)} of later, of kies een sjabloon zonder kosten.`,
          [...BE_B2C.waitDays.sources, ...BE_B2C.paperStartsOnWorkingDayAfterSending.sources],
        ),
      );
  },
};

/** BE consumer: the first reminder must give at least 14 days. */
const beTermTooShort: Rule = {
  id: 'be-termijn-te-kort',
  check: ({ plan, schedule }) => {
    if (plan.settings.jurisdiction !== 'be' || plan.settings.customerType !== 'consumer') return [];
    const first = schedule.steps.find((s) => s.isFirstReminder);
    const given = first?.step.termDays;
    if (!first || given === undefined || given >= DEFAULT_TERM_DAYS) return [];
    const what = given === 0 ? 'geeft geen termijn' : `geeft maar ${days(given)}`;
    return [
      warn(
        'be-termijn-te-kort',
        first,
        'error',
        `${Name(first)} is de eerste herinnering aan een consument en ${what}. Die herinnering moet de klant minstens ${DEFAULT_TERM_DAYS} kalenderdagen geven om zonder extra kosten te betalen. Zet de termijn op ${DEFAULT_TERM_DAYS} dagen of meer.`,
        [...BE_B2C.mandatoryMentions.sources, ...BE_B2C.waitDays.sources],
      ),
    ];
  },
};

/** "stap 1", "stap 1 en stap 3", "stap 1, stap 2 en stap 3". */
const inWords = (parts: readonly string[]): string => (parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`);

/** Why we count a step with the user's own text as the veertiendagenbrief: said wherever it matters. */
const assumedSentence = (l: ScheduledStep): string =>
  `${Name(l)} gebruikt geen tekst van ons voor een Nederlandse consument; wat erin staat, kunnen wij niet nagaan, dus gaan we ervan uit dat het een veertiendagenbrief is.`;

/**
 * NL consumer: collection costs only after a veertiendagenbrief whose term has ended. Of our
 * templates only a text that states the costs and the 14 days counts (fourteenDayLetterBasis); a
 * step with the user's own text is assumed to be one, and the warning says so.
 */
const nlFourteenDayLetter: Rule = {
  id: 'nl-veertiendagenbrief',
  check: ({ plan, sent }) => {
    if (plan.settings.jurisdiction !== 'nl' || plan.settings.customerType !== 'consumer') return [];
    const due = plan.settings.dueDate;
    const basisOf = fourteenDayLetterBasis(due);
    const sources = NL.fourteenDayLetterDays.sources;
    const out: Warning[] = [];
    sent.forEach((s, i) => {
      if (!claimsCosts(s) || s.date! <= due) return;
      const before = sent.slice(0, i);
      const letters = before
        .flatMap((l) => {
          const basis = basisOf(l);
          return basis ? [{ l, basis, t: statutoryTerm(l, plan)! }] : [];
        })
        .sort((a, b) => (a.t.earliestNextStep < b.t.earliestNextStep ? -1 : 1));
      const ended = letters.filter((x) => x.t.earliestNextStep <= s.date!);
      if (ended.some((x) => x.basis === 'template')) return;
      const assumed = ended[0];
      if (assumed) {
        out.push(
          warn(
            'nl-veertiendagenbrief',
            s,
            'info',
            `${Name(s)} brengt incassokosten in rekening na de termijn van ${name(assumed.l)}. ${assumedSentence(assumed.l)} ` +
              `Controleer dat die brief het exacte bedrag aan incassokosten noemt en de klant ${DEFAULT_TERM_DAYS} dagen geeft om te betalen, te rekenen vanaf de dag na ontvangst. Anders mag u bij een consument nog geen incassokosten vragen.`,
            sources,
          ),
        );
        return;
      }
      const best = letters[0];
      if (!best) {
        // Our written reminders after the due date that are no veertiendagenbrief: say why they do not count.
        const ordinary = before.filter((l) => l.template !== null && !l.template.fourteenDayLetter && isWritten(l.step.kanaal) && l.date! > due);
        const names = inWords(ordinary.map(short));
        const why = ordinary.length
          ? ` ${names.charAt(0).toUpperCase()}${names.slice(1)} ${ordinary.length === 1 ? 'telt' : 'tellen'} niet als veertiendagenbrief: ${ordinary.length === 1 ? 'die tekst noemt' : 'die teksten noemen'} niet het exacte bedrag aan incassokosten en de uiterste betaaldatum, ${DEFAULT_TERM_DAYS} dagen na ontvangst.`
          : '';
        out.push(
          warn(
            'nl-veertiendagenbrief',
            s,
            'error',
            `${Name(s)} brengt incassokosten in rekening, maar er gaat geen veertiendagenbrief aan vooraf.${why} ` +
              `Bij een consument mag u incassokosten pas vragen nadat u de klant na de vervaldatum een aanmaning heeft gestuurd die ${DEFAULT_TERM_DAYS} dagen geeft om te betalen, te rekenen vanaf de dag na ontvangst, en die het exacte bedrag aan incassokosten noemt. ` +
              'Voeg zo’n aanmaning toe en plan deze stap na het einde van die termijn.',
            sources,
          ),
        );
        return;
      }
      out.push(
        warn(
          'nl-veertiendagenbrief',
          s,
          'error',
          `${Name(s)} brengt op ${longDate(s.date!)} incassokosten in rekening, maar de veertiendagenbrief (${name(best.l)}, verstuurd op ${longDate(best.l.date!)}) geeft de klant tot en met ${longDate(best.t.end)} om te betalen. ` +
            `${best.basis === 'assumed' ? `${assumedSentence(best.l)} ` : ''}` +
            `${startSentence(best.l, best.t, plan)} Plan ${short(s)} op ${longDate(best.t.earliestNextStep)} of later, en noem in de veertiendagenbrief het exacte bedrag aan incassokosten.`,
          sources,
        ),
      );
    });
    return out;
  },
};

/** Costs asked on or before the due date. */
const costsBeforeDue: Rule = {
  id: 'kosten-voor-vervaldag',
  check: ({ plan, sent }) => {
    const { jurisdiction, customerType, dueDate } = plan.settings;
    const sources =
      jurisdiction === 'be'
        ? customerType === 'business'
          ? BE_B2B.interestStartsDayAfterDueDate.sources
          : BE_B2C.firstReminderFree.sources
        : customerType === 'business'
          ? [...NL.commercialInterestStartsDayAfterDueDate.sources, ...NL.b2bMinimumCollectionCents.sources]
          : NL.fourteenDayLetterDays.sources;
    const what = jurisdiction === 'be' ? 'interesten en een schadevergoeding' : 'rente en incassokosten';
    return sent
      .filter((s) => claimsCosts(s) && s.date! <= dueDate)
      .map((s) =>
        warn(
          'kosten-voor-vervaldag',
          s,
          'error',
          `${Name(s)} vraagt op ${longDate(s.date!)} al ${what}, maar de factuur vervalt pas op ${longDate(dueDate)}. ` +
            `Die lopen ten vroegste vanaf de dag na de vervaldag. Kies voor deze stap een sjabloon zonder kosten.`,
          sources,
        ),
      );
  },
};

/** The tone should stay level or go up, never down. */
const toneDown: Rule = {
  id: 'toon-omlaag',
  check: ({ schedule, vocabulary: { tones } }) => {
    const out: Warning[] = [];
    const rows = schedule.steps.filter((s) => s.status !== 'skipped');
    rows.forEach((s, i) => {
      const prev = rows[i - 1];
      if (!prev || tones.indexOf(s.step.toon) >= tones.indexOf(prev.step.toon)) return;
      out.push(
        warn(
          'toon-omlaag',
          s,
          'warning',
          `De toon gaat omlaag: ${name(s)} is ${TONE_WORD[s.step.toon]}, terwijl ${short(prev)} al ${TONE_WORD[prev.step.toon]} was. ` +
            `Een reeks werkt het best als elke stap even streng of strenger is dan de vorige; een mildere toon na een strengere maakt uw vorige bericht minder geloofwaardig. ` +
            `Kies voor deze stap minstens de toon ${TONE_WORD[prev.step.toon]}, of verplaats de stap.`,
        ),
      );
    });
    return out;
  },
};

/** A legal step needs a formal notice before it. */
const legalWithoutNotice: Rule = {
  id: 'juridisch-zonder-ingebrekestelling',
  check: ({ plan, schedule, sent }) => {
    const out: Warning[] = [];
    const be = plan.settings.jurisdiction === 'be';
    const rows = schedule.steps.filter((s) => s.step.kanaal === 'juridisch' && s.status !== 'skipped');
    for (const s of rows) {
      const before = s.status === 'planned' ? sent.slice(0, sent.indexOf(s)) : sent;
      if (before.some((b) => isFormalNotice(b))) continue;
      const message = be
        ? `${Name(s)} geeft het dossier uit handen aan een advocaat of gerechtsdeurwaarder, maar er gaat geen ingebrekestelling aan vooraf: geen aangetekende brief en geen sjabloon dat als ingebrekestelling bedoeld is. ` +
          'Stuur eerst een ingebrekestelling met een duidelijke, laatste termijn, bij voorkeur aangetekend. Zo kunt u bewijzen dat en wanneer u de klant hebt aangemaand.'
        : `${Name(s)} geeft het dossier uit handen aan een advocaat of deurwaarder, maar er gaat geen ingebrekestelling aan vooraf: geen aangetekende brief en geen sjabloon dat als ingebrekestelling bedoeld is. ` +
          'Stuur eerst een schriftelijke ingebrekestelling met een redelijke termijn om alsnog te betalen, bij voorkeur aangetekend. Zo kunt u aantonen dat de klant in verzuim is.';
      out.push(warn('juridisch-zonder-ingebrekestelling', s, 'warning', message, be ? [] : [S.wetboekplusIngebrekestelling, S.wetboekplus83]));
    }
    return out;
  },
};

/** Two contacts closer together than the minimum gap (when the gap is not enforced). */
const minimumGap: Rule = {
  id: 'minimale-tussentijd',
  check: ({ plan, sent }) => {
    const { minGapDays, enforceMinGap } = plan.settings;
    if (minGapDays === 0 || enforceMinGap) return [];
    const out: Warning[] = [];
    sent.forEach((s, i) => {
      const prev = sent[i - 1];
      if (!prev) return;
      const gap = daysBetween(prev.date!, s.date!);
      if (gap >= minGapDays) return;
      const when = gap === 0 ? `valt op dezelfde dag als ${short(prev)}` : `volgt al ${days(gap)} na ${short(prev)}`;
      out.push(
        warn(
          'minimale-tussentijd',
          s,
          'warning',
          `${Name(s)} ${when}, terwijl u minstens ${days(minGapDays)} tussen twee contacten wilt laten. ` +
            `Schuif deze stap op naar ${longDate(addDays(prev.date!, minGapDays))} of later, of laat de planning de tussentijd zelf bewaken.`,
        ),
      );
    });
    return out;
  },
};

/** A step dated before the step above it in the list. */
const order: Rule = {
  id: 'volgorde',
  check: ({ schedule }) => {
    const out: Warning[] = [];
    const rows = schedule.steps.filter((s) => s.occurrence === 0 && s.date !== null);
    rows.forEach((s, i) => {
      const prev = rows[i - 1];
      if (!prev || s.date! >= prev.date!) return;
      out.push(
        warn(
          'volgorde',
          s,
          'warning',
          `${Name(s)} valt op ${longDate(s.date!)}, vóór ${short(prev)} (${longDate(prev.date!)}). Zet de stappen in volgorde van datum, of pas de dag van een van beide aan.`,
        ),
      );
    });
    return out;
  },
};

const KIND_NOUN: Record<TemplateKind, string> = { email: 'e-mail', brief: 'brief', belscript: 'belscript' };

/** The template's kind does not fit the channel. */
const channelTemplate: Rule = {
  id: 'kanaal-sjabloon',
  check: ({ schedule, vocabulary: { kindsForChannel } }) =>
    schedule.steps
      .filter((s) => s.occurrence === 0 && s.template !== null && !kindsForChannel[s.step.kanaal].includes(s.template.kind))
      .map((s) =>
        warn(
          'kanaal-sjabloon',
          s,
          'error',
          `${Name(s)} gaat als ${CHANNEL_NOUN[s.step.kanaal]}, maar het sjabloon "${s.step.template}" is een ${KIND_NOUN[s.template!.kind]}. ` +
            `Kies een sjabloon van de soort ${kindsForChannel[s.step.kanaal].map((k) => KIND_NOUN[k]).join(' of ')}, of pas het kanaal aan.`,
        ),
      ),
};

/** No template chosen yet, or one the catalog does not know. */
const missingTemplate: Rule = {
  id: 'sjabloon-ontbreekt',
  check: ({ schedule }) =>
    schedule.steps
      .filter((s) => s.occurrence === 0 && (s.step.template === '' || (schedule.templates !== null && s.template === null)))
      .map((s) =>
        s.step.template === ''
          ? warn('sjabloon-ontbreekt', s, 'info', `${Name(s)} heeft nog geen sjabloon. Kies er een; dan kunnen we ook nagaan of deze stap kosten aanrekent.`)
          : warn(
              'sjabloon-ontbreekt',
              s,
              'warning',
              `${Name(s)} gebruikt het sjabloon "${s.step.template}", maar dat kennen we niet, of het heeft geen tekst voor dit land en deze soort klant. Kies een sjabloon dat voor dit geval bestaat; tot dan kunnen we niet nagaan of deze stap kosten aanrekent.`,
            ),
      ),
};

/** Steps before the first sending date are not sent. */
const skipped: Rule = {
  id: 'overgeslagen',
  check: ({ plan, schedule }) =>
    schedule.steps
      .filter((s) => s.status === 'skipped')
      .map((s) =>
        warn(
          'overgeslagen',
          s,
          'info',
          `${Name(s)} zou op ${longDate(s.date!)} vallen, vóór uw eerste verzenddatum (${longDate(plan.settings.firstSendDate!)}). Deze stap wordt overgeslagen en telt niet mee.`,
        ),
      ),
};

const PAUSE_WORD = { betwisting: 'betwisting', betaalbelofte: 'betaalbelofte', andere: 'pauze' } as const;

/** Steps held by an open pause. */
const held: Rule = {
  id: 'gepauzeerd',
  check: ({ plan, schedule }) => {
    const open = plan.pauses.find((p) => p.until === null);
    return schedule.steps
      .filter((s) => s.status === 'on-hold')
      .map((s) =>
        warn(
          'gepauzeerd',
          s,
          'info',
          `${Name(s)} wacht tot u de pauze${open ? ` van ${longDate(open.from)} (${PAUSE_WORD[open.reason]})` : ''} beëindigt. Vul de datum in waarop u hervat; dan berekenen we de nieuwe datum.`,
        ),
      );
  },
};

/** Invoice and due date: order, and the maximum payment term between businesses. */
const paymentTerm: Rule = {
  id: 'betalingstermijn',
  check: ({ plan }) => {
    const { invoiceDate, dueDate, jurisdiction, customerType } = plan.settings;
    const n = daysBetween(invoiceDate, dueDate);
    if (n < 0) {
      return [warn('betalingstermijn', null, 'error', `De vervaldatum (${longDate(dueDate)}) ligt vóór de factuurdatum (${longDate(invoiceDate)}). Controleer beide data.`)];
    }
    if (customerType !== 'business') return [];
    if (jurisdiction === 'be' && n > BE_B2B.maxAgreedTermDays.value && invoiceDate >= BE_B2B.maxAgreedTermDays.validFrom!) {
      return [
        warn(
          'betalingstermijn',
          null,
          'warning',
          `Tussen factuurdatum en vervaldag zitten ${days(n)}. Tussen ondernemingen mag een afgesproken betalingstermijn sinds 1 februari 2022 hoogstens ${BE_B2B.maxAgreedTermDays.value} kalenderdagen zijn, te rekenen vanaf de dag na ontvangst van de factuur. ` +
            `Een langere termijn geldt als niet geschreven; dan geldt de wettelijke termijn van ${BE_B2B.defaultTermDays.value} dagen en vervalt de factuur dus vroeger. Controleer de vervaldag.`,
          [...BE_B2B.maxAgreedTermDays.sources, ...BE_B2B.defaultTermDays.sources],
        ),
      ];
    }
    if (jurisdiction === 'nl' && n > NL.longTermScrutinyAboveDays.value) {
      return [
        warn(
          'betalingstermijn',
          null,
          'info',
          `Tussen factuurdatum en vervaldag zitten ${days(n)}. Een afgesproken betaaltermijn van meer dan ${NL.longTermScrutinyAboveDays.value} dagen is tussen bedrijven alleen geldig als die niet grof onbillijk is voor de leverancier. ` +
            `Betaalt een grote onderneming een mkb-bedrijf, dan is sinds 1 juli 2022 zelfs hoogstens ${NL.largeToSmeMaxTermDays.value} dagen toegestaan.`,
          [...NL.longTermScrutinyAboveDays.sources, ...NL.largeToSmeMaxTermDays.sources],
        ),
      ];
    }
    return [];
  },
};

/** Every rule, in the order their warnings are listed. */
export const RULES: readonly Rule[] = Object.freeze([
  paymentTerm,
  beFirstReminderFree,
  beTermTooShort,
  beWaitingPeriod,
  nlFourteenDayLetter,
  costsBeforeDue,
  insideTerm,
  legalWithoutNotice,
  toneDown,
  minimumGap,
  order,
  channelTemplate,
  missingTemplate,
  skipped,
  held,
]);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** All warnings for a schedule: by step (plan-level first), then by severity. Never throws. defaults.ts warningsFor passes the schema's vocabulary. */
export function warningsWith(schedule: Schedule, vocabulary: ContentVocabulary): Warning[] {
  const ctx: RuleContext = { plan: schedule.plan, vocabulary, schedule, sent: sentInOrder(schedule.steps) };
  const out: Warning[] = [];
  for (const rule of RULES) {
    try {
      out.push(...rule.check(ctx));
    } catch {
      // A rule that cannot decide stays silent rather than breaking the builder.
    }
  }
  return out.sort(
    (a, b) => (a.stepIndex ?? -1) - (b.stepIndex ?? -1) || a.occurrence - b.occurrence || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/** Schedule and warnings in one call: what the builder shows. defaults.ts buildTimeline passes the schema's vocabulary. */
export function buildTimelineWith(plan: Plan, templates: TemplateCatalog | undefined, vocabulary: ContentVocabulary): { schedule: Schedule; warnings: Warning[] } {
  const schedule = computeSchedule(plan, templates);
  return { schedule, warnings: warningsWith(schedule, vocabulary) };
}
