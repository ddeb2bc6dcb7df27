/**
 * Share links already sent must keep opening. These links were made by earlier versions and are
 * committed as text (tests/fixtures/timeline/share-links*.json, never regenerated): reordering the
 * dictionary, a list stored as a number, a field or the compression settings breaks them here,
 * which a link made by today's encoder would never show. timeline-share-reorder.test.ts proves
 * that such a reordering does break them.
 */
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CHANNELS, TONES } from '../../src/content/schema.ts';
import { ANCHORS, PAUSE_REASONS, decodeState, encodeState, PlanError, validatePlan } from '../../src/timeline/index.ts';
import { SHARE_DICTIONARY } from '../../src/timeline/share-dictionary.ts';
import { PINNED } from '../helpers/pinned-share-links.ts';

const DICT = new TextEncoder().encode(SHARE_DICTIONARY);
/** The JSON inside a committed link, as bytes. */
const inside = (link: string) => inflateSync(Buffer.from(link.slice(1), 'base64url'), { dictionary: DICT });
/** Bytes packed as a format-1 link, the way the encoder packs them. */
const pack = (bytes: Uint8Array) => `1${Buffer.from(deflateSync(bytes, { level: 9, dictionary: DICT })).toString('base64url')}`;

describe('committed share links', () => {
  it('has links of every kind: empty, playbooks, edited, Dutch, every field set', () => {
    expect(PINNED.map((l) => l.name)).toEqual(['leeg', 'standaard', 'bewerkt', 'nederland', 'alles', 'consument', 'nl-bedrijf']);
    expect(PINNED.map((l) => l.plan.steps.length).some((n) => n > 5)).toBe(true);
    // Written as text, never built here: each is a format-1 link string.
    for (const { link } of PINNED) expect(link).toMatch(/^1[A-Za-z0-9_-]{20,}$/);
  });

  // A reordered list only shows in a link that uses a moved value, so together the links use
  // every value of every list the link stores by position, and both sides of every switch.
  it('use every value of every list the link stores by position', () => {
    const plans = PINNED.map((l) => l.plan);
    const steps = plans.flatMap((p) => p.steps);
    const pauses = plans.flatMap((p) => p.pauses);
    const set = <T,>(values: T[]) => [...new Set(values)].sort();
    expect(set(plans.map((p) => p.meta.segment))).toEqual(['algemeen', 'standaard', 'vip', 'wanbetaler']);
    expect(set(plans.map((p) => String(p.settings.interestKind)))).toEqual(['commercial', 'legal', 'null']);
    expect(set(steps.map((s) => s.anchor))).toEqual([...ANCHORS].sort());
    expect(set(steps.map((s) => s.kanaal))).toEqual([...CHANNELS].sort());
    expect(set(steps.map((s) => s.toon))).toEqual([...TONES].sort());
    expect(set(pauses.map((p) => p.reason))).toEqual([...PAUSE_REASONS].sort());
    const both = [false, true];
    expect(set(plans.map((p) => p.settings.customerType))).toEqual(['business', 'consumer']);
    expect(set(plans.map((p) => p.settings.jurisdiction))).toEqual(['be', 'nl']);
    expect(set(plans.map((p) => p.settings.workingDaysOnly))).toEqual(both);
    expect(set(plans.map((p) => p.settings.enforceMinGap))).toEqual(both);
    expect(set(plans.map((p) => p.settings.firstSendDate === null))).toEqual(both);
    expect(set(plans.map((p) => p.repeat === null))).toEqual(both);
    expect(set(pauses.map((p) => p.until === null))).toEqual(both);
    expect(set(steps.map((s) => s.termDays === undefined))).toEqual(both);
    expect(steps.some((s) => s.termDays === 0)).toBe(true);
  });

  for (const { name, link, plan } of PINNED) {
    it(`"${name}" opens as the plan it was made from`, () => {
      const opened = decodeState(link);
      if (opened instanceof PlanError) throw new Error(`${name}: ${opened.message}`);
      expect(opened).toEqual(plan);
      expect(validatePlan(opened)).toEqual(plan);
      // With the "#" of the address too.
      expect(decodeState(`#${link}`)).toEqual(plan);
      // And the plan it opens shares again as a link that opens the same.
      expect(decodeState(encodeState(opened))).toEqual(plan);
    });

    // The format has no checksum: one changed character may open as another valid plan (a few
    // positions in 100 do). What holds: it never throws and never opens as an invalid plan.
    it(`"${name}" with any one character changed gives a Dutch error or a valid plan, never a throw`, () => {
      for (let at = 1; at < link.length; at++) {
        const damaged = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
        const opened = decodeState(damaged);
        if (opened instanceof PlanError) expect(opened.message, `${name}, character ${at}`).toMatch(/^Deze deellink /);
        else expect(validatePlan(opened), `${name}, character ${at}`).toEqual(opened);
      }
    });

    it(`"${name}" cut short opens as nothing`, () => {
      const opened = decodeState(link.slice(0, Math.floor(link.length * 0.8)));
      expect(opened).toBeInstanceOf(PlanError);
      expect((opened as PlanError).message).toMatch(/onvolledig of beschadigd/);
    });
  }

  describe('a committed link rebuilt with a fault inside', () => {
    const standaard = PINNED.find((l) => l.name === 'standaard')!;
    const json = new TextDecoder().decode(inside(standaard.link));

    it('unchanged, it opens as before (the rebuilding itself changes nothing)', () => {
      expect(decodeState(pack(new TextEncoder().encode(json)))).toEqual(standaard.plan);
    });

    it('broken UTF-8 in a text never opens as garbled text', () => {
      const bytes = new TextEncoder().encode(json.replace('Standaardklanten', 'Standaardklant\u0000\u0000'));
      const at = bytes.indexOf(0);
      bytes[at] = 0xc3; // a lead byte followed by no continuation byte
      bytes[at + 1] = 0x28;
      expect((decodeState(pack(bytes)) as PlanError).message).toMatch(/^Deze deellink is onvolledig of beschadigd\./);
    });

    it('JSON that is not a plan in the link format is a damaged link', () => {
      for (const text of ['{"plan":1}', '[1]', json.replace(/^\[1,/, '[2,')]) {
        expect((decodeState(pack(new TextEncoder().encode(text))) as PlanError).message, text.slice(0, 20)).toMatch(/^Deze deellink is onvolledig of beschadigd\./);
      }
    });

    it('a plan in the link format that does not add up says why, once, in Dutch', () => {
      const compact = JSON.parse(json) as unknown[];
      compact[4] = [
        [9565, 9575, 2],
        [9570, 9580, 2],
      ];
      // Day 9565 after 2000-01-01 is 2026-03-10: two pauses that overlap.
      expect((decodeState(pack(new TextEncoder().encode(JSON.stringify(compact)))) as PlanError).message).toBe(
        'Deze deellink bevat een planning die niet klopt. De pauzes vanaf 2026-03-10 en vanaf 2026-03-15 overlappen; er kan maar één pauze tegelijk lopen.',
      );
    });
  });
});
