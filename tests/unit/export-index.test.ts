import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildExports } from '../../src/export/index.ts';
import { readContent } from '../../src/pack/read-content.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const content = loaded.content;
const options = { dueDate: '2026-10-31', dtstamp: '2026-01-01T00:00:00Z', linkBase: 'https://tijdig.example' };

describe('buildExports', async () => {
  const files = await buildExports(content, options);
  const paths = files.map((f) => f.path);
  const text = (path: string) => String(files.find((f) => f.path === path)!.data);

  it('gives the same files and bytes for the same input', async () => {
    const again = await buildExports(content, options);
    expect(again).toEqual(files);
  });

  it('lays out one exports/ folder with sorted, unique, non-empty files', () => {
    expect(paths.every((p) => p.startsWith('exports/'))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual([...paths].sort());
    for (const f of files) expect(String(f.data).length, f.path).toBeGreaterThan(0);
    for (const f of files) expect(String(f.data), f.path).not.toMatch(/\u0000/);
    for (const dir of ['ics/', 'csv/', 'email-services/ses/', 'email-services/sendgrid/', 'email-services/postmark/', 'email-services/mailgun/', 'invoice-ninja/', 'odoo/', 'killbill/', 'sms/', 'whatsapp/']) {
      expect(paths.some((p) => p.startsWith(`exports/${dir}`)), dir).toBe(true);
    }
    for (const w of content.workflows) {
      expect(paths).toContain(`exports/ics/${w.id}.ics`);
      expect(paths).toContain(`exports/csv/${w.id}-excel-nl.csv`);
      expect(paths).toContain(`exports/invoice-ninja/${w.id}.json`);
    }
  });

  it('makes the Kill Bill file for the subscription workflow when there is one', () => {
    const killbill = paths.filter((p) => p.startsWith('exports/killbill/'));
    if (content.workflows.some((w) => w.id === 'abonnement')) expect(killbill).toEqual(['exports/killbill/overdue-abonnement.xml']);
    else expect(killbill.length).toBeGreaterThan(0);
  });

  it('explains every folder in a Dutch LEESMIJ with CRLF line ends', () => {
    const leesmij = text('exports/LEESMIJ-export.txt');
    expect(leesmij.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const heading of ['ics/', 'csv/', 'email-services/', 'invoice-ninja/', 'odoo/', 'killbill/']) expect(leesmij).toContain(heading);
    expect(leesmij).toContain('31-10-2026');
    for (const w of content.workflows) expect(leesmij).toContain(w.titel);
  });

  it('writes the user\'s sender details into tool templates when data is given', async () => {
    const personal = await buildExports(content, { ...options, data: { afzender: { iban: 'BE71 0961 2345 6769', naam: 'Bakkerij Zoë' } } });
    const ninja = personal.filter((f) => f.path.startsWith('exports/invoice-ninja/')).map((f) => String(f.data)).join('');
    expect(ninja).toContain('BE71 0961 2345 6769');
    expect(ninja).not.toContain('[IBAN]');
    expect(String(personal.find((f) => f.path === 'exports/csv/samenvoegvelden-excel-nl.csv')!.data)).toContain('Bakkerij Zoë');
  });
});

describe('src/export in the browser', () => {
  it('bundles for the browser without any Node built-in', async () => {
    // esbuild (already installed for Vite) fails to resolve node:* or fs when the platform is browser.
    const result = await build({ entryPoints: ['src/export/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/from ["']node:|require\(["'](fs|path|crypto)["']\)/);
  });
});
