/** scripts/read-payments.ts: runs the readers over a folder and prints what each file gave. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'read-payments.ts');

describe('read-payments script', () => {
  it('prints per file what it read, the messages, and a total', () => {
    const out = execFileSync(process.execPath, [SCRIPT, join(ROOT, 'tests', 'fixtures', 'reconcile', 'files')], { encoding: 'utf8' });
    expect(out).toContain('kbc-2026-041.cod: coda, 6 bewegingen');
    expect(out).toContain('factuur F2026-0106 van 2026-10-09, vervalt 2026-11-08 (vervaldatum bij de betaalwijze): EUR 150.00');
    expect(out).toContain('[fout] dit XML-bestand is geen UBL-factuur en geen camt.053/054-uittreksel (het hoofdelement heet <bestelling>)');
    expect(out.trim().split('\n').at(-1)).toBe('18 bestanden: 9 facturen/creditnota\'s, 10 bewegingen (9 ontvangsten), 2 niet gelezen');
  });

  it('asks for a folder when none is given', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Gebruik: node scripts/read-payments.ts <map');
  });
});
