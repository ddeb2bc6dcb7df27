import { describe, expect, it } from 'vitest';

describe('the export pages', () => {
  it('list every target the export page builder describes, so all reach the sitemap', async () => {
    const { EXPORT_SLUGS } = await import('../../src/site/lib/exports-routes.ts');
    const { exportTargets } = await import('../../src/site/lib/exports.ts');
    expect((await exportTargets()).map((t) => t.slug)).toEqual([...EXPORT_SLUGS]);
  });
});
