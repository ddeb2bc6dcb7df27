/**
 * The case axis: a profile per country, a locale per variant of Dutch, resolved once by fill()
 * into the document that every renderer reads. An unknown country or customer type is an error in
 * Dutch, never silently Belgium.
 */
import { describe, expect, it } from 'vitest';
import { Jurisdiction } from '../../src/content/schema.ts';
import { caseOf, JURISDICTIONS, LEGAL_CASES, parseCustomerType, parseJurisdiction, renderContext, UnknownCaseError } from '../../src/jurisdiction/index.ts';
import { locale, LOCALES } from '../../src/locale/index.ts';
import { fill } from '../../src/model/fill.ts';
import { renderText } from '../../src/render/text/index.ts';
import { testTemplate } from '../helpers/template.ts';

const LETTER = testTemplate({ id: 'test-brief', kind: 'brief', body: ['::factuurtabel', '', '::betaalgegevens met-kosten'].join('\n') });

describe('profiles and locales', () => {
  it('have one profile per country id and one locale per profile', () => {
    expect(Object.keys(JURISDICTIONS)).toEqual(Jurisdiction.options);
    for (const [id, p] of Object.entries(JURISDICTIONS)) {
      expect(p.id).toBe(id);
      expect(LOCALES[p.locale].id).toBe(p.locale);
    }
    expect(LEGAL_CASES).toEqual(['be-onderneming', 'be-consument', 'nl-onderneming', 'nl-consument']);
  });

  it('give Belgian and Dutch words where they differ, and the same where they do not', () => {
    const be = LOCALES['nl-BE'].labels;
    const nl = LOCALES['nl-NL'].labels;
    expect([be.payment.reference, nl.payment.reference]).toEqual(['Gestructureerde mededeling', 'Betalingskenmerk']);
    expect([be.payment.interest, nl.payment.interest]).toEqual(['Nalatigheidsinteresten', { onderneming: 'Wettelijke handelsrente', consument: 'Wettelijke rente' }]);
    expect([be.payment.compensation, nl.payment.compensation]).toEqual(['Forfaitaire schadevergoeding', 'Incassokosten']);
    // The due-date column: "vervaldag" in Belgium, "vervaldatum" in the Netherlands.
    expect([be.invoiceColumns[2], nl.invoiceColumns[2]]).toEqual(['Vervaldag', 'Vervaldatum']);
    expect(be.page(2, 3)).toBe('Pagina 2/3');
    expect(nl.invoiceTotal).toBe(be.invoiceTotal);
  });

  it('word the interest overview and the instalment plan in each variant of Dutch', () => {
    const doc = testTemplate({ id: 'test-interest', kind: 'brief', body: ['::interestoverzicht Zo rekenen wij:', '', '::afbetalingsplan'].join('\n') });
    // A rate period whose rate is not published yet: the unknown-rate line shows.
    const data = (jurisdictie: 'be' | 'nl') => ({ dossier: { jurisdictie, klanttype: 'onderneming' as const }, factuur: { vervaldatum: '2026-03-31', openstaand: 100_000 }, data: { verzending: '2099-01-15' }, afspraak: { aantalTermijnen: 3, eersteTermijn: '2026-05-01' } });
    const be = renderText(fill(doc, data('be')));
    const nl = renderText(fill(doc, data('nl')));
    expect(be).toContain('interestvoet nog niet bekend');
    expect(be).toContain('enkelvoudige interest');
    expect(nl).toContain('rentepercentage nog niet bekend');
    // Dutch statutory interest compounds yearly (art. 6:119 lid 2 BW): never "enkelvoudig" there.
    expect(nl.replace(/\s+/g, ' ')).toContain('na elk vol jaar wordt de rente van dat jaar bij de hoofdsom opgeteld');
    expect(nl).not.toMatch(/interestvoet|enkelvoudig/);
    for (const text of [be, nl]) expect(text).toMatch(/Termijn 1: € [\d.,]+ uiterlijk op 1 mei 2026/);
    // Without the dates, the line that names what is missing is in the variant's words too.
    expect(renderText(fill(doc, { dossier: { jurisdictie: 'nl' } }))).toContain('Wettelijke rente vanaf de dag na de vervaldatum');
    expect(renderText(fill(doc, { dossier: { jurisdictie: 'be' } }))).toContain('Nalatigheidsinteresten vanaf de dag na de vervaldag');
  });

  it('give each country its btw rate with an official source (for btw on collection costs)', () => {
    for (const p of Object.values(JURISDICTIONS)) {
      expect(p.vatStandardPercent.value, p.id).toBe(21);
      expect(p.vatStandardPercent.source.url, p.id).toMatch(/^https:\/\/(?:wetten\.overheid\.nl|www\.belgium\.be)\//);
    }
  });
});

describe('unknown values', () => {
  it('are refused with a Dutch message naming the choices', () => {
    expect(() => parseJurisdiction('fr')).toThrow(UnknownCaseError);
    expect(() => parseJurisdiction('fr')).toThrow(/onbekend land "fr": kies "be" of "nl"/);
    expect(() => parseJurisdiction('BE')).toThrow(UnknownCaseError); // not coerced either
    expect(() => parseCustomerType('particulier')).toThrow(/onbekende soort klant "particulier": kies "onderneming" of "consument"/);
    expect(() => locale('fr-BE')).toThrow(/onbekende taalvariant "fr-BE"/);
    expect(() => fill(LETTER, { dossier: { jurisdictie: 'de' as never } })).toThrow(/onbekend land "de"/);
    expect(() => fill(LETTER, { dossier: { klanttype: 'x' as never } })).toThrow(UnknownCaseError);
  });

  it('are refused by the content schema in Dutch too', () => {
    const r = Jurisdiction.safeParse('fr');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/een land: "be" of "nl"/);
  });
});

describe('fill resolves the case once', () => {
  it('into the document: case, locale and the labels its renderers print', () => {
    const nl = fill(LETTER, { dossier: { jurisdictie: 'nl', klanttype: 'consument' } });
    expect([nl.jurisdiction, nl.customerType, nl.locale, nl.lang]).toEqual(['nl', 'consument', 'nl-NL', 'nl']);
    expect(caseOf(nl)).toBe('nl-consument');
    const text = renderText(nl);
    expect(text).toContain('Betalingskenmerk');
    expect(text).toContain('Incassokosten');
    expect(text).not.toContain('Gestructureerde mededeling');
    const be = renderText(fill(LETTER, {}));
    expect(be).toContain('Gestructureerde mededeling');
    expect(be).toContain('Totaal openstaand');
    expect(renderContext('be', 'onderneming').locale.id).toBe('nl-BE');
  });
});
