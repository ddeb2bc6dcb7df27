/**
 * The command line (bin/tijdig.mjs → src/cli) as a user runs it: a child process on small own
 * fixtures and broken files. Checks the exit code, the Dutch message that names row and column,
 * that a failed run leaves no file (not even a temporary one) and keeps an older zip intact, and
 * reads the zip back with jszip, papaparse, mailparser and poppler's pdftotext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tijdig.mjs');
const FIX = join(ROOT, 'tests', 'fixtures', 'cli');
const work = mkdtempSync(join(tmpdir(), 'tijdig-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tijdig(args: readonly string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh, empty output folder per run, so "nothing is left" is a plain listing. */
let outNo = 0;
function outDir(): string {
  const dir = join(work, `uit-${++outNo}`);
  execFileSync('mkdir', ['-p', dir]);
  return dir;
}

const BASE = ['--datum', '2026-06-15', '--afzender', join(FIX, 'afzender.yaml')];

function pdfText(bytes: Uint8Array): string {
  const file = join(work, `brief-${++outNo}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const overview = async (zip: JSZip) =>
  Object.fromEntries(Papa.parse<Record<string, string>>((await zip.file('00_overzicht.csv')!.async('string')).replace(/^\ufeff/, ''), { delimiter: ';', header: true, skipEmptyLines: true }).data.map((r) => [r['Klantnummer'], r]));

describe('tijdig herinneringen on a good file, each customer at the step due today', () => {
  let run: Run;
  let dir: string;
  let zip: JSZip;
  beforeAll(async () => {
    dir = outDir();
    run = tijdig(['herinneringen', join(FIX, 'facturen.csv'), '--draaiboek', 'standaard', '--uit', join(dir, 'herinneringen.zip'), ...BASE]);
    zip = await JSZip.loadAsync(readFileSync(join(dir, 'herinneringen.zip')));
  });

  it('exits 0, says what it made on stdout and leaves only the zip', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^herinneringen\.zip is gemaakt: 2 klanten met een bericht, \d nog zonder stap, \d overgeslagen \(5 facturen, \d+ bestanden/);
    expect(readdirSync(dir)).toEqual(['herinneringen.zip']);
  });

  it('writes the e-mail of the customer 7 days late as an .eml addressed to the row\'s address', async () => {
    const folder = (await overview(zip))['K-02']!['Map']!;
    expect(folder).toMatch(/^e-mail\/\d+_garage-van-acker-nv$/);
    const name = Object.keys(zip.files).find((n) => n.startsWith(`${folder}/`) && n.endsWith('.eml'))!;
    const mail = await simpleParser(Buffer.from(await zip.file(name)!.async('uint8array')));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe('info@vanacker.example');
    expect(mail.from?.value[0]?.address).toBe('boekhouding@goudenkorst.example');
    expect(mail.text).toContain('2026-0140');
    expect(mail.text).toContain('€ 860,50');
    expect(mail.html).toContain('href="https://betalen.goudenkorst.example/factuur"'); // betaallink from the sender file
  });

  it('lists every customer in the overview, with the reason a customer gets nothing', async () => {
    const byCustomer = await overview(zip);
    expect(Object.keys(byCustomer).sort()).toEqual(['K-01', 'K-02', 'K-03', 'K-04']);
    expect(byCustomer['K-01']!['Status']).toBe('aangemaakt');
    expect(byCustomer['K-01']!['Openstaand (EUR)']).toBe('1484,56');
    // No e-mail address and no step that needs none: no message, and the overview says why.
    expect(['overgeslagen', 'wachten']).toContain(byCustomer['K-03']!['Status']);
    expect(byCustomer['K-03']!['Map']).toBe('');
    expect(byCustomer['K-03']!['Opmerkingen']).not.toBe('');
    expect(byCustomer['K-04']!['Status']).toBe('wachten');
    const readme = await zip.file('00_LEESMIJ.txt')!.async('string');
    expect(readme).toContain('op uw eigen computer gemaakt');
  });
});

describe('tijdig herinneringen --stap: one step for everybody', () => {
  let dir: string;
  let zip: JSZip;
  const args = () => ['herinneringen', join(FIX, 'facturen.csv'), '--stap', '6', ...BASE];
  beforeAll(async () => {
    dir = outDir();
    const run = tijdig([...args(), '--uit', join(dir, 'h.zip')], { SOURCE_DATE_EPOCH: '1781510400' });
    // Warnings only (the Dutch customer's letter lacks a Belgian-only field), no error.
    expect(run.stderr).not.toContain('tijdig:');
    expect(run.code).toBe(0);
    zip = await JSZip.loadAsync(readFileSync(join(dir, 'h.zip')));
  });

  it('writes the registered letter (step 6, D+40) with the rows\' invoices as a PDF', async () => {
    const folder = (await overview(zip))['K-01']!['Map']!;
    expect(folder).toBe('aangetekende-brief/001_brasserie-het-pleintje-bv');
    expect(Object.keys(zip.files).filter((n) => n.startsWith(`${folder}/`)).sort()).toEqual(['docx', 'pdf', 'txt'].map((ext) => `${folder}/standaard-d40-ingebrekestelling.${ext}`));
    const text = pdfText(await zip.file(`${folder}/standaard-d40-ingebrekestelling.pdf`)!.async('uint8array'));
    expect(text).toContain('Bakkerij De Gouden Korst bv'); // the sender file
    expect(text).toContain('Brasserie Het Pleintje bv Marktplein 3 9000 Gent'); // the row's address block
    expect(text).toContain('Gent, 15 juni 2026'); // --datum
    for (const part of ['2026-0101', '2026-0117', '€ 1.234,56', '€ 250,00', '€ 1.484,56', 'BE71 0961 2345 6769']) expect(text).toContain(part);
  });

  it('gives the same bytes for the same input and SOURCE_DATE_EPOCH', () => {
    const again = outDir();
    const second = tijdig([...args(), '--uit', join(again, 'h.zip'), '--stil'], { SOURCE_DATE_EPOCH: '1781510400' });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(''); // --stil
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(sha(join(again, 'h.zip'))).toBe(sha(join(dir, 'h.zip')));
  });
});

describe('tijdig herinneringen on bad files', () => {
  it('stops on a bad date with exit 1, names row and column in Dutch, and writes nothing', () => {
    const dir = outDir();
    const run = tijdig(['herinneringen', join(FIX, 'slechte-datum.csv'), '--uit', join(dir, 'h.zip'), ...BASE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('slechte-datum.csv, rij 5, kolom "Vervaldatum": ongeldige vervaldatum');
    expect(run.stderr).toContain('31-02-2026 bestaat niet');
    expect(run.stderr).toContain('er is geen zip gemaakt');
    expect(run.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says in Dutch that the temporary folder cannot be used (launcher and command alike), exit 1, and writes nothing', () => {
    const launcherAndCommand: Record<string, string>[] = [{ TMPDIR: join(work, 'bestaat-niet') }, { TMPDIR: join(work, 'bestaat-niet'), NODE_OPTIONS: '--max-old-space-size=512' }];
    for (const env of launcherAndCommand) {
      const dir = outDir();
      const run = tijdig(['herinneringen', join(FIX, 'facturen.csv'), '--uit', join(dir, 'h.zip'), ...BASE], env);
      expect(run.code, JSON.stringify(env)).toBe(1);
      expect(run.stderr.toLowerCase()).toContain(`de tijdelijke map ${join(work, 'bestaat-niet')} is niet bruikbaar (enoent)`.toLowerCase());
      expect(run.stderr).toContain('TMPDIR=');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('keeps an older zip untouched when a run fails', () => {
    const dir = outDir();
    writeFileSync(join(dir, 'h.zip'), 'de zip van vorige maand');
    const run = tijdig(['herinneringen', join(FIX, 'slechte-datum.csv'), '--uit', join(dir, 'h.zip'), ...BASE]);
    expect(run.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['h.zip']);
    expect(readFileSync(join(dir, 'h.zip'), 'utf8')).toBe('de zip van vorige maand');
  });

  it('skips the bad row with --sla-fouten-over and lists it in 00_meldingen.csv', async () => {
    const dir = outDir();
    const run = tijdig(['herinneringen', join(FIX, 'slechte-datum.csv'), '--uit', join(dir, 'h.zip'), '--sla-fouten-over', ...BASE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 rij overgeslagen');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'h.zip')));
    const issues = Papa.parse<string[]>((await zip.file('00_meldingen.csv')!.async('string')).replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    expect(issues[0]).toEqual(['Rij', 'Kolom', 'Waarde', 'Soort', 'Melding']);
    expect(issues.slice(1).find((r) => r[0] === '5' && r[1] === 'Vervaldatum')?.[3]).toBe('fout');
  });

  it('stops when a required column is missing, naming the column and the headers it found', () => {
    const dir = outDir();
    const run = tijdig(['herinneringen', join(FIX, 'zonder-vervaldatum.csv'), '--uit', join(dir, 'h.zip'), ...BASE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('niet alle nodige kolommen zijn gevonden');
    expect(run.stderr).toContain('de vervaldatum');
    expect(run.stderr).toContain('"Factuurdatum"');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('accepts the missing due date with --betaaltermijn (invoice date + days)', () => {
    const dir = outDir();
    const run = tijdig(['herinneringen', join(FIX, 'zonder-vervaldatum.csv'), '--uit', join(dir, 'h.zip'), '--betaaltermijn', '30', ...BASE]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['h.zip']);
  });

  it('stops on an empty file with exit 1', () => {
    const dir = outDir();
    const run = tijdig(['herinneringen', join(FIX, 'leeg.csv'), '--uit', join(dir, 'h.zip'), ...BASE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('tijdig: leeg.csv: het bestand is leeg; er staan geen facturen in.\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops on a file with only a header row', () => {
    const dir = outDir();
    const file = join(dir, 'alleen-kop.csv');
    writeFileSync(file, `${readFileSync(join(FIX, 'facturen.csv'), 'utf8').split('\r\n')[0]}\r\n`);
    const run = tijdig(['herinneringen', file, '--uit', join(dir, 'h.zip'), ...BASE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('er staan geen rijen onder de kopregel');
    expect(readdirSync(dir)).toEqual(['alleen-kop.csv']);
  });

  it('says so when the input file does not exist', () => {
    const run = tijdig(['herinneringen', join(work, 'bestaat-niet.csv'), ...BASE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bestaat-niet.csv bestaat niet of kan niet gelezen worden');
  });

  it('names the field of a sender file that is wrong', () => {
    const dir = outDir();
    const sender = join(dir, 'afzender.json');
    writeFileSync(sender, JSON.stringify({ afzender: { naam: 'X', fax: '09 000 00 00' } }));
    const run = tijdig(['herinneringen', join(FIX, 'facturen.csv'), '--uit', join(dir, 'h.zip'), '--datum', '2026-06-15', '--afzender', sender]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('afzender.fax: onbekend veld "fax"');
    expect(readdirSync(dir)).toEqual(['afzender.json']);
  });
});

describe('tijdig: use and help', () => {
  it('prints Dutch help with every option and playbook, exit 0', () => {
    const run = tijdig(['--help']);
    expect(run.code).toBe(0);
    for (const part of ['npx tijdig herinneringen <facturen.csv>', '--draaiboek', '--uit', '--afzender', '--sla-fouten-over', 'wanbetaler', 'Uitkomst (exitcode)']) expect(run.stdout).toContain(part);
  });

  it.each([
    [['herinneringen'], 'Geef het CSV-bestand'],
    [['herinneringen', 'f.csv', '--onbekend'], 'Onbekende optie --onbekend'],
    [['herinneringen', 'f.csv', '--datum', '15-06-2026'], '--datum verwacht een datum als jjjj-mm-dd'],
    [['herinneringen', 'f.csv', '--land', 'fr'], '--land verwacht be (België) of nl (Nederland)'],
    [['herinneringen', 'f.csv', '--formaten', 'pdf,odt'], '--formaten verwacht een lijst'],
    [['herinneringen', 'f.csv', '--uit'], '--uit verwacht een waarde'],
    [['versturen', 'f.csv'], 'Onbekende opdracht "versturen"'],
    [['herinneringen', join(FIX, 'facturen.csv'), '--draaiboek', 'streng'], 'Onbekend draaiboek "streng". Kies uit:'],
  ])('exits 2 on wrong use: %j', (args, message) => {
    const run = tijdig(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('writes Markdown files when asked (--formaten md): a format added by its renderer and one registry line', async () => {
    const dir = outDir();
    const run = tijdig(['herinneringen', join(FIX, 'facturen.csv'), '--uit', join(dir, 'h.zip'), '--formaten', 'md', ...BASE]);
    expect(run.code, run.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'h.zip')));
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    // Only Markdown in the customers' folders: the overview files at the top stay as they are.
    expect(Object.keys(zip.files).filter((n) => n.includes('/') && /\.(txt|pdf|docx|eml|html)$/.test(n))).toEqual([]);
    const first = await zip.file(names[0]!)!.async('string');
    expect(first.trim().split('\n').length).toBeGreaterThan(3);
  });

  it('draws no progress bar when stderr is not a terminal (a scheduled job\'s log stays clean)', () => {
    const dir = outDir();
    const run = tijdig(['herinneringen', join(FIX, 'facturen.csv'), '--uit', join(dir, 'h.zip'), '--formaten', 'txt', ...BASE]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('\x1b[');
    expect(run.stderr).not.toContain('\r');
  });
});
