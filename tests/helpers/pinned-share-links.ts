/**
 * The committed share links (tests/fixtures/timeline/share-links*.json) with the plan each must
 * open as. Written as text by earlier versions and never regenerated: the first file when the
 * format was made, the second with every field away from its default.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../src/timeline/index.ts';

export interface PinnedLink {
  readonly name: string;
  readonly link: string;
  readonly plan: Plan;
}

const read = (file: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/timeline', file), 'utf8')) as { links: PinnedLink[] }).links;

export const PINNED: readonly PinnedLink[] = [...read('share-links.json'), ...read('share-links-2026-12.json')];
