/**
 * Content rules on top of the structural checklist (src/model/checklist.ts): what a message must
 * say for its purpose, subject lines, tone, and Belgian consumer law. Each rule is a heuristic on the
 * visible text; the patterns are listed here so a writer can see why a text passes or fails.
 */
import type { SourceFile } from '../model/load.ts';
import { sampleFillData, TONES, type Tone, type Workflow } from '../content/schema.ts';
import { fill } from '../model/fill.ts';
import type { TemplateDoc } from '../model/types.ts';
import { casesOf } from '../model/variants.ts';
import { checkCountryWords, checkMentions } from './cases.ts';
import type { LintIssue } from './issues.ts';
import { joined, SLOT, type TextLine } from './text.ts';

/** Everything the template rules look at: the loaded document, its source lines, and its use in workflows. */
export interface TemplateUnit {
  file: string;
  doc: TemplateDoc;
  /** Visible text with file line numbers (src/lint/text.ts). */
  lines: TextLine[];
  /** Every `::directive` line of the body. */
  directives: { name: string; rest: string; line: number }[];
  /** Every placeholder, with the line it is on. */
  placeholders: { path: string; line: number }[];
  /** Tones and segments of the workflow steps that use this template. */
  stepTones: Set<Tone>;
  workflowSegments: Set<string>;
}

/** Builds a TemplateUnit from the source file, the loaded document and the workflows. */
export function templateUnit(file: SourceFile, doc: TemplateDoc, lines: TextLine[], workflows: readonly Workflow[]): TemplateUnit {
  const directives: TemplateUnit['directives'] = [];
  const placeholders: TemplateUnit['placeholders'] = [];
  file.text.split(/\r?\n/).forEach((raw, i) => {
    const d = /^\s*::([a-z]+)(?:\s+(.*))?$/.exec(raw);
    if (d) directives.push({ name: d[1]!, rest: d[2]?.trim() ?? '', line: i + 1 });
    for (const m of raw.matchAll(/\{\{\s*(?:[a-z]+\s+)?([\w.]+)\s*\}\}/g)) placeholders.push({ path: m[1]!, line: i + 1 });
  });
  const stepTones = new Set<Tone>();
  const workflowSegments = new Set<string>();
  for (const w of workflows) {
    for (const step of w.stappen) {
      if (step.template !== doc.id) continue;
      stepTones.add(step.toon);
      workflowSegments.add(w.segment);
    }
  }
  return { file: file.path, doc, lines, directives, placeholders, stepTones, workflowSegments };
}

// ---------------------------------------------------------------- text helpers

const lower = (s: string) => s.toLocaleLowerCase('nl');
const where = (l: TextLine) => (l.field === 'tekst' ? `regel ${l.line}` : `${l.field} (regel ${l.line})`);
const bodyLines = (u: TemplateUnit) => u.lines.filter((l) => l.field === 'tekst');
/** Subject, preheader and body: what the customer reads (the internal titel is left out). */
const readLines = (u: TemplateUnit) => u.lines.filter((l) => l.field !== 'titel');

/** Splits text into sentences (on . ? ! : ; and line ends), lowercased, placeholders as SLOT. */
export function sentences(text: string): string[] {
  return lower(text)
    .split(/(?<=[.?!;:])\s+|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const WRITTEN = new Set(['email', 'brief']);
const FROM_SECOND_REMINDER = new Set(['tweede-herinnering', 'laatste-herinnering', 'ingebrekestelling', 'overdracht']);

// ---------------------------------------------------------------- what happens next

/** Words that name a next step or a transition to it. */
const NEXT_STEP_WORDS =
  /\b(?:anders|zoniet|zo niet|daarna|vervolgens|nadien|hierna|advoca\p{L}*|\p{L}*deurwaarder\p{L}*|incasso\p{L}*|invorder\p{L}*|rechtbank\p{L}*|rechter\p{L}*|dagvaard\p{L}*|gerechtelijk\p{L}*|juridisch\p{L}*|opschort\p{L}*|stopzet\p{L}*|stop te zetten|overdra\p{L}*|dragen\b.*\bover|uit handen|ingebrekestelling\p{L}*|in gebreke|aanmaning\p{L}*)\b/u;
/** The same, without the formal notice itself: a formal notice must name what comes after it. */
const AFTER_NOTICE_WORDS =
  /\b(?:anders|zoniet|zo niet|daarna|vervolgens|nadien|hierna|advoca\p{L}*|\p{L}*deurwaarder\p{L}*|incasso\p{L}*|invorder\p{L}*|rechtbank\p{L}*|rechter\p{L}*|dagvaard\p{L}*|gerechtelijk\p{L}*|juridisch\p{L}*|opschort\p{L}*|stopzet\p{L}*|stop te zetten|overdra\p{L}*|dragen\b.*\bover|uit handen)\b/u;
/** "Blijft de betaling uit, …", "Horen wij niets, dan …", "Ontvangen wij geen betaling, dan …". */
function isFailureCondition(s: string): boolean {
  if (/\bblijf\p{L}* .*\buit\b|\buitblijf\p{L}*|\buitblijven\b/u.test(s)) return true;
  return /\b(?:niet|niets|geen)\b/.test(s) && /,\s*(?:dan|volgt|volgen)\b/.test(s) && /\b(?:betal\p{L}*|betaald|ontvang\p{L}*|hor\p{L}*|reactie|bericht|bedrag)\b/u.test(s);
}

export function checkNextStep(u: TemplateUnit): LintIssue[] {
  const { doc } = u;
  if (!WRITTEN.has(doc.kind) || !FROM_SECOND_REMINDER.has(doc.purpose)) return [];
  const afterNotice = doc.purpose === 'ingebrekestelling' || doc.purpose === 'overdracht';
  const words = afterNotice ? AFTER_NOTICE_WORDS : NEXT_STEP_WORDS;
  const found = sentences(joined(bodyLines(u))).some((s) => words.test(s) || (!afterNotice && isFailureCondition(s)));
  if (found) return [];
  return [
    {
      rule: 'gevolg',
      file: u.file,
      path: 'tekst',
      message: `de tekst zegt niet wat er gebeurt als de klant niet betaalt (nodig vanaf de tweede herinnering; doel "${doc.purpose}")`,
      hint: afterNotice
        ? 'noem de volgende stap, bv. "Staat het bedrag op die datum niet op onze rekening, dan dragen wij het dossier over aan onze advocaat of een gerechtsdeurwaarder."'
        : 'noem de volgende stap, bv. "Blijft de betaling uit, dan sturen wij u een ingebrekestelling per aangetekende brief."',
    },
  ];
}

// ---------------------------------------------------------------- costs

/** Fee, cost and interest words: kosten and its compounds, interest(en), rente, vergoeding, forfait, boete. */
export const FEE_WORD =
  /(?<![\p{L}\p{N}])(?:\p{L}*kosten|\p{L}*interest(?:en)?|\p{L}*intrest(?:en)?|(?:\p{L}*s)?rente(?:voet\p{L}*|n)?|\p{L}*vergoeding(?:en)?|forfait\p{L}*|boetes?|\p{L}*boetes?|schadeloosstelling\p{L}*|toeslag(?:en)?)(?![\p{L}\p{N}])/iu;
/** Placeholders that put an amount of interest or costs in the text. */
const FEE_PLACEHOLDERS = new Set(['kosten.interest', 'kosten.forfait', 'kosten.interestvoet', 'berekend.totaalTeBetalen', 'berekend.incassokosten', 'berekend.incassokostenBtw', 'berekend.incassokostenTotaal']);
/** A sentence that announces what follows if the term passes unpaid, rather than charging now. */
const ANNOUNCEMENT = /\b(?:niet (?:binnen|tijdig|op tijd|(?:volledig )?betaald)|uitblijft|na (?:afloop|het verstrijken|die termijn|deze termijn|die datum|deze datum)|indien|wanneer|zodra)\b/iu;
/** Lines of such an announcement, with the list lines that continue it (at most one blank line apart). */
function announcedLines(u: TemplateUnit): Set<number> {
  const out = new Set<number>();
  let previous: TextLine | undefined;
  for (const l of bodyLines(u)) {
    if (ANNOUNCEMENT.test(l.text) || (previous && out.has(previous.line) && l.line - previous.line <= 2)) out.add(l.line);
    previous = l;
  }
  return out;
}
/** Belgian consumers must be told, in the first reminder, which damages may follow the term (Boek XIX WER). */
const mustAnnounceCosts = (doc: TemplateDoc) => doc.purpose === 'herinnering' && casesOf(doc).includes('be-consument');

/** Where a template charges or shows costs through directives or placeholders. */
function feeStructures(u: TemplateUnit): { what: string; line: number }[] {
  const out: { what: string; line: number }[] = [];
  for (const d of u.directives) {
    if (d.name === 'betaalgegevens' && d.rest === 'met-kosten') out.push({ what: '::betaalgegevens met-kosten', line: d.line });
    if (d.name === 'interestoverzicht') out.push({ what: '::interestoverzicht', line: d.line });
  }
  for (const p of u.placeholders) if (FEE_PLACEHOLDERS.has(p.path)) out.push({ what: `{{${p.path}}}`, line: p.line });
  return out.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------- formal notice

export function checkFormalNotice(u: TemplateUnit): LintIssue[] {
  const { doc } = u;
  if (doc.purpose !== 'ingebrekestelling' || doc.kind === 'belscript') return [];
  const text = lower(joined(bodyLines(u)));
  const issues: LintIssue[] = [];
  if (!/\bin gebreke\b|ingebrekestelling/.test(text)) {
    issues.push({
      rule: 'ingebrekestelling',
      file: u.file,
      path: 'tekst',
      message: 'de tekst zegt nergens dat dit een ingebrekestelling is',
      hint: 'schrijf het uitdrukkelijk, bv. "Met deze brief stellen wij u in gebreke." of "Deze brief geldt als ingebrekestelling."',
    });
  }
  if (!FEE_WORD.test(text) && !feeStructures(u).length) {
    issues.push({
      rule: 'ingebrekestelling',
      file: u.file,
      path: 'tekst',
      message: 'de ingebrekestelling noemt de gevolgen niet: interest, schadevergoeding of kosten',
      hint: 'noem de interest en de vergoeding die verschuldigd zijn, of zet ::betaalgegevens met-kosten of ::interestoverzicht in de tekst',
    });
  }
  return issues;
}

// ---------------------------------------------------------------- privacy

/** The message asks to pay online or to give or update payment details. */
const ASKS_PAYMENT_DATA = /\b(?:kaart\p{L}*|betaalmethode\p{L}*|domicili[eë]ring\p{L}*|mandaat|bankgegevens|rekeninggegevens)\b/u;
/** A security line: a "never / only" word and a sensitive-data word in one sentence. */
const GUARD = /\b(?:nooit|niemand|evenmin|uitsluitend|alleen|enkel)\b/;
const SENSITIVE = /(?:wachtwoord|pincode|code|kaartgegevens|kaartnummer|inloggegevens|rekeningnummer|betaalgegevens|bankgegevens|kaartlezer)/;

export function checkPrivacy(u: TemplateUnit): LintIssue[] {
  const { doc } = u;
  if (!WRITTEN.has(doc.kind)) return [];
  const button = u.directives.some((d) => d.name === 'betaalknop');
  const all = sentences(joined(bodyLines(u)));
  if (!button && !all.some((s) => ASKS_PAYMENT_DATA.test(s))) return [];
  if (all.some((s) => GUARD.test(s) && SENSITIVE.test(s))) return [];
  return [
    {
      rule: 'privacy',
      file: u.file,
      path: 'tekst',
      message: `de tekst vraagt om ${button ? 'een online betaling' : 'betaalgegevens'}, maar zonder veiligheidszin`,
      hint: 'voeg een zin toe zoals "Wij vragen nooit om codes, wachtwoorden of kaartgegevens per e-mail. Betaal alleen via de link of het rekeningnummer in dit bericht."',
    },
  ];
}

// ---------------------------------------------------------------- salutation and closing

const SALUTATION = /^(?:beste|geachte|dag|hallo|goedemorgen|goedemiddag|goedenavond|hoi)\b/;
const CLOSING = /\b(?:groet\p{L}*|hoogachtend|dank\p{L}*|bedankt)\b/u;

export function checkCourtesy(u: TemplateUnit): LintIssue[] {
  if (!WRITTEN.has(u.doc.kind)) return [];
  const issues: LintIssue[] = [];
  const body = bodyLines(u);
  const first = body[0];
  if (first && !SALUTATION.test(lower(first.text))) {
    issues.push({ rule: 'beleefdheid', file: u.file, path: where(first), message: 'de tekst begint niet met een aanhef', hint: 'begin met "Beste {{klant.contactpersoon}}," of, formeler, "Geachte {{klant.contactpersoon}},"' });
  }
  const signature = u.directives.find((d) => d.name === 'handtekening');
  if (signature) {
    const before = body.filter((l) => l.line < signature.line).at(-1);
    if (before && !CLOSING.test(lower(before.text))) {
      issues.push({ rule: 'beleefdheid', file: u.file, path: where(before), message: 'vóór ::handtekening staat geen groet', hint: 'sluit af met bv. "Met vriendelijke groeten," (of "Hoogachtend," in een formele brief) op de regel vóór ::handtekening' });
    }
  }
  return issues;
}

// ---------------------------------------------------------------- subject

export const MAX_SUBJECT = 78;

export function checkSubject(u: TemplateUnit): LintIssue[] {
  const { doc } = u;
  if (!doc.subject.length) return [];
  const issues: LintIssue[] = [];
  if (!doc.subject.some((i) => i.type === 'placeholder' && i.path === 'factuur.nummer')) {
    issues.push({ rule: 'onderwerp-factuurnummer', file: u.file, path: 'onderwerp', message: 'het onderwerp noemt het factuurnummer niet', hint: 'zet {{factuur.nummer}} in het onderwerp, bv. "Herinnering: factuur {{factuur.nummer}}"' });
  }
  const filled = fill(doc, sampleFillData()).subject.map((r) => r.text).join('');
  const length = [...filled].length;
  if (length > MAX_SUBJECT) {
    issues.push({
      rule: 'onderwerp-lengte',
      file: u.file,
      path: 'onderwerp',
      message: `het onderwerp is te lang: ${length} tekens met de voorbeeldwaarden, hoogstens ${MAX_SUBJECT} ("${filled}")`,
      hint: 'maak het korter; een inbox toont vaak maar de eerste 40 à 60 tekens, dus zet het factuurnummer en de kern vooraan',
    });
  }
  return issues;
}

// ---------------------------------------------------------------- tone

/** Acronyms that are written in capitals anyway; an all-caps word outside this list reads as shouting. */
export const ACRONYMS = new Set(['BTW', 'IBAN', 'BIC', 'KBO', 'EUR', 'AANGETEKEND', 'KVK', 'SEPA', 'PDF', 'VZW', 'BVBA', 'SMS', 'URL', 'WER', 'FOD', 'BW']);

const isFriendly = (u: TemplateUnit) => u.doc.tone === 'vriendelijk' || u.stepTones.has('vriendelijk');
const isVip = (u: TemplateUnit) => u.doc.segment === 'vip' || u.workflowSegments.has('vip');

export function checkTone(u: TemplateUnit): LintIssue[] {
  const issues: LintIssue[] = [];
  const vip = isVip(u);
  const friendly = isFriendly(u);
  if (vip || friendly) {
    const reason = vip ? 'een bericht aan een VIP-klant' : 'de vriendelijke toon';
    for (const l of readLines(u)) {
      if (l.text.includes('!')) {
        issues.push({ rule: 'toon-uitroepteken', file: u.file, path: where(l), message: `een uitroepteken past niet bij ${reason}`, hint: 'vervang het door een punt; de toon zit in de woorden, niet in de leestekens' });
      }
      for (const m of l.text.replaceAll(SLOT, ' ').matchAll(/(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu)) {
        if (ACRONYMS.has(m[0])) continue;
        issues.push({ rule: 'toon-hoofdletters', file: u.file, path: where(l), message: `"${m[0]}" in hoofdletters past niet bij ${reason}`, hint: 'schrijf het woord in kleine letters: hoofdletters lezen als roepen (afkortingen zoals IBAN, BIC, BTW of KBO mogen)' });
      }
    }
  }
  // A firmer pre-due message (bad payers) may warn about costs; a friendly one may not.
  if (friendly) {
    const reason = 'de vriendelijke toon';
    const hint = 'noem geen kosten, interest of vergoedingen in een vriendelijk bericht; dat hoort pas bij een strengere stap';
    const announced = mustAnnounceCosts(u.doc) ? announcedLines(u) : new Set<number>();
    for (const l of readLines(u)) {
      const m = FEE_WORD.exec(l.text);
      if (m && !announced.has(l.line)) issues.push({ rule: 'toon-kosten', file: u.file, path: where(l), message: `"${m[0]}" past niet bij ${reason}`, hint });
    }
    for (const s of feeStructures(u)) if (!announced.has(s.line)) issues.push({ rule: 'toon-kosten', file: u.file, path: `regel ${s.line}`, message: `${s.what} past niet bij ${reason}`, hint });
  }
  return issues;
}

/** A workflow's tone never goes down the TONES scale from one step to the next. */
export function checkWorkflowTone(file: string, workflow: Workflow): LintIssue[] {
  const rank = (t: Tone) => TONES.indexOf(t);
  return workflow.stappen.flatMap((step, i): LintIssue[] => {
    const previous = workflow.stappen[i - 1];
    if (!previous || rank(step.toon) >= rank(previous.toon)) return [];
    return [
      {
        rule: 'toon-workflow',
        file,
        path: `stappen[${i}].toon`,
        message: `de toon gaat omlaag van "${previous.toon}" (stap ${i}) naar "${step.toon}" (stap ${i + 1})`,
        hint: `houd de toon gelijk of maak hem strenger, in de volgorde ${TONES.join(' → ')}`,
      },
    ];
  });
}

// ---------------------------------------------------------------- Belgian consumers: first reminder free

/** A verb that charges: aanrekenen, verschuldigd, vermeerderd, "komen … bij". */
const CHARGES = /\b(?:aan(?:ge)?reken\p{L}*|reken\p{L}*\b.*\baan|verschuldigd|vermeerder\p{L}*|bijkomend\p{L}*|(?:komen|komt)\b.*\bbij)\b/u;
const NEGATION = /\b(?:niet|geen|zonder|vermijd\p{L}*|bespar\p{L}*)\b/u;

/**
 * Legal.md §2.2: in Belgium the first reminder to a consumer is free. A template with doel
 * "herinnering" whose gevallen include be-consument may not charge costs: no
 * ::betaalgegevens met-kosten, ::interestoverzicht, cost placeholders, or a sentence that charges a
 * fee ("wij rekenen … kosten aan"). Announcing the costs that will follow after the term stays
 * allowed: §2.3 even requires it for consumers.
 */
export function checkFirstReminderFree(u: TemplateUnit): LintIssue[] {
  const { doc } = u;
  if (doc.purpose !== 'herinnering' || !casesOf(doc).includes('be-consument')) return [];
  const hint = 'laat de kosten weg (of haal be-consument uit gevallen: als de tekst niet voor Belgische consumenten is). Aankondigen welke kosten volgen als de klant niet binnen de termijn betaalt, mag wel';
  const message = (what: string) => `een eerste herinnering mag in België geen kosten aanrekenen (${what}): de eerste herinnering aan een consument is gratis`;
  // A placeholder in a sentence announcing what follows the term is the mandatory mention, not a charge.
  const announced = announcedLines(u);
  const issues: LintIssue[] = feeStructures(u)
    .filter((s) => s.what.startsWith('::') || !announced.has(s.line))
    .map((s) => ({ rule: 'eerste-herinnering-kosten', file: u.file, path: `regel ${s.line}`, message: message(s.what), hint }));
  for (const l of readLines(u)) {
    const charged = sentences(l.text).find((s) => FEE_WORD.test(s) && CHARGES.test(s) && !NEGATION.test(s));
    if (charged) issues.push({ rule: 'eerste-herinnering-kosten', file: u.file, path: where(l), message: message(`"${FEE_WORD.exec(charged)![0]}"`), hint });
  }
  return issues;
}

/** A call script names the customer: whoever calls from a stack of dossiers must see whom the call is for. */
export function checkCallNamesCustomer(u: TemplateUnit): LintIssue[] {
  if (u.doc.kind !== 'belscript' || u.placeholders.some((p) => p.path === 'klant.naam')) return [];
  return [
    {
      rule: 'belscript-klant',
      file: u.file,
      path: 'tekst',
      message: 'het belscript noemt de klant niet ({{klant.naam}} ontbreekt)',
      hint: 'begin bv. met "Gesprek met {{klant.naam}} over factuur {{factuur.nummer}}."',
    },
  ];
}

export const TEMPLATE_RULES = [checkNextStep, checkFormalNotice, checkPrivacy, checkCourtesy, checkSubject, checkTone, checkFirstReminderFree, checkCallNamesCustomer, (u: TemplateUnit) => checkMentions(u), (u: TemplateUnit) => checkCountryWords(u)];
