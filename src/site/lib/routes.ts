/** Every URL of the site in one place: links, the sitemap and the e2e tests agree on them. */
import { getContent } from './content.ts';
import { BULK_PAGE } from './bulk-routes.ts';
import { RECONCILE_PAGE } from './reconcile-handoff.ts';
import { EXPORT_SLUGS, EXPORTS_PAGE, exportUrl } from './exports-routes.ts';

export const HOME = '/';
export const GUIDES = '/gidsen/';
export const PLAYBOOKS = '/draaiboeken/';
export const TEMPLATES = '/sjablonen/';
export const DOWNLOADS_PAGE = '/downloaden/';
export const ABOUT = '/over/';
/** The interest and costs calculator. */
export const INTEREST_CALCULATOR = '/rekenhulp/';
/** The timeline builder; `?draaiboek=<id>` starts it from a playbook. */
export const TIMELINE = '/tijdlijn/';
/** The segmentation guide carries the calculator. */
export const SEGMENTATION_GUIDE = 'segmentatie';

export const guideUrl = (slug: string) => `${GUIDES}${slug}/`;
export const playbookUrl = (id: string) => `${PLAYBOOKS}${id}/`;
export const templateUrl = (id: string) => `${TEMPLATES}${id}/`;
/** Zips are written by the pack builder before `astro build` (public/downloads/), copied to dist/downloads/. */
export const zipUrl = (name: string) => `/downloads/${name}`;
export const timelineUrl = (playbookId?: string) => (playbookId ? `${TIMELINE}?draaiboek=${encodeURIComponent(playbookId)}` : TIMELINE);

/** The main menu. The segmentation guide is reached from the home page and Gidsen, to keep the bar on one line. */
export const NAV: readonly { href: string; label: string }[] = [
  { href: PLAYBOOKS, label: 'Draaiboeken' },
  { href: TEMPLATES, label: 'Sjablonen' },
  { href: TIMELINE, label: 'Tijdlijn' },
  { href: BULK_PAGE, label: 'Meerdere facturen' },
  { href: INTEREST_CALCULATOR, label: 'Interest berekenen' },
  { href: GUIDES, label: 'Gidsen' },
  { href: DOWNLOADS_PAGE, label: 'Downloaden' },
  { href: EXPORTS_PAGE, label: 'Exports' },
  { href: ABOUT, label: 'Over & privacy' },
];

/** Every indexable page, for the sitemap. */
export function allPaths(): string[] {
  const { guides, workflows, templates } = getContent();
  return [
    HOME,
    GUIDES,
    ...guides.map((g) => guideUrl(g.slug)),
    PLAYBOOKS,
    ...workflows.map((w) => playbookUrl(w.id)),
    TEMPLATES,
    ...templates.map((t) => templateUrl(t.id)),
    TIMELINE,
    INTEREST_CALCULATOR,
    BULK_PAGE,
    RECONCILE_PAGE,
    DOWNLOADS_PAGE,
    EXPORTS_PAGE,
    ...EXPORT_SLUGS.map(exportUrl),
    ABOUT,
  ];
}
