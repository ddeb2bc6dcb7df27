import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(process.cwd(), 'scripts/lint-content.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project root with one template (and the real word list), as the script reads it. */
function project(template: string): string {
  const root = mkdtempSync(join(tmpdir(), 'tijdig-lint-'));
  dirs.push(root);
  mkdirSync(join(root, 'content/templates'), { recursive: true });
  writeFileSync(join(root, 'content/templates/test-mail.md'), template);
  writeFileSync(join(root, 'content/woordenlijst.txt'), readFileSync(join(process.cwd(), 'content/woordenlijst.txt')));
  return root;
}

const run = (root: string) => spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });

const MAIL = `---
id: test-mail
soort: email
titel: Vriendelijke herinnering
doel: herinnering
toon: vriendelijk
segment: vip
gevallen: [be-onderneming]
onderwerp: "Factuur {{factuur.nummer}}"
preheader: "Een korte herinnering aan uw factuur."
---
Beste {{klant.contactpersoon}},

Factuur {{factuur.nummer}} staat nog open.

::factuurtabel

::betaalknop Nu betalen

::betaalgegevens

::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.

Vragen? Bel {{afzender.telefoon}}. Wij vragen nooit om codes of wachtwoorden.

Met vriendelijke groeten,

::handtekening
`;

describe('node scripts/lint-content.ts', () => {
  it('exits 0 on clean content', () => {
    const result = run(project(MAIL));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Content lint: ok — 1 templates, 0 workflows, 0 gidsen, \d+ woorden; woordenboek [\d,]+ s \(woordenlijst: \d+\), controle [\d,]+ s\n$/);
  });

  it('exits 1 and lists every problem with its rule', () => {
    const bad = MAIL.replace('staat nog open.', 'staat nog OPEN! Er komen kosten bij.').replace('Vragen?', 'Vragen of opmerkingen? Meld het ons, ook bij een fuot in de factuur.\n\nVragen?');
    const result = run(project(bad));
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('['));
    expect(lines).toEqual([
      '[toon-uitroepteken] content/templates/test-mail.md › regel 14: een uitroepteken past niet bij een bericht aan een VIP-klant',
      '[toon-hoofdletters] content/templates/test-mail.md › regel 14: "OPEN" in hoofdletters past niet bij een bericht aan een VIP-klant',
      '[toon-kosten] content/templates/test-mail.md › regel 14: "kosten" past niet bij de vriendelijke toon',
      '[spelling] content/templates/test-mail.md › regel 24: onbekend woord "fuot"',
    ]);
    expect(result.stderr).toMatch(/^Content lint: 4 probleem\/problemen gevonden\n/);
  });

  it('stops with the content check issues when the content does not load', () => {
    const result = run(project(MAIL.replace('doel: herinnering', 'doel: groet')));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Content lint: de content laadt niet (1 probleem/problemen); los eerst deze op:');
    expect(result.stderr).toContain('content/templates/test-mail.md › doel: ongeldige waarde de tekst "groet"');
  });
});
