/**
 * Form input for each field kind: the HTML input it gets, how typed text becomes a fill value,
 * and the Dutch message when it can't. Pure; runs in the browser and in tests.
 */
import type { FieldKind } from '../../content/schema.ts';
import { formatIban, ibanProblem, ibanProblemMessage, looksLikeStructuredAttempt, looksStructured, parseStructuredCommunication } from '../../model/payment-ids.ts';

export interface InputSpec {
  type: 'text' | 'date' | 'email' | 'url' | 'tel';
  inputmode?: 'decimal' | 'numeric' | 'email' | 'url' | 'tel' | 'text';
  autocomplete?: string;
  /** Shown under the field. */
  hint?: string;
}

export const INPUT_SPEC: Record<FieldKind, InputSpec> = {
  tekst: { type: 'text' },
  datum: { type: 'date' },
  bedrag: { type: 'text', inputmode: 'decimal', hint: 'In euro, bv. 1.234,56' },
  percentage: { type: 'text', inputmode: 'decimal', hint: 'Per jaar, bv. 10,5' },
  getal: { type: 'text', inputmode: 'numeric' },
  iban: { type: 'text', autocomplete: 'off' },
  bic: { type: 'text', autocomplete: 'off' },
  email: { type: 'email', inputmode: 'email', autocomplete: 'email' },
  url: { type: 'url', inputmode: 'url', hint: 'Begint met https://' },
  telefoon: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' },
  mededeling: { type: 'text', autocomplete: 'off', hint: 'Belgisch: +++123/4567/89002+++ · Nederlands: uw betalingskenmerk' },
  keuze: { type: 'text' },
};

/** Sensible browser autofill for the sender's own details. */
export const AUTOCOMPLETE: Record<string, string> = {
  'afzender.naam': 'organization',
  'afzender.straat': 'street-address',
  'afzender.postcode': 'postal-code',
  'afzender.gemeente': 'address-level2',
  'afzender.email': 'email',
  'afzender.telefoon': 'tel',
  'afzender.website': 'url',
  'ondertekenaar.naam': 'name',
  'ondertekenaar.functie': 'organization-title',
};

export type Parsed = { ok: true; value: string | number | undefined } | { ok: false; error: string };

const ok = (value: string | number | undefined): Parsed => ({ ok: true, value });
const fail = (error: string): Parsed => ({ ok: false, error });

/**
 * "1.234,56" -> 123456 cents. Accepts "€ 1234,5", "1234.56" (a point followed by one or two
 * digits is a decimal point), "1.234" (thousands). Returns null when the text is no amount.
 */
export function parseEuroCents(raw: string): number | null {
  let text = raw.replace(/€|eur(o)?/gi, '').replace(/[\s\u00a0\u202f]/g, '');
  if (!text) return null;
  if (text.includes(',')) {
    // Comma is the decimal separator; points group thousands.
    if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(text)) return null;
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^\d+\.\d{1,2}$/.test(text)) {
    // "12.5" / "12.50": a decimal point.
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, '');
  } else if (!/^\d+$/.test(text)) {
    return null;
  }
  const [euros = '0', cents = ''] = text.split('.');
  const value = Number(euros) * 100 + Number(cents.padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** "10,5" -> 10.5. */
export function parseDecimal(raw: string): number | null {
  const text = raw.replace(/%|\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

const MAX_CENTS = 100_000_000_000;

/** Typed text -> fill value (trimmed; blank is undefined) or a Dutch message. */
export interface FieldLimits {
  /** The browser could not read a partly typed date. */
  badDate?: boolean;
  options?: readonly string[];
  min?: number;
  max?: number;
}

export function parseField(kind: FieldKind, raw: string, options: FieldLimits = {}): Parsed {
  const text = raw.trim();
  if (options.badDate) return fail('Vul een volledige datum in (dag, maand en jaar).');
  if (!text) return ok(undefined);
  if (options.options && !options.options.includes(text)) return fail('Kies een van de mogelijkheden.');
  if (text.length > 2000) return fail('Deze tekst is te lang (hoogstens 2000 tekens).');
  switch (kind) {
    case 'bedrag': {
      const cents = parseEuroCents(text);
      if (cents === null) return fail('Schrijf een bedrag in euro, bijvoorbeeld 1.234,56.');
      if (cents > MAX_CENTS) return fail('Dit bedrag is te groot.');
      return ok(cents);
    }
    case 'percentage': {
      const value = parseDecimal(text);
      if (value === null) return fail('Schrijf een percentage als getal, bijvoorbeeld 10,5.');
      if (value > 100) return fail('Een interestvoet ligt tussen 0 en 100 %.');
      return ok(value);
    }
    case 'getal': {
      if (!/^\d+$/.test(text)) return fail('Schrijf een geheel getal, bijvoorbeeld 3.');
      const value = Number(text);
      if (options.min !== undefined && value < options.min) return fail(`Kies minstens ${options.min}.`);
      if (options.max !== undefined && value > options.max) return fail(`Kies hoogstens ${options.max}.`);
      return ok(value);
    }
    case 'datum': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) return fail('Vul een geldige datum in.');
      if (Number(m[1]) < 1990 || Number(m[1]) > 2100) return fail('Kies een jaartal tussen 1990 en 2100.');
      return ok(text);
    }
    case 'iban': {
      const problem = ibanProblem(text);
      return problem ? fail(ibanProblemMessage(problem)) : ok(formatIban(text));
    }
    case 'bic': {
      const bic = text.replace(/\s/g, '').toUpperCase();
      return /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) ? ok(bic) : fail('Een BIC heeft 8 of 11 tekens, bijvoorbeeld GKCCBEBB.');
    }
    case 'email':
      return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(text) ? ok(text) : fail('Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.be.');
    case 'url': {
      let url: URL | null = null;
      try {
        url = new URL(text);
      } catch {
        url = null;
      }
      if (!url || url.protocol !== 'https:' || !url.hostname.includes('.')) return fail('Vul een volledig webadres in dat met https:// begint.');
      return ok(text);
    }
    case 'mededeling': {
      if (looksStructured(text)) {
        return parseStructuredCommunication(text) ? ok(text) : fail('Deze gestructureerde mededeling klopt niet: de laatste twee cijfers (het controlegetal) passen niet bij de eerste tien.');
      }
      if (looksLikeStructuredAttempt(text)) {
        const digits = text.replace(/\D/g, '').length;
        return fail(`Een gestructureerde mededeling telt 12 cijfers (+++123/4567/89012+++); hier staan er ${digits}. Kijk na of er geen cijfer ontbreekt of te veel is.`);
      }
      return text.length > 40 ? fail('Een betalingskenmerk is hoogstens 40 tekens lang.') : ok(text);
    }
    case 'telefoon':
      return /^[+\d][\d\s./()-]{5,}$/.test(text) ? ok(text) : fail('Vul een telefoonnummer in, bijvoorbeeld 09 123 45 67 of +32 9 123 45 67.');
    default:
      return ok(text);
  }
}
