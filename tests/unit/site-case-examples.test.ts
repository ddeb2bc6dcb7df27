/** src/site/lib/form-fields.ts caseExamples: the form's examples fit the legal case chosen. */
import { describe, expect, it } from 'vitest';
import { caseExamples, exampleInput } from '../../src/site/lib/form-fields.ts';

const PATHS = ['afzender.iban', 'afzender.postcode', 'klant.naam', 'klant.contactpersoon', 'betaling.mededeling', 'factuur.openstaand', 'dossier.jurisdictie'];

describe('caseExamples', () => {
  const byCase = caseExamples(PATHS, ['be-onderneming', 'nl-onderneming', 'nl-consument']);

  it('gives a Belgian business the form examples as a user types them', () => {
    for (const path of PATHS) expect(byCase['be-onderneming']![path], path).toBe(exampleInput(path));
    expect(byCase['be-onderneming']!['factuur.openstaand']).toMatch(/^\d{1,3}(\.\d{3})*,\d\d$/);
  });

  it('gives a Dutch letter a Dutch IBAN, postcode and betalingskenmerk', () => {
    const nl = byCase['nl-onderneming']!;
    expect(nl['afzender.iban']).toMatch(/^NL\d\d /);
    expect(nl['afzender.postcode']).toMatch(/^\d{4} [A-Z]{2}$/);
    expect(nl['betaling.mededeling']).not.toContain('+++');
    expect(nl['dossier.jurisdictie']).toBe('nl');
  });

  it('makes up no contact person for a consumer, and only asks for the cases given', () => {
    expect(byCase['nl-consument']!['klant.contactpersoon']).toBe('');
    expect(byCase['nl-consument']!['klant.naam']).not.toBe(byCase['nl-onderneming']!['klant.naam']);
    expect(Object.keys(byCase).sort()).toEqual(['be-onderneming', 'nl-consument', 'nl-onderneming']);
  });
});
