/**
 * Slots are typed runs: fill()'s placeholder hook with slotRun leaves each placeholder as
 * { slot: { path, helper } } with no text, so no marker string can be confused with content.
 */
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/model/fill.ts';
import { slotRun } from '../../src/model/slot.ts';
import type { Run } from '../../src/model/types.ts';
import { documentRuns } from '../../src/model/walk.ts';
import { compileEmail } from '../../src/render/html/compile.ts';
import { fillEmail } from '../../src/render/html/fill.ts';
import { emailSourceFrom } from '../../src/export/email-source.ts';
import { testTemplate } from '../helpers/template.ts';

const doc = testTemplate({
  id: 'test-slots',
  kind: 'email',
  subject: 'Factuur {{factuur.nummer}}',
  body: 'Beste {{klant.contactpersoon}},\n\nU betaalt **{{bedrag factuur.openstaand}}** vóór {{datum data.nieuweTermijn}}.\n\n::betaalknop Nu betalen\n::handtekening',
});

describe('slot runs', () => {
  it('leave each placeholder as a typed slot with its path and helper, and no text', () => {
    const filled = fill(doc, {}, { placeholder: slotRun });
    const slots = documentRuns(filled).flat().filter((r: Run) => r.slot);
    expect(slots.every((r) => r.text === '')).toBe(true);
    const paths = slots.map((r) => r.slot);
    expect(paths).toContainEqual({ path: 'factuur.nummer' });
    expect(paths).toContainEqual({ path: 'factuur.openstaand', helper: 'bedrag' });
    expect(paths).toContainEqual({ path: 'data.nieuweTermijn', helper: 'datum' });
    expect(slots.find((r) => r.slot?.path === 'factuur.openstaand')?.strong).toBe(true);
    const button = filled.blocks.find((b) => b.type === 'paymentButton');
    expect(button).toMatchObject({ hrefSlot: { path: 'betaling.link' } });
    expect(button).not.toHaveProperty('href');
  });

  it('carry through the compiled e-mail: values land where the slots were, the source gets placeholders', async () => {
    const compiled = await compileEmail(doc);
    expect(compiled.variants[0]!.slots.map((s) => s.path)).toEqual(expect.arrayContaining(['factuur.nummer', 'klant.contactpersoon', 'factuur.openstaand', 'betaling.link']));
    const email = fillEmail(compiled, { factuur: { nummer: 'F-7' }, klant: { contactpersoon: 'Els' }, betaling: { link: 'https://betaal.example/7' } });
    expect(email.subject).toBe('Factuur F-7');
    expect(email.html).toContain('Beste Els,');
    expect(email.html).toContain('href="https://betaal.example/7"');
    const source = emailSourceFrom(compiled, doc);
    expect(source.subject).toBe('Factuur {{factuur.nummer}}');
    expect(source.html).toContain('{{bedrag factuur.openstaand}}');
    expect(source.html).toContain('{{betaling.link}}');
  });
});
