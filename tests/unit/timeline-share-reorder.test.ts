/**
 * The guard of the guard: the committed share links (timeline-share-pinned.test.ts) must fail when
 * someone reorders a list the link depends on. Each case loads share.ts again with one list
 * reordered (same entries, other order) and checks that a committed link no longer opens as its
 * plan; the control loads it unchanged and every link opens.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../src/timeline/index.ts';
import { PINNED } from '../helpers/pinned-share-links.ts';

type Decode = (state: string) => Plan | Error;

/** A committed link's compact JSON, and a function that packs a changed one the way the encoder does. */
function unpack(link: string, dictionary: string): [unknown[], (compact: unknown[]) => string] {
  const dict = new TextEncoder().encode(dictionary);
  const json = new TextDecoder().decode(inflateSync(Buffer.from(link.slice(1), 'base64url'), { dictionary: dict }));
  const relink = (compact: unknown[]) => `1${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(compact)), { level: 9, dictionary: dict })).toString('base64url')}`;
  return [JSON.parse(json) as unknown[], relink];
}

async function freshDecoder(): Promise<Decode> {
  vi.resetModules();
  return (await import('../../src/timeline/share.ts')).decodeState;
}

/** Names of the committed links that still open as the plan they were made from. */
const stillOpening = (decode: Decode) => PINNED.filter(({ link, plan }) => JSON.stringify(decode(link)) === JSON.stringify(plan)).map((l) => l.name);

afterEach(() => {
  vi.doUnmock('../../src/timeline/share-dictionary.ts');
  vi.doUnmock('../../src/content/schema.ts');
  vi.doUnmock('../../src/timeline/plan.ts');
  vi.resetModules();
});

describe('reordering what a share link depends on breaks the committed links', () => {
  it('control: unchanged, every committed link opens', async () => {
    const decode = await freshDecoder();
    expect(stillOpening(decode)).toEqual(PINNED.map((l) => l.name));
    // The module loaded afresh keeps its frozen dictionary and its Dutch errors.
    const { SHARE_DICTIONARY, SHARE_DICTIONARY_SHA256 } = await import('../../src/timeline/share-dictionary.ts');
    expect(createHash('sha256').update(SHARE_DICTIONARY).digest('hex')).toBe(SHARE_DICTIONARY_SHA256);
    expect((decode('1!!!') as Error).message).toBe('Deze deellink is onvolledig of beschadigd. Kopieer de volledige link opnieuw, of vraag de afzender om een nieuwe link.');
    // A segment number one past the list is a damaged link, not a plan that "does not add up".
    const [compact, relink] = unpack(PINNED[1]!.link, SHARE_DICTIONARY);
    const meta = compact[1] as unknown[];
    meta[2] = 4;
    expect((decode(relink(compact)) as Error).message).toMatch(/^Deze deellink is onvolledig of beschadigd\./);
  });

  it('the dictionary with its pieces in another order (same bytes)', async () => {
    const { SHARE_DICTIONARY } = await vi.importActual<typeof import('../../src/timeline/share-dictionary.ts')>('../../src/timeline/share-dictionary.ts');
    const pieces = SHARE_DICTIONARY.split('"],["');
    expect(pieces.length).toBeGreaterThan(30);
    // Swap the two halves of the list: every piece keeps its bytes, only the order changes.
    const half = Math.floor(pieces.length / 2);
    const reordered = [...pieces.slice(half), ...pieces.slice(0, half)].join('"],["');
    expect([...reordered].sort().join('')).toBe([...SHARE_DICTIONARY].sort().join(''));
    vi.doMock('../../src/timeline/share-dictionary.ts', () => ({ SHARE_DICTIONARY: reordered }));
    const opening = stillOpening(await freshDecoder());
    // Every link that starts from a playbook text leans on the dictionary.
    for (const name of ['standaard', 'bewerkt', 'nederland']) expect(opening).not.toContain(name);
  });

  // A link breaks exactly when its plan uses a value that moved; the others must still open.
  it.each([
    ['channels', '../../src/content/schema.ts', 'CHANNELS', (p: Plan) => p.steps.map((s) => s.kanaal)],
    ['tones', '../../src/content/schema.ts', 'TONES', (p: Plan) => p.steps.map((s) => s.toon)],
    ['anchors', '../../src/timeline/plan.ts', 'ANCHORS', (p: Plan) => p.steps.map((s) => s.anchor)],
    ['pause reasons', '../../src/timeline/plan.ts', 'PAUSE_REASONS', (p: Plan) => p.pauses.map((s) => s.reason)],
  ] as const)('the list of %s reversed', async (_what, path, name, used) => {
    let moved: string[] = [];
    vi.doMock(path, async (importOriginal) => {
      const actual = await importOriginal<Record<string, unknown>>();
      const list = actual[name] as readonly string[];
      const reversed = [...list].reverse();
      moved = list.filter((v, i) => reversed[i] !== v);
      return { ...actual, [name]: reversed };
    });
    const opening = stillOpening(await freshDecoder());
    expect(moved.length).toBeGreaterThan(0);
    const unaffected = PINNED.filter((l) => !used(l.plan).some((v) => moved.includes(v))).map((l) => l.name);
    expect(unaffected.length).toBeLessThan(PINNED.length);
    expect(opening).toEqual(unaffected);
  });
});
