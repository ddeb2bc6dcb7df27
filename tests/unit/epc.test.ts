/**
 * EPC069-12 payload builder: exact payloads, field rules and limits, and the Belgian structured
 * communication in the structured-reference line.
 */
import { describe, expect, it } from 'vitest';
import { sampleFillData } from '../../src/content/schema.ts';
import { EPC_LIMITS, epcAmount, epcIssues, epcPayload, epcPayloadForDocument, parseCreditorReference } from '../../src/model/epc.ts';
import { fill } from '../../src/model/fill.ts';
import { parseBody } from '../../src/model/parse.ts';
import type { EpcPayment, TemplateDoc } from '../../src/model/types.ts';

const base: EpcPayment = {
  bic: 'GKCCBEBB',
  name: 'Bakkerij De Gouden Korst bv',
  iban: 'BE71096123456769',
  amountCents: 129_300,
  reference: '090933755493',
  structured: true,
};

const lines = (payload: string) => payload.split('\n');

describe('epcPayload', () => {
  it('writes the Belgian structured communication as 12 digits in the structured line', () => {
    expect(epcPayload(base)).toBe(['BCD', '002', '1', 'SCT', 'GKCCBEBB', 'Bakkerij De Gouden Korst bv', 'BE71096123456769', 'EUR1293.00', '', '090933755493'].join('\n'));
  });

  it('accepts the communication in its printed form too', () => {
    expect(lines(epcPayload({ ...base, reference: '+++090/9337/55493+++' }))[9]).toBe('090933755493');
  });

  it('puts an ISO 11649 creditor reference in the structured line and any other text in the unstructured one', () => {
    const rf = lines(epcPayload({ ...base, structured: false, reference: 'rf18 5390 0754 7034' }));
    expect(rf.slice(9)).toEqual(['RF18539007547034']);
    const text = lines(epcPayload({ ...base, structured: false, reference: 'Factuur 2026-0153' }));
    expect(text.slice(8)).toEqual(['', '', 'Factuur 2026-0153']);
    const kenmerk = lines(epcPayload({ ...base, structured: false, reference: '1234 5678 9012 3456' }));
    expect(kenmerk[10]).toBe('1234 5678 9012 3456');
  });

  it('leaves trailing empty lines out and keeps the BIC line empty when there is no BIC', () => {
    expect(epcPayload({ ...base, bic: '', reference: '', structured: false })).toBe('BCD\n002\n1\nSCT\n\nBakkerij De Gouden Korst bv\nBE71096123456769\nEUR1293.00');
  });

  it('formats amounts as EUR with a point and two decimals', () => {
    expect(epcAmount(1)).toBe('EUR0.01');
    expect(epcAmount(100)).toBe('EUR1.00');
    expect(epcAmount(124_050)).toBe('EUR1240.50');
    expect(epcAmount(EPC_LIMITS.maxCents)).toBe('EUR999999999.99');
    for (const amountCents of [0, -5, 1.5, EPC_LIMITS.maxCents + 1, Number.NaN]) {
      expect(epcIssues({ ...base, amountCents }).map((i) => i.field)).toEqual(['amount']);
    }
  });

  it('normalises IBAN and BIC and rejects invalid ones', () => {
    expect(lines(epcPayload({ ...base, iban: 'be71 0961 2345 6769', bic: 'gkcc bebb' })).slice(4, 7)).toEqual(['GKCCBEBB', 'Bakkerij De Gouden Korst bv', 'BE71096123456769']);
    expect(() => epcPayload({ ...base, iban: 'BE71 0961 2345 6768' })).toThrow(/IBAN/);
    expect(() => epcPayload({ ...base, bic: 'GKCC' })).toThrow(/BIC/);
  });

  it('limits the name to 70 characters and never lets a value add a line', () => {
    expect(epcIssues({ ...base, name: 'n'.repeat(70) })).toEqual([]);
    expect(epcIssues({ ...base, name: 'n'.repeat(71) }).map((i) => i.field)).toEqual(['name']);
    expect(epcIssues({ ...base, name: '  \n ' }).map((i) => i.field)).toEqual(['name']);
    const payload = epcPayload({ ...base, name: 'Bakkerij\nDe Gouden\r\nKorst\tbv', structured: false, reference: 'a\nb' });
    expect(lines(payload)).toHaveLength(11);
    expect(lines(payload)[5]).toBe('Bakkerij De Gouden Korst bv');
    expect(lines(payload)[10]).toBe('a b');
  });

  it('checks the structured communication, the text length and the 331-byte limit', () => {
    expect(epcIssues({ ...base, reference: '+++090/9337/55494+++' }).map((i) => i.field)).toEqual(['reference']);
    expect(epcIssues({ ...base, structured: false, reference: 'x'.repeat(140) })).toEqual([]);
    expect(epcIssues({ ...base, structured: false, reference: 'x'.repeat(141) }).map((i) => i.field)).toEqual(['reference']);
    // 70 four-byte characters and 140 three-byte ones: within the character limits, over 331 bytes.
    const big = epcIssues({ ...base, name: '😀'.repeat(70), structured: false, reference: '€'.repeat(140) });
    expect(big.map((i) => i.field)).toEqual(['payload']);
    expect(() => epcPayload({ ...base, name: '😀'.repeat(70), structured: false, reference: '€'.repeat(140) })).toThrow(/331/);
  });

  it('validates ISO 11649 check digits', () => {
    expect(parseCreditorReference('RF18 5390 0754 7034')).toBe('RF18539007547034');
    expect(parseCreditorReference('RF19 5390 0754 7034')).toBeNull();
    expect(parseCreditorReference('RF18')).toBeNull();
  });
});

describe('epcPayloadForDocument', () => {
  it('drops a mistyped BIC (optional in version 002) but refuses anything else invalid', () => {
    expect(lines(epcPayloadForDocument({ ...base, bic: 'GKCC-BE' })!)[4]).toBe('');
    expect(epcPayloadForDocument({ ...base, iban: 'BE00' })).toBeNull();
    expect(epcPayloadForDocument({ ...base, name: 'x'.repeat(71) })).toBeNull();
    expect(epcPayloadForDocument(base)).toBe(epcPayload(base));
  });
});

describe('with fill()', () => {
  it('builds the payload fill() prepares for the sample data', () => {
    const doc: TemplateDoc = {
      id: 'epc-test',
      kind: 'brief',
      title: 'EPC',
      purpose: 'herinnering',
      tone: 'professioneel',
      segment: 'standaard',
      registered: false,
      subject: [],
      preheader: [],
      blocks: parseBody('::betaalgegevens', []),
    };
    const epc = fill(doc, sampleFillData()).epc;
    expect(epc).not.toBeNull();
    expect(epcPayload(epc!)).toBe(['BCD', '002', '1', 'SCT', 'GKCCBEBB', 'Bakkerij De Gouden Korst bv', 'BE71096123456769', 'EUR1240.50', '', '090933755493'].join('\n'));
  });
});
