// The template page's logic outside the DOM: which text a case shows (lib/workbench-case.ts) and
// the fill engine the page loads on first need (lib/workbench-engine.ts). The page shows its
// build-time previews until the engine arrives, so those must be exactly what the engine makes
// of the untouched form, for every template page.
import { describe, expect, it } from 'vitest';
import type { FillData } from '../../src/content/schema.ts';
import { LEGAL_CASES, type LegalCase } from '../../src/jurisdiction/ids.ts';
import { parseField } from '../../src/site/lib/field-input.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { templatePage, type TemplatePage } from '../../src/site/lib/template-page.ts';
import { caseNote, chosenCase, textFor } from '../../src/site/lib/workbench-case.ts';
import { computeState } from '../../src/site/lib/workbench-engine.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content does not load');
const { templates } = loaded.content;

/** The data the island reads from a form nobody touched: only the choices, each at its preselected value. */
function untouched(page: TemplatePage): FillData {
  const data: Record<string, Record<string, string | number>> = {};
  for (const field of page.data.fields) {
    if (!field.options) continue;
    const parsed = parseField(field.kind, page.data.examples[field.path] ?? field.options[0]!, { options: field.options });
    if (!parsed.ok || parsed.value === undefined) throw new Error(`${field.path}: preselected value does not parse`);
    const [group, name] = field.path.split('.') as [string, string];
    (data[group] ??= {})[name] = parsed.value;
  }
  return data as FillData;
}

const pages = new Map<string, TemplatePage>();
const pageOf = async (id: string) => {
  let page = pages.get(id);
  if (!page) pages.set(id, (page = await templatePage(templates.find((t) => t.id === id)!, templates)));
  return page;
};
/** An e-mail with a text for every case, some of them variants. */
const switching = templates.find((t) => !t.variantOf && t.kind === 'email' && templates.some((v) => v.variantOf === t.id));
if (!switching) throw new Error('no e-mail template with variants');

describe('workbench case', () => {
  const model = {
    family: [{ id: 'basis', title: 'Basis' }, { id: 'basis-be-consument', title: 'Basis voor consumenten' }],
    cases: { 'be-onderneming': 0, 'be-consument': 1, 'nl-onderneming': -1, 'nl-consument': -1 } as Record<LegalCase, number>,
  } as unknown as Parameters<typeof caseNote>[0];

  it('reads the case from the country and customer type, Belgian business by default', () => {
    expect(chosenCase({})).toBe('be-onderneming');
    expect(chosenCase({ dossier: { jurisdictie: 'nl', klanttype: 'consument' } })).toBe('nl-consument');
    expect(textFor(model, 'be-consument')?.id).toBe('basis-be-consument');
    expect(textFor(model, 'nl-onderneming')).toBeNull();
  });

  it('names the text shown, the variant, or the cases that do have a text', () => {
    expect(caseNote(model, 'be-onderneming')).toEqual({ text: 'U ziet de tekst voor een Belgische onderneming.', state: 'ok', template: 'basis' });
    expect(caseNote(model, 'be-consument').text).toBe('U ziet de tekst voor een Belgische consument (variant "Basis voor consumenten").');
    const none = caseNote(model, 'nl-consument');
    expect(none.state).toBe('none');
    expect(none.template).toBeUndefined();
    expect(none.text).toContain('bestaat niet voor een Nederlandse consument');
    expect(none.text).toContain('Het bestaat voor een Belgische onderneming, een Belgische consument.');
  });
});

describe('workbench engine', () => {
  it('makes of the untouched form exactly the previews built into every template page', async () => {
    for (const doc of templates) {
      const page = await pageOf(doc.id);
      const state = computeState(page.data, untouched(page));
      expect(state, doc.id).not.toBeNull();
      expect(state!.doc.id, doc.id).toBe(doc.id);
      expect(state!.text, doc.id).toBe(page.blank.text);
      expect(state!.print, doc.id).toBe(page.blank.print);
      expect(state!.email?.html, doc.id).toBe(page.blank.email?.html);
      expect(state!.email?.subject, doc.id).toBe(page.blank.email?.subject);
    }
  });

  it('fills typed data into the text for the chosen case, and has nothing for a case without a text', async () => {
    const page = await pageOf(switching.id);
    const be = computeState(page.data, { dossier: { jurisdictie: 'be', klanttype: 'onderneming' }, klant: { naam: 'Brouwerij <Test> & Zn' } });
    expect(be!.text).toContain('Brouwerij <Test> & Zn');
    // Values land in the print preview's markup escaped, never as markup.
    expect(be!.print).toMatch(/Brouwerij &(?:lt|#60);Test&(?:gt|#62); &(?:amp|#38); Zn/);
    expect(be!.print).not.toContain('<Test>');
    expect(be!.email!.html).not.toContain('<Test>');
    for (const legalCase of LEGAL_CASES) {
      const [jurisdictie, klanttype] = legalCase.split('-') as ['be' | 'nl', 'onderneming' | 'consument'];
      const state = computeState(page.data, { dossier: { jurisdictie, klanttype } });
      const expected = textFor(page.data, legalCase);
      expect(state?.doc.id ?? null, legalCase).toBe(expected?.id ?? null);
      if (state) expect(state.jurisdiction).toBe(jurisdictie);
    }
    const businessOnly = templates.find((t) => !t.variantOf && !templates.some((v) => v.variantOf === t.id) && t.cases?.join() === 'be-onderneming');
    if (!businessOnly) throw new Error('no template for Belgian businesses only');
    expect(computeState((await pageOf(businessOnly.id)).data, { dossier: { jurisdictie: 'be', klanttype: 'consument' } })).toBeNull();
  });
});
