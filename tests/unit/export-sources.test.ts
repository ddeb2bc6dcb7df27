/**
 * The export pages say what each export was checked against: the versions and, per source, the
 * repository, commit and files recorded in src/export/sources. And what the tools' code requires
 * is on the page where the user needs it (headers, accounts, plan limits).
 */
import { describe, expect, it } from 'vitest';
import { exportTargets } from '../../src/site/lib/exports.ts';
import { INVOICE_NINJA_RULES, INVOICE_NINJA_SOURCES } from '../../src/export/sources/invoice-ninja.ts';
import { KILLBILL_RULES, KILLBILL_SOURCES } from '../../src/export/sources/killbill.ts';
import { OCA_SOURCES } from '../../src/export/sources/oca-credit-control.ts';
import { ODOO_FOLLOWUP_SOURCES, ODOO_FOLLOWUP_VERSIONS } from '../../src/export/sources/odoo-followup.ts';

const targets = await exportTargets();
const page = (slug: string) => {
  const t = targets.find((x) => x.slug === slug);
  if (!t) throw new Error(`no export page ${slug}`);
  return { ...t, all: [...t.what, ...t.steps.map((s) => `${s.text} ${s.code ?? ''}`), ...t.warnings, ...t.notCarried, ...t.checked, ...t.notCarriedPer.flatMap((g) => g.items)].join('\n') };
};

describe('export pages: checked against', () => {
  it('every page says what it was checked against, in Dutch', () => {
    for (const t of targets) {
      expect(t.checked.length, t.slug).toBeGreaterThan(0);
      // The records' notes are Dutch; no English left on a page.
      expect(t.checked.join(' '), t.slug).not.toMatch(/\b(not checked|assumed|branch|copy of)\b/i);
    }
  });

  it('tool pages name every recorded source by repository, short commit and file', () => {
    for (const [slug, sources] of [['invoice-ninja', INVOICE_NINJA_SOURCES], ['kill-bill', KILLBILL_SOURCES], ['odoo', [...OCA_SOURCES, ...ODOO_FOLLOWUP_SOURCES]]] as const) {
      const checked = page(slug).checked.join('\n');
      for (const source of sources) {
        expect(checked, `${slug}: ${source.repo}`).toContain(`\`${source.repo}\` ${source.ref} (commit ${source.commit.slice(0, 7)}`);
        for (const path of source.paths) expect(checked).toContain(path);
      }
    }
  });

  it('Odoo: each version 13-18 is listed with how far it was checked', () => {
    const checked = page('odoo').checked;
    for (const v of ODOO_FOLLOWUP_VERSIONS) expect(checked.some((c) => c.startsWith(`Odoo Opvolging ${v.version}: `)), v.version).toBe(true);
    expect(checked.filter((c) => c.includes('niet nagekeken')).length).toBe(ODOO_FOLLOWUP_VERSIONS.filter((v) => v.checked === 'none').length);
  });

  it('says what the tools require, where the user needs it', () => {
    const ninja = page('invoice-ninja').all;
    expect(ninja).toContain(INVOICE_NINJA_RULES.authHeader);
    expect(ninja).toMatch(/betaald abonnement/);
    expect(ninja).toMatch(/ook “uit” en 0/);
    expect(ninja).not.toMatch(/kunt u daar (dus )?niet uitzetten/);
    const killbill = page('kill-bill').all;
    for (const h of [...KILLBILL_RULES.tenantHeaders, KILLBILL_RULES.requiredHeader]) expect(killbill).toContain(h);
    expect(killbill).not.toMatch(/unverified|niet nagekeken/);
    const odoo = page('odoo').all;
    expect(odoo).toContain('account_ids');
    expect(odoo).toMatch(/vóór de vervaldag kan niet/);
    expect(page('mailgun').all).toMatch(/één aanvraag/);
    expect(page('amazon-ses').all).toContain('test-render-template');
  });
});
