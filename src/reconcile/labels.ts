/** Words the reconcile page shows, apart from the heavier modules, so the page's own script stays small. */
export const AGEING_BUCKETS = ['Nog niet vervallen', '1–30 dagen', '31–60 dagen', '61–90 dagen', 'Meer dan 90 dagen'] as const;
