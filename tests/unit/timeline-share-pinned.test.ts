/**
 * Share links already sent must keep opening. These links were made by an earlier version and are
 * committed as text (tests/fixtures/timeline/share-links.json): reordering the dictionary, a field
 * list or the compression settings breaks them here, which a link made by today's encoder would
 * never show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, PlanError, validatePlan, type Plan } from '../../src/timeline/index.ts';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/timeline/share-links.json'), 'utf8')) as { links: { name: string; link: string; plan: Plan }[] };

describe('committed share links', () => {
  it('has links of every kind: empty, a playbook, an edited one, a Dutch consumer plan', () => {
    expect(fixture.links.map((l) => l.name)).toEqual(['leeg', 'standaard', 'bewerkt', 'nederland']);
    expect(fixture.links.map((l) => l.plan.steps.length).some((n) => n > 5)).toBe(true);
  });

  for (const { name, link, plan } of fixture.links) {
    it(`"${name}" opens as the plan it was made from`, () => {
      const opened = decodeState(link);
      if (opened instanceof PlanError) throw new Error(`${name}: ${opened.message}`);
      expect(opened).toEqual(plan);
      expect(validatePlan(opened)).toEqual(plan);
      // And the plan it opens shares again as a link that opens the same.
      expect(decodeState(encodeState(opened))).toEqual(plan);
    });

    it(`"${name}" with one character changed never opens as something else silently`, () => {
      const at = Math.floor(link.length / 2);
      const damaged = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
      const opened = decodeState(damaged);
      if (!(opened instanceof PlanError)) expect(opened).not.toEqual(plan);
    });
  }
});
