/**
 * The whole plan in a URL fragment, no server: compact JSON (tuples, enum indices, dates as day
 * numbers) → UTF-8 → raw DEFLATE (fflate, already a dependency and browser-safe) with a frozen
 * preset dictionary of playbook texts (share-dictionary.ts) → base64url, behind a one-character
 * format version. `decodeState` validates everything and answers any bad
 * input with a Dutch PlanError; it never throws.
 */
import { deflateSync, inflateSync } from 'fflate';
import { z } from 'zod';
import { CHANNELS, TONES } from '../content/schema.ts';
import { addDays, daysBetween } from '../legal/dates.ts';
import { SHARE_DICTIONARY } from './share-dictionary.ts';
import { ANCHORS, LIMITS, PAUSE_REASONS, PlanError, type Plan, type PlanStep } from './plan.ts';
import { validatePlan } from './plan-schema.ts';

/** Format version, the first character of every link state. */
const VERSION = '1';
/** Longest state we try to read (characters); a 10-step plan takes well under 2,000. */
export const MAX_STATE_LENGTH = 12_000;
/** Largest decompressed state we accept (bytes); guards against a crafted "zip bomb" link. */
const MAX_JSON_BYTES = 256 * 1024;

const EPOCH = '2000-01-01';
const SEGMENTS = ['vip', 'standaard', 'wanbetaler', 'algemeen'] as const;
const KINDS = [null, 'commercial', 'legal'] as const;

let dictionary: Uint8Array | undefined;
const dict = () => (dictionary ??= new TextEncoder().encode(SHARE_DICTIONARY));

const day = (d: string) => daysBetween(EPOCH, d);
const date = (n: number) => addDays(EPOCH, n);

// ---------------------------------------------------------------- compact form

type CompactStep = [offset: number, anchor: number, channel: number, tone: number, template: string, titel: string, bijReactie: string, termDays: number];
type Compact = [
  version: 1,
  meta: [id: string, titel: string, segment: number, samenvatting: string, doel: string, toon: string],
  settings: [invoice: number, due: number, amount: number, customer: number, jurisdiction: number, firstSend: number, flags: number, minGap: number, noticeTerm: number, interestKind: number],
  steps: CompactStep[],
  pauses: [from: number, until: number, reason: number][],
  repeat: [every: number, max: number] | 0,
];

function toCompact(plan: Plan): Compact {
  const { meta, settings: s } = plan;
  return [
    1,
    [meta.id, meta.titel, SEGMENTS.indexOf(meta.segment), meta.samenvatting, meta.doel, meta.toon],
    [
      day(s.invoiceDate),
      day(s.dueDate),
      s.amountCents,
      s.customerType === 'consumer' ? 1 : 0,
      s.jurisdiction === 'nl' ? 1 : 0,
      s.firstSendDate === null ? -1 : day(s.firstSendDate),
      (s.workingDaysOnly ? 1 : 0) | (s.enforceMinGap ? 2 : 0),
      s.minGapDays,
      s.noticeTermDays,
      KINDS.indexOf(s.interestKind),
    ],
    plan.steps.map((st) => [st.offset, ANCHORS.indexOf(st.anchor), CHANNELS.indexOf(st.kanaal), TONES.indexOf(st.toon), st.template, st.titel, st.bijReactie, st.termDays ?? -1]),
    plan.pauses.map((p) => [day(p.from), p.until === null ? -1 : day(p.until), PAUSE_REASONS.indexOf(p.reason)]),
    plan.repeat === null ? 0 : [plan.repeat.everyDays, plan.repeat.maxRepeats],
  ];
}

const n = z.number().int();
const idx = (length: number) => n.min(0).max(length - 1);
const dayNumber = n.min(0).max(day(LIMITS.lastDate));
const text = (max: number) => z.string().max(max);
const CompactSchema = z.tuple([
  z.literal(1),
  z.tuple([text(100), text(200), idx(SEGMENTS.length), text(2000), text(2000), text(2000)]),
  z.tuple([dayNumber, dayNumber, n.min(0).max(LIMITS.maxAmountCents), idx(2), idx(2), n.min(-1).max(day(LIMITS.lastDate)), n.min(0).max(3), n.min(0).max(LIMITS.maxMinGapDays), n.min(1).max(LIMITS.maxNoticeTermDays), idx(KINDS.length)]),
  z.array(z.tuple([n, idx(ANCHORS.length), idx(CHANNELS.length), idx(TONES.length), text(100), text(200), text(2000), n.min(-1).max(LIMITS.maxTermDays)])).max(LIMITS.maxSteps),
  z.array(z.tuple([dayNumber, n.min(-1).max(day(LIMITS.lastDate)), idx(PAUSE_REASONS.length)])).max(LIMITS.maxPauses),
  z.union([z.literal(0), z.tuple([n, n])]),
]);

function fromCompact(c: z.infer<typeof CompactSchema>): unknown {
  const [, meta, s, steps, pauses, repeat] = c;
  return {
    meta: { id: meta[0], titel: meta[1], segment: SEGMENTS[meta[2]], samenvatting: meta[3], doel: meta[4], toon: meta[5] },
    settings: {
      invoiceDate: date(s[0]),
      dueDate: date(s[1]),
      amountCents: s[2],
      customerType: s[3] === 1 ? 'consumer' : 'business',
      jurisdiction: s[4] === 1 ? 'nl' : 'be',
      firstSendDate: s[5] === -1 ? null : date(s[5]),
      workingDaysOnly: (s[6] & 1) === 1,
      enforceMinGap: (s[6] & 2) === 2,
      minGapDays: s[7],
      noticeTermDays: s[8],
      interestKind: KINDS[s[9]],
    },
    steps: steps.map(([offset, anchor, channel, tone, template, titel, bijReactie, termDays]) => {
      const step: PlanStep = { offset, anchor: ANCHORS[anchor]!, titel, kanaal: CHANNELS[channel]!, toon: TONES[tone]!, template, bijReactie };
      return termDays === -1 ? step : { ...step, termDays };
    }),
    pauses: pauses.map(([from, until, reason]) => ({ from: date(from), until: until === -1 ? null : date(until), reason: PAUSE_REASONS[reason] })),
    repeat: repeat === 0 ? null : { everyDays: repeat[0], maxRepeats: repeat[1] },
  };
}

// ---------------------------------------------------------------- base64url

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]!;
    if (b !== undefined) out += ALPHABET[(triple >> 6) & 63]!;
    if (c !== undefined) out += ALPHABET[triple & 63]!;
  }
  return out;
}

/** null for a character outside the alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (i + k < text.length ? LOOKUP.get(text[i + k]!) : 0));
    if (v.some((x) => x === undefined)) return null;
    const triple = (v[0]! << 18) | (v[1]! << 12) | (v[2]! << 6) | v[3]!;
    out[o++] = (triple >> 16) & 255;
    if (i + 2 < text.length) out[o++] = (triple >> 8) & 255;
    if (i + 3 < text.length) out[o++] = triple & 255;
  }
  return out.subarray(0, o);
}

// ---------------------------------------------------------------- public API

/** The plan as a short, URL-safe string for the fragment (`#plan=…`, the caller chooses the name). */
export function encodeState(plan: Plan): string {
  const json = JSON.stringify(toCompact(plan));
  return VERSION + toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9, dictionary: dict() }));
}

const DAMAGED = 'Deze deellink is onvolledig of beschadigd. Kopieer de volledige link opnieuw, of vraag de afzender om een nieuwe link.';

/**
 * The plan in a link state, or a PlanError with a Dutch explanation. Accepts the string with or
 * without a leading "#". Never throws.
 */
export function decodeState(state: string): Plan | PlanError {
  try {
    if (typeof state !== 'string') return new PlanError(DAMAGED);
    const s = state.startsWith('#') ? state.slice(1) : state;
    if (s.length === 0) return new PlanError('Deze deellink bevat geen planning.');
    if (s.length > MAX_STATE_LENGTH) return new PlanError('Deze deellink is te lang om een planning te zijn.');
    if (s[0] !== VERSION) {
      return /^[2-9]/.test(s) ? new PlanError('Deze deellink komt uit een nieuwere versie van de tijdlijn. Vernieuw de pagina en probeer opnieuw.') : new PlanError(DAMAGED);
    }
    const bytes = fromBase64Url(s.slice(1));
    if (!bytes || bytes.length === 0) return new PlanError(DAMAGED);
    const out = inflateSync(bytes, { out: new Uint8Array(MAX_JSON_BYTES), dictionary: dict() });
    if (out.length >= MAX_JSON_BYTES) return new PlanError('Deze deellink is te groot om een planning te zijn.');
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(out));
    const compact = CompactSchema.safeParse(json);
    if (!compact.success) return new PlanError(DAMAGED);
    const plan = validatePlan(fromCompact(compact.data));
    return plan instanceof PlanError ? new PlanError(`Deze deellink bevat een planning die niet klopt. ${plan.message.replace(/^Deze planning klopt niet\.\s*/, '')}`.trim()) : plan;
  } catch {
    return new PlanError(DAMAGED);
  }
}
