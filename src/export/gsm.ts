/**
 * SMS length as a phone network counts it (3GPP TS 23.038, the GSM 03.38 alphabet).
 *
 * - GSM-7: a character of the default alphabet is 1 septet; one of the extension table (€, [, ], {,
 *   }, \, ^, ~, |, form feed) is 2 (escape + character). One SMS holds 160 septets; a long message
 *   is cut into parts of 153, and an escape pair never straddles two parts.
 * - Any other character (ë, ï, ê, ’, emoji) switches the whole message to UCS-2: 70 UTF-16 code
 *   units in one SMS, 67 per part, and a surrogate pair never straddles two parts.
 *
 * Pure and tiny: the template page's live counter runs it in the browser.
 */

// The default alphabet in code order 0x00-0x7F; 0x1B (escape) is left out as a character.
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const BASIC_SET = new Set([...BASIC].filter((c) => c !== '\u001b'));
const EXTENSION_SET = new Set(EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Units one SMS holds in this encoding: 160 or 70. */
  singleLimit: number;
  /** Units still free in the last part. */
  remaining: number;
  /** The characters that force UCS-2, each once, in order of appearance. */
  nonGsm: string[];
}

/** Septets of one character, or 0 when it is not in GSM-7 at all. */
export function gsmSeptets(char: string): 0 | 1 | 2 {
  if (BASIC_SET.has(char)) return 1;
  if (EXTENSION_SET.has(char)) return 2;
  return 0;
}

/** Greedy split: each unit list is cut into parts of `perPart`, never inside one character. */
function parts(sizes: readonly number[], single: number, perPart: number): { segments: number; remaining: number } {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= single) return { segments: 1, remaining: single - total };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perPart) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { segments, remaining: perPart - used };
}

export function countSms(text: string): SmsCount {
  const chars = [...text];
  const nonGsm = [...new Set(chars.filter((c) => gsmSeptets(c) === 0))];
  if (!nonGsm.length) {
    const sizes = chars.map(gsmSeptets);
    return { encoding: 'GSM-7', units: sizes.reduce<number>((a, b) => a + b, 0), singleLimit: 160, nonGsm, ...parts(sizes, 160, 153) };
  }
  const sizes = chars.map((c) => c.length);
  return { encoding: 'UCS-2', units: text.length, singleLimit: 70, nonGsm, ...parts(sizes, 70, 67) };
}

/** "87 van 160 tekens · 1 sms" or "2 sms (UCS-2 door ë)": one line for people. */
export function describeSmsCount(count: SmsCount): string {
  const sms = `${count.segments} sms`;
  const chars = count.segments === 1 ? `${count.units} van ${count.singleLimit} tekens` : `${count.units} tekens`;
  const why = count.encoding === 'UCS-2' ? ` · speciale tekens (${count.nonGsm.join(' ')}) maken elke sms korter: ${count.singleLimit} tekens, ${count.singleLimit - 3} per deel` : '';
  return `${chars} · ${sms}${why}`;
}
