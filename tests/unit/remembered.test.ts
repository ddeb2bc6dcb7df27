/** The one store of the user's own details, shared by the template, timeline and bulk pages. */
import { describe, expect, it } from 'vitest';
import { forgetRemembered, readRemembered, restoreRemembered, saveRemembered, valuesOf, type Store } from '../../src/site/lib/remembered.ts';
import { STORAGE_KEY } from '../../src/site/lib/workbench-types.ts';

const memory = (initial: Record<string, string> = {}): Store & { data: Map<string, string> } => {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};
const blocked: Store = {
  getItem: () => { throw new Error('SecurityError'); },
  setItem: () => { throw new Error('QuotaExceededError'); },
  removeItem: () => { throw new Error('SecurityError'); },
};

describe('remembered details', () => {
  it('keeps what one page saved for another, and merges rather than overwrites', () => {
    const store = memory();
    saveRemembered({ 'afzender.naam': '  Bakkerij Peeters ', 'afzender.iban': 'BE68539007547034' }, store);
    saveRemembered({ 'ondertekenaar.naam': 'An Peeters' }, store);
    expect(readRemembered(store)).toEqual({ 'afzender.naam': 'Bakkerij Peeters', 'afzender.iban': 'BE68539007547034', 'ondertekenaar.naam': 'An Peeters' });
  });

  it('removes a field the user emptied, and the key when nothing is left', () => {
    const store = memory();
    saveRemembered({ 'afzender.naam': 'X' }, store);
    saveRemembered({ 'afzender.naam': '   ' }, store);
    expect(store.data.has(STORAGE_KEY)).toBe(false);
  });

  it('fills only empty fields on restore, and forget clears every page at once', () => {
    const store = memory({ [STORAGE_KEY]: JSON.stringify({ 'afzender.naam': 'Opgeslagen', 'afzender.email': 'a@b.be' }) });
    const inputs = new Map([['afzender.naam', { value: 'Getypt' }], ['afzender.email', { value: '' }]]);
    restoreRemembered(inputs, ['afzender.naam', 'afzender.email'], store);
    expect(valuesOf(inputs, ['afzender.naam', 'afzender.email', 'afzender.iban'])).toEqual({ 'afzender.naam': 'Getypt', 'afzender.email': 'a@b.be' });
    forgetRemembered(store);
    expect(readRemembered(store)).toEqual({});
  });

  it('treats broken or foreign data as nothing stored, and blocked storage as no error', () => {
    expect(readRemembered(memory({ [STORAGE_KEY]: '{oops' }))).toEqual({});
    expect(readRemembered(memory({ [STORAGE_KEY]: '["a"]' }))).toEqual({});
    expect(readRemembered(memory({ [STORAGE_KEY]: JSON.stringify({ 'afzender.naam': 3, 'afzender.bic': 'GEBABEBB' }) }))).toEqual({ 'afzender.bic': 'GEBABEBB' });
    expect(() => saveRemembered({ 'afzender.naam': 'X' }, blocked)).not.toThrow();
    expect(() => forgetRemembered(blocked)).not.toThrow();
    expect(readRemembered(blocked)).toEqual({});
    expect(readRemembered(null)).toEqual({});
  });
});
