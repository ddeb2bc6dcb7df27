/** The segmentation calculator's logic, on the real segment thresholds of content/segments. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Segment } from '../../src/content/schema.ts';
import { buildModel, calculate, formatValue, readIndicator, reasonText, type CalcIndicator } from '../../src/site/lib/segment-calculator.ts';

const dir = join(import.meta.dirname, '../../content/segments');
const segments = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => Segment.parse(parse(readFileSync(join(dir, f), 'utf8'))));
const model = buildModel(segments);
const key = (pattern: RegExp): string => {
  const found = model.indicators.find((i) => pattern.test(i.label));
  if (!found) throw new Error(`no indicator ${pattern}`);
  return found.key;
};
const DAYS_LATE = key(/gemiddeld aantal dagen te laat/i);
const SHARE_LATE = key(/aandeel facturen/i);
const REMINDERS = key(/herinneringen/i);
const YEARS = key(/klantrelatie/i);
const DISPUTES = key(/geschillen/i);
const indicator = (k: string): CalcIndicator => model.indicators.find((i) => i.key === k)!;

describe('segment thresholds', () => {
  it('15,5 days late on average is a bad payer, as the table says "meer dan 15"', () => {
    expect(calculate(model, { [DAYS_LATE]: '15,5' }).suggestion?.segment).toBe('wanbetaler');
  });

  it('exactly 15 days late is not yet a bad payer; 16 is', () => {
    expect(calculate(model, { [DAYS_LATE]: '15' }).suggestion?.segment).toBe('standaard');
    expect(calculate(model, { [DAYS_LATE]: '16' }).suggestion?.segment).toBe('wanbetaler');
  });

  it('one alarm signal outweighs perfect VIP figures', () => {
    const vip = { [DAYS_LATE]: '1', [SHARE_LATE]: '0', [REMINDERS]: '0', [YEARS]: '5', [key(/factuurbedrag/i)]: '150', [DISPUTES]: '0' };
    expect(calculate(model, vip).suggestion?.segment).toBe('vip');
    expect(calculate(model, { ...vip, [DISPUTES]: '2' }).suggestion?.segment).toBe('wanbetaler');
  });

  it('blank fields give no suggestion and count for nothing', () => {
    expect(calculate(model, {})).toEqual({ errors: {}, suggestion: null });
    const result = calculate(model, { [DISPUTES]: '0' }).suggestion!;
    expect(result.segment).toBe('standaard');
    expect(result.missingForVip.map((i) => i.key)).toContain(YEARS);
  });
});

describe('what the user typed', () => {
  it('reads Dutch and English decimals', () => {
    expect(readIndicator(indicator(REMINDERS), '0,5')).toEqual({ ok: true, value: 0.5 });
    expect(readIndicator(indicator(REMINDERS), ' 1.5 ')).toEqual({ ok: true, value: 1.5 });
    expect(readIndicator(indicator(SHARE_LATE), '30 %')).toEqual({ ok: true, value: 30 });
  });

  it('"150%" is no count of days, reminders or disputes', () => {
    for (const k of [DAYS_LATE, REMINDERS, DISPUTES]) {
      const read = readIndicator(indicator(k), '150%');
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).toMatch(/geen percentage/);
    }
  });

  it('a share above 100 % is refused', () => {
    const read = readIndicator(indicator(SHARE_LATE), '150');
    expect(read).toEqual({ ok: false, error: 'Een aandeel ligt tussen 0 en 100 %.' });
  });

  it('"-5" gets a precise message, not "vul een getal in"', () => {
    const read = readIndicator(indicator(DAYS_LATE), '-5');
    expect(read).toEqual({ ok: false, error: 'Een negatief getal kan hier niet: vul 0 of meer in.' });
    expect(readIndicator(indicator(DAYS_LATE), 'abc')).toEqual({ ok: false, error: 'Vul een getal in, bijvoorbeeld 12 of 0,5.' });
  });

  it('no suggestion while any field is invalid, even when another field alone would decide', () => {
    const result = calculate(model, { [DISPUTES]: '3', [DAYS_LATE]: '-5' });
    expect(result.suggestion).toBeNull();
    expect(Object.keys(result.errors)).toEqual([DAYS_LATE]);
  });
});

describe('the reasons read as Dutch', () => {
  it('singular and plural units', () => {
    expect(formatValue(1, 'dagen')).toBe('1 dag');
    expect(formatValue(15.5, 'dagen')).toBe('15,5 dagen');
    expect(formatValue(1, 'jaren')).toBe('1 jaar');
    expect(formatValue(6, 'jaren')).toBe('6 jaar');
    expect(formatValue(0, 'aantal')).toBe('0');
    expect(formatValue(30, 'procent')).toBe('30 %');
  });

  it('a reason names value, segment and threshold', () => {
    const result = calculate(model, { [YEARS]: '1', [DISPUTES]: '0', [DAYS_LATE]: '1' }).suggestion!;
    const lines = result.reasons.map((r) => reasonText(r, model, result.segment));
    expect(lines).toContain('Duur van de klantrelatie: 1 jaar. Dat haalt de drempel voor vip-klanten niet (minstens 2 jaar klant).');
    expect(lines).toContain('Gemiddeld aantal dagen te laat t.o.v. de vervaldatum: 1 dag. Drempel voor standaardklanten: hoogstens 15 dagen; meestal op tijd, soms wat later.');
    expect(lines.join('\n')).not.toMatch(/\b1 (jaren|dagen)\b|\baantal\./);
  });
});
