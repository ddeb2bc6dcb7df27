/** What a template form says about each typed value (the same checks run in the browser). */
import { describe, expect, it } from 'vitest';
import { ibanProblem, makeStructuredCommunication } from '../../src/model/payment-ids.ts';
import { parseField } from '../../src/site/lib/field-input.ts';

const error = (kind: Parameters<typeof parseField>[0], raw: string): string => {
  const parsed = parseField(kind, raw);
  if (parsed.ok) throw new Error(`"${raw}" was accepted as ${String(parsed.value)}`);
  return parsed.error;
};

describe('structured communication', () => {
  const valid = makeStructuredCommunication('0909337554');

  it('accepts 12 digits with a matching check number', () => {
    expect(parseField('mededeling', valid)).toEqual({ ok: true, value: valid });
  });

  it('refuses 11 digits and says how many there are', () => {
    expect(error('mededeling', '+++090/9337/5549+++')).toMatch(/12 cijfers.*hier staan er 11/);
    expect(error('mededeling', '090/9337/5549')).toMatch(/hier staan er 11/);
    expect(error('mededeling', '***090/9337/554931***')).toMatch(/hier staan er 13/);
  });

  it('refuses a wrong check number', () => {
    const wrong = valid.replace(/\d\d\+\+\+$/, (d) => `${String((Number(d.slice(0, 2)) + 1) % 100).padStart(2, '0')}+++`);
    expect(error('mededeling', wrong)).toMatch(/controlegetal/);
  });

  it('keeps a Dutch payment reference or free text as it is', () => {
    expect(parseField('mededeling', '1234 5678 9012 3456')).toEqual({ ok: true, value: '1234 5678 9012 3456' });
    expect(parseField('mededeling', 'Factuur 2026-0042')).toEqual({ ok: true, value: 'Factuur 2026-0042' });
  });
});

describe('IBAN', () => {
  it('formats a valid IBAN in groups of four', () => {
    expect(parseField('iban', 'be71096123456769')).toEqual({ ok: true, value: 'BE71 0961 2345 6769' });
    expect(parseField('iban', 'NL91 ABNA 0417 1643 00')).toEqual({ ok: true, value: 'NL91 ABNA 0417 1643 00' });
  });

  it('a truncated IBAN is "te kort", with the count, not a wrong check digit', () => {
    expect(error('iban', 'BE71 0961 2345 676')).toBe('Dit IBAN is te kort: het telt 15 tekens, een IBAN van dit land telt er 16. Kijk na of er geen cijfers ontbreken.');
    expect(error('iban', 'NL91 ABNA 0417 1643')).toMatch(/^Dit IBAN is te kort: het telt 16 tekens, .* telt er 18\./);
    expect(ibanProblem('XX12 3456')).toEqual({ kind: 'kort', expected: 15, actual: 8 });
  });

  it('one digit too many is "te lang"; a typo of the right length is the check digit', () => {
    expect(error('iban', 'BE71 0961 2345 67690')).toMatch(/^Dit IBAN is te lang/);
    expect(error('iban', 'BE71 0961 2345 6768')).toMatch(/controlegetal/);
    expect(error('iban', '0961 2345 6769')).toMatch(/begint met de landcode/);
  });
});

describe('other fields', () => {
  it('amounts, percentages and counts', () => {
    expect(parseField('bedrag', '1.234,56')).toEqual({ ok: true, value: 123456 });
    expect(error('percentage', '150')).toMatch(/tussen 0 en 100/);
    expect(error('getal', '-5')).toMatch(/geheel getal/);
    expect(parseField('getal', '3', { min: 1, max: 12 })).toEqual({ ok: true, value: 3 });
    expect(error('datum', '2026-02-30')).toMatch(/geldige datum/);
  });
});
