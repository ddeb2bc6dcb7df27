/**
 * What the segmentation calculator says (site/lib/segment-calculator.ts `outcome`, shown by
 * islands/calculator.ts): the verdict, its reasons in order and the hints while nothing can be
 * said, on the real thresholds of content/segments; and the model built from those files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Segment } from '../../src/content/schema.ts';
import { buildModel, calculate, indicatorKey, meets, outcome } from '../../src/site/lib/segment-calculator.ts';

const dir = join(import.meta.dirname, '../../content/segments');
const segments = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => Segment.parse(parse(readFileSync(join(dir, f), 'utf8'))));
const model = buildModel(segments);
const key = (pattern: RegExp): string => model.indicators.find((i) => pattern.test(i.label))!.key;
const DAYS_LATE = key(/gemiddeld aantal dagen te laat/i);
const SHARE_LATE = key(/aandeel facturen/i);
const REMINDERS = key(/herinneringen/i);
const YEARS = key(/klantrelatie/i);
const AMOUNT = key(/factuurbedrag/i);
const DISPUTES = key(/geschillen/i);
const say = (raw: Record<string, string>) => outcome(model, calculate(model, raw));
const VIP = { [DAYS_LATE]: '5', [SHARE_LATE]: '10', [REMINDERS]: '0,5', [YEARS]: '2', [AMOUNT]: '100', [DISPUTES]: '0' };

describe('the verdict', () => {
  it('a bad payer: only the alarm signals that were met, each with its threshold, and the link to that playbook', () => {
    const result = say({ [DAYS_LATE]: '20', [REMINDERS]: '3', [DISPUTES]: '1' });
    expect(result).toEqual({
      kind: 'verdict',
      segment: 'wanbetaler',
      titel: 'Slechte betalers',
      playbook: 'wanbetaler',
      linkText: 'Bekijk het draaiboek voor slechte betalers',
      reasons: [
        'Gemiddeld aantal dagen te laat t.o.v. de vervaldatum: 20 dagen. Drempel voor slechte betalers: meer dan 15 dagen.',
        'Gemiddeld aantal herinneringen per factuur: 3. Drempel voor slechte betalers: 2 of meer; er zijn telkens meerdere herinneringen nodig.',
      ],
    });
  });

  it('VIP on the bounds themselves: "hoogstens" and "minstens" include the bound', () => {
    const result = say(VIP);
    expect(result.kind === 'verdict' && [result.segment, result.reasons.length]).toEqual(['vip', 6]);
    expect(result.kind === 'verdict' && result.reasons[3]).toBe('Duur van de klantrelatie: 2 jaar. Drempel voor vip-klanten: minstens 2 jaar klant.');
    expect(result.kind === 'verdict' && result.linkText).toBe('Bekijk het draaiboek voor vip-klanten');
  });

  it('one VIP threshold just missed: standard, with the missed threshold first', () => {
    const result = say({ ...VIP, [YEARS]: '1,5' });
    if (result.kind !== 'verdict') throw new Error(result.text);
    expect(result.segment).toBe('standaard');
    expect(result.reasons[0]).toBe('Duur van de klantrelatie: 1,5 jaar. Dat haalt de drempel voor vip-klanten niet (minstens 2 jaar klant).');
    expect(result.reasons.some((r) => r.startsWith('Voor VIP moet ook'))).toBe(false);
  });

  it('standard with blanks: "no alarm signal" first, the blanks VIP still needs last', () => {
    const result = say({ [DAYS_LATE]: '3', [DISPUTES]: '0' });
    if (result.kind !== 'verdict') throw new Error(result.text);
    expect(result.segment).toBe('standaard');
    expect(result.reasons[0]).toBe('Geen enkel alarmsignaal van een slechte betaler.');
    expect(result.reasons).toContain('Gemiddeld aantal dagen te laat t.o.v. de vervaldatum: 3 dagen. Drempel voor standaardklanten: hoogstens 15 dagen; meestal op tijd, soms wat later.');
    expect(result.reasons.at(-1)).toBe(
      'Voor VIP moet ook dit bekend zijn: aandeel facturen dat meer dan 15 dagen te laat betaald werd; gemiddeld aantal herinneringen per factuur; duur van de klantrelatie; gemiddeld factuurbedrag t.o.v. uw gemiddelde factuur.',
    );
  });

  it('30 % of invoices late is already a bad payer, although it is the top of the standard range', () => {
    expect(say({ [SHARE_LATE]: '30' })).toMatchObject({ segment: 'wanbetaler' });
    expect(say({ [SHARE_LATE]: '29,9' })).toMatchObject({ segment: 'standaard' });
  });
});

describe('hints instead of a verdict', () => {
  it('nothing filled in', () => {
    expect(say({})).toEqual({ kind: 'hint', text: 'Vul minstens één indicator in om een voorstel te krijgen.' });
    expect(say({ [DAYS_LATE]: '   ' })).toEqual({ kind: 'hint', text: 'Vul minstens één indicator in om een voorstel te krijgen.' });
  });

  it('a field with an error, even beside a field that would decide', () => {
    expect(say({ [DISPUTES]: '5', [YEARS]: 'twee' })).toEqual({ kind: 'hint', text: 'Verbeter eerst de velden met een melding; dan stelt de rekenhulp een groep voor.' });
  });
});

describe('the model built from content/segments', () => {
  it('one field per numeric indicator, named without its unit', () => {
    expect(model.indicators.map((i) => [i.label, i.unit]).sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([
      ['Aandeel facturen dat meer dan 15 dagen te laat betaald werd', 'procent'],
      ['Duur van de klantrelatie', 'jaren'],
      ['Gemiddeld aantal dagen te laat t.o.v. de vervaldatum', 'dagen'],
      ['Gemiddeld aantal herinneringen per factuur', 'aantal'],
      ['Gemiddeld factuurbedrag t.o.v. uw gemiddelde factuur', 'procent'],
      ['Geschillen of verbroken betaalbeloften in de laatste 12 maanden', 'aantal'],
    ]);
  });

  it('the payment method is shown with each segment\'s words, not computed', () => {
    expect(model.qualitative.map((q) => [q.label, q.drempels.map((d) => d.segment).sort()])).toEqual([['Betaalmethode', ['Slechte betalers', 'Standaardklanten', 'VIP-klanten']]]);
  });

  it('a field key is the name without unit, accents or punctuation', () => {
    expect(indicatorKey('Duur van de klantrelatie (jaren)')).toBe('duur-van-de-klantrelatie');
    expect(indicatorKey('Betaalmethode: domiciliëring?')).toBe('betaalmethode-domiciliering');
  });

  it('bounds: min and max include the bound, "boven" does not', () => {
    expect([meets({ key: 'x', drempel: '', min: 2 }, 2), meets({ key: 'x', drempel: '', min: 2 }, 1.99)]).toEqual([true, false]);
    expect([meets({ key: 'x', drempel: '', max: 5 }, 5), meets({ key: 'x', drempel: '', max: 5 }, 5.01)]).toEqual([true, false]);
    expect([meets({ key: 'x', drempel: '', above: 15 }, 15), meets({ key: 'x', drempel: '', above: 15 }, 15.01)]).toEqual([false, true]);
  });
});
