/**
 * Compute once: a fill resolves the case (country, customer type, locale), the costs and the
 * statutory interest one time, and every format reads the resolved values from the filled
 * document. Counted with instrumented wrappers around the legal computations and the case
 * resolution, on the two paths a user meets: the template page's preview (per keystroke) and one
 * template filled into every format it is offered in.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatMoney } from '../../src/model/format.ts';

const counts = { interest: 0, context: 0, costs: 0 };

vi.mock('../../src/legal/interest.ts', async (original) => {
  const mod = await original<typeof import('../../src/legal/interest.ts')>();
  return { ...mod, computeInterest: (...args: Parameters<typeof mod.computeInterest>) => (counts.interest++, mod.computeInterest(...args)) };
});
vi.mock('../../src/jurisdiction/index.ts', async (original) => {
  const mod = await original<typeof import('../../src/jurisdiction/index.ts')>();
  return { ...mod, renderContext: (...args: Parameters<typeof mod.renderContext>) => (counts.context++, mod.renderContext(...args)) };
});
vi.mock('../../src/legal/costs.ts', async (original) => {
  const mod = await original<typeof import('../../src/legal/costs.ts')>();
  return { ...mod, applicableCosts: (...args: Parameters<typeof mod.applicableCosts>) => (counts.costs++, mod.applicableCosts(...args)) };
});

const { readContent } = await import('../../src/pack/read-content.ts');
const { fill } = await import('../../src/model/fill.ts');
const { compileEmail } = await import('../../src/render/html/compile.ts');
const { fillEmail } = await import('../../src/render/html/fill.ts');
const { renderText } = await import('../../src/render/text/index.ts');
const { formatsOffered, renderFormat } = await import('../../src/render/formats.ts');
const { loadFonts } = await import('../../src/pack/build.ts');

const loaded = readContent('.');
if (!loaded.ok) throw new Error('content does not load');
const template = (id: string) => loaded.content.templates.find((t) => t.id === id)!;

// A Dutch business two months late: interest over two rate periods, WIK costs, all blocks filled.
const data = {
  dossier: { jurisdictie: 'nl', klanttype: 'onderneming' },
  afzender: { naam: 'Bakkerij Janssens', iban: 'NL91ABNA0417164300' },
  klant: { naam: 'Klant BV' },
  factuur: { nummer: '2026-014', vervaldatum: '2025-05-10', bedrag: 125000 },
  data: { verzending: '2025-08-20', nieuweTermijn: '2025-09-03' },
} as const;

function beforeCount(): void {
  counts.interest = 0;
  counts.context = 0;
  counts.costs = 0;
}
beforeEach(beforeCount);

const once = () => ({ ...counts });

describe('compute once per fill', () => {
  const doc = template('nl-wanbetaler-d13-tweede-herinnering-onderneming');

  it('the template page preview (fill, designed e-mail, text) resolves the case and computes interest and costs once per keystroke', async () => {
    const compiled = await compileEmail(doc);
    beforeCount();
    // What the template page runs on each keystroke (islands/workbench.ts).
    const filled = fill(doc, data, { jurisdiction: 'nl' });
    const email = fillEmail(compiled, data, filled);
    renderText(filled);
    // Before: 22 interest computations, 5 case resolutions, 10 cost look-ups per keystroke.
    expect(once()).toEqual({ interest: 1, context: 1, costs: 1 });
    // Reusing the fill's figures changes nothing in the e-mail.
    expect(email).toEqual(fillEmail(compiled, data));
  });

  it('one template filled into every format it is offered in computes once', async () => {
    const compiled = await compileEmail(doc);
    const fonts = loadFonts();
    beforeCount();
    const filled = fill(doc, data, { jurisdiction: 'nl' });
    const email = fillEmail(compiled, data, filled);
    const text = renderText(filled);
    const formats = formatsOffered(doc.kind);
    for (const format of formats) {
      await renderFormat(format, { filled, text, email, envelope: filled.jurisdiction, date: new Date(0), fixedDate: '2026-01-01T00:00:00Z', fonts: async () => fonts });
    }
    expect(formats.length).toBeGreaterThanOrEqual(5);
    expect(once()).toEqual({ interest: 1, context: 1, costs: 1 });
  });

  it('a designed e-mail without a fill beside it resolves once for all its slots and blocks', async () => {
    const compiled = await compileEmail(doc);
    beforeCount();
    fillEmail(compiled, data);
    // Before: one fill per data-shaped block plus two (4 here), each computing the interest 4-5 times.
    expect(once()).toEqual({ interest: 1, context: 1, costs: 1 });
  });
});

describe('the filled document carries its figures', () => {
  const doc = template('nl-wanbetaler-d13-tweede-herinnering-onderneming');
  const filled = fill(doc, data);
  const text = renderText(filled);

  it('the interest, compensation and total the letter prints are the figures it carries', () => {
    const { costs, computed, interest } = filled.figures;
    expect(interest?.totalCents).toBe(costs.interest);
    expect(costs.interest).toBeGreaterThan(0);
    expect(costs.forfait).toBeGreaterThan(0);
    expect(computed['berekend.totaalTeBetalen']).toBe(125000 + costs.interest! + costs.forfait!);
    for (const cents of [costs.interest!, costs.forfait!, computed['berekend.totaalTeBetalen']!]) expect(text).toContain(formatMoney(cents));
  });

  it('interest and its gap for one principal (bulk mode, per invoice) are computed once, and agree with the separate answers', async () => {
    const { interestAndGap, interestGap, statutoryInterest } = await import('../../src/model/compute.ts');
    const consumer = { ...data, dossier: { jurisdictie: 'be', klanttype: 'consument' } } as const;
    for (const d of [data, consumer]) {
      beforeCount();
      const both = interestAndGap(d, 125000);
      expect(counts.interest).toBe(both.interest ? 1 : 0);
      expect(both).toEqual({ interest: statutoryInterest(d, 125000), gap: interestGap(d, 125000) });
    }
    // A Belgian consumer without the first reminder's date: no interest, and the letter says why.
    expect(interestAndGap(consumer, 125000)).toEqual({ interest: null, gap: 'needs-first-reminder' });
  });

  it('a typed interest amount wins and no statutory interest is computed beside it', () => {
    beforeCount();
    const typed = fill(doc, { ...data, kosten: { interest: 1234 } });
    expect(counts.interest).toBe(0);
    expect(typed.figures.interest).toBeNull();
    expect(typed.figures.costs.interest).toBe(1234);
  });
});
