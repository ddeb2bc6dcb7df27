/**
 * The PDFs handed from the reconcile page to bulk mode are used only for the same invoices: same
 * number, open amount and customer, and not after a working day.
 */
import { describe, expect, it } from 'vitest';
import { MAX_AGE_MS, pdfsForRun, type HandedPdf } from '../../src/site/lib/reconcile-pdfs.ts';

const bytes = new TextEncoder().encode('%PDF-1.7');
const stored = (saved: number) => ({ saved, pdfs: new Map<string, HandedPdf>([['F-1', { naam: 'F-1.pdf', bytes, openstaand: 12100, klant: 'Drukkerij Claes NV' }]]) });
const SAVED = 1_800_000_000_000;

describe('pdfsForRun', () => {
  it('gives the PDF to the invoice that was handed over', () => {
    expect(pdfsForRun(stored(SAVED), [{ nummer: 'F-1', openstaand: 12100, naam: 'Drukkerij Claes NV' }, { nummer: 'F-2', openstaand: 500, naam: 'X' }], SAVED + 60_000)).toEqual(new Map([['F-1', { naam: 'F-1.pdf', bytes }]]));
  });

  it('gives nothing to another file that happens to use the same invoice number', () => {
    expect(pdfsForRun(stored(SAVED), [{ nummer: 'F-1', openstaand: 12100, naam: 'Bakkerij Janssens' }], SAVED + 60_000).size).toBe(0);
    expect(pdfsForRun(stored(SAVED), [{ nummer: 'F-1', openstaand: 9900, naam: 'Drukkerij Claes NV' }], SAVED + 60_000).size).toBe(0);
  });

  it('gives nothing without a hand-over, or once it is older than a working day', () => {
    const inv = [{ nummer: 'F-1', openstaand: 12100, naam: 'Drukkerij Claes NV' }];
    expect(pdfsForRun(undefined, inv, SAVED).size).toBe(0);
    expect(pdfsForRun(stored(SAVED), inv, SAVED + MAX_AGE_MS).size).toBe(1);
    expect(pdfsForRun(stored(SAVED), inv, SAVED + MAX_AGE_MS + 1).size).toBe(0);
  });
});
