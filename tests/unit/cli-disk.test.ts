/**
 * The command line groups on disk (src/cli/disk-groups.ts): its records go to bucket files and
 * come back one bucket at a time. Split over many buckets, the same file must give the same
 * customers, notes and letters as one bucket (and as the page's in-memory grouping), including a
 * customer whose invoices are far apart in the file, rows without a customer number that join
 * one, and invoice numbers or references two customers share. Its private temporary folder must
 * be gone after a good run, a run stopped by a bad row and a run stopped with Ctrl+C, and nothing
 * half-written may be left beside the zip.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupInvoices, type CustomerGroup } from '../../src/bulk/group.ts';
import { prepareBulk } from '../../src/bulk/prepare.ts';
import { diskGroups } from '../../src/cli/disk-groups.ts';
import { invoiceLines } from '../../scripts/bulk-data.ts';
import { workflow } from '../fixtures/bulk/setup.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tijdig.mjs');
const SENDER = join(ROOT, 'tests', 'fixtures', 'cli', 'afzender.yaml');
const work = mkdtempSync(join(tmpdir(), 'tijdig-cli-disk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HEADER = 'Klantnummer;Klant;E-mail;Straat;Postcode;Gemeente;Land;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag;Openstaand';
/** Own made-up rows; K-10's invoices are the first and the last row, with a numberless one between. */
const ROWS = [
  'K-10;Bakkerij Noord;info@noord.example;Noordstraat 1;9000;Gent;BE;2026-0001;01-03-2026;31-03-2026;100,00;100,00',
  ';Slagerij Oost;oost@oost.example;Ooststraat 2;2000;Antwerpen;BE;2026-0002;01-04-2026;01-05-2026;200,00;200,00',
  'K-11;Garage Zuid;zuid@zuid.example;Zuidstraat 3;3000;Leuven;BE;2026-0010;01-04-2026;20-05-2026;300,00;300,00',
  // No customer number: joins K-10, the one numbered customer of that name.
  ';Bakkerij Noord;;Noordstraat 1;9000;Gent;BE;2026-0003;01-04-2026;10-05-2026;150,00;150,00',
  // No number and no address: joins the one address of its name.
  ';Slagerij Oost;;Ooststraat 2;2000;Antwerpen;BE;2026-0004;05-04-2026;05-05-2026;50,00;50,00',
  // 2026-0002 for three customers: each gets a note naming the other two.
  'K-12;Kapper West;west@west.example;Weststraat 4;8000;Brugge;BE;2026-0002;01-03-2026;01-04-2026;75,00;75,00',
  'K-13;Hotel Plaza;plaza@plaza.example;Plein 5;1000;Brussel;BE;2026-0002;01-03-2026;01-04-2026;80,00;80,00',
  // Two addresses for one name: three customers (the row without an address stays on its own).
  ';Bloemen Zee;zee1@zee.example;Strand 6;8400;Oostende;BE;2026-0020;01-04-2026;01-05-2026;60,00;60,00',
  ';Bloemen Zee;zee2@zee.example;Strand 6;8400;Oostende;BE;2026-0021;01-04-2026;02-05-2026;61,00;61,00',
  ';Bloemen Zee;;Strand 6;8400;Oostende;BE;2026-0022;01-04-2026;03-05-2026;62,00;62,00',
  // One name, two numbers: the numberless row joins neither.
  'K-20;Café Dubbel;dubbel1@dubbel.example;Kaai 7;9000;Gent;BE;2026-0030;01-04-2026;01-05-2026;70,00;70,00',
  'K-21;Café Dubbel;dubbel2@dubbel.example;Kaai 8;9000;Gent;BE;2026-0031;01-04-2026;01-05-2026;71,00;71,00',
  ';Café Dubbel;dubbel3@dubbel.example;Kaai 9;9000;Gent;BE;2026-0032;01-04-2026;01-05-2026;72,00;72,00',
  // Invoice numbers "30" and "A30": the same generated reference, so neither letter uses it.
  'K-30;Drukkerij Een;een@een.example;Drukweg 1;3500;Hasselt;BE;30;01-04-2026;01-05-2026;90,00;90,00',
  'K-31;Drukkerij Twee;twee@twee.example;Drukweg 2;3500;Hasselt;BE;A30;01-04-2026;01-05-2026;91,00;91,00',
  // A Dutch customer at an e-mail step: the Dutch variant of the e-mail.
  'K-40;Tuin & Co;tuin@tuin.example;Tuinlaan 9;1015 CJ;Amsterdam;NL;2026-0040;01-04-2026;01-05-2026;400,00;400,00',
  'K-41;Fout bv;fout@fout.example;Foutweg 1;9000;Gent;BE;2026-0041;01-04-2026;31-02-2026;10,00;10,00',
  'K-42;Toekomst nv;toe@toekomst.example;Laan 1;9000;Gent;BE;2026-0042;01-06-2026;01-08-2026;10,00;10,00',
  'K-10;Bakkerij Noord bvba;info@noord.example;Noordstraat 1;9000;Gent;BE;2026-0099;01-05-2026;01-06-2026;500,00;500,00',
];
const CSV = `${[HEADER, ...ROWS].join('\r\n')}\r\n`;
const TODAY = '2026-06-15';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let runNo = 0;
/** A run with its own TMPDIR, so what it leaves in the temporary folder is a plain listing. */
function tijdig(args: readonly string[], env: Record<string, string> = {}): Run & { tmp: string } {
  const tmp = join(work, `tmp-${++runNo}`);
  mkdirSync(tmp);
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, SOURCE_DATE_EPOCH: '1781510400', ...env }, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, tmp };
}

function outDir(): string {
  const dir = join(work, `uit-${++runNo}`);
  mkdirSync(dir);
  return dir;
}

describe('grouping on disk equals grouping in memory', () => {
  const prepared = prepareBulk(CSV, { today: TODAY, workflow: workflow('standaard') });
  const options = { today: TODAY, jurisdiction: 'be' as const, klanttype: 'onderneming' as const };
  const inMemory = groupInvoices(prepared.validation.invoices, options);

  for (const buckets of [1, 3, 16]) {
    it(`gives the same customers, in the same order, with the same notes, over ${buckets} bucket${buckets === 1 ? '' : 's'}`, async () => {
      const dir = mkdtempSync(join(work, 'groups-'));
      const disk = diskGroups((name) => join(dir, name), buckets);
      for (const record of prepared.validation.invoices) disk.add(record);
      expect(await disk.finish(options)).toBe(inMemory.length);
      const groups: CustomerGroup[] = [...disk.groups()].map((g) => g.group);
      // Through JSON, as the disk keeps them: absent and undefined fields compare alike.
      expect(groups).toEqual(JSON.parse(JSON.stringify(inMemory)));
      if (buckets > 1) expect(new Set([...disk.groups()].map((g) => g.bucket)).size).toBeGreaterThan(1);
    });
  }

  it('keeps what the tricky rows are there for', () => {
    const noord = inMemory.find((g) => g.key === 'nr:K-10')!;
    expect(noord.invoices.map((i) => i.nummer)).toEqual(['2026-0001', '2026-0003', '2026-0099']);
    expect(inMemory.filter((g) => g.klant.naam === 'Bloemen Zee')).toHaveLength(3);
    expect(inMemory.find((g) => g.key === 'nr:K-12')!.notes.map((n) => n.message)).toContain('factuurnummer 2026-0002 staat ook bij Hotel Plaza, Slagerij Oost; kijk na welke klant deze factuur echt kreeg');
    expect(inMemory.find((g) => g.key === 'nr:K-30')!.mededeling).toBeUndefined();
  });
});

describe('tijdig herinneringen over many buckets', () => {
  let csv: string;
  let one: Run & { tmp: string; zip: JSZip; bytes: Buffer };
  let many: Run & { tmp: string; zip: JSZip; bytes: Buffer };
  const run = async (bucketBytes: string) => {
    const dir = outDir();
    const result = tijdig(['herinneringen', csv, '--datum', TODAY, '--afzender', SENDER, '--sla-fouten-over', '--uit', join(dir, 'h.zip')], { TIJDIG_BUCKET_BYTES: bucketBytes });
    expect(result.stderr).not.toContain('tijdig:');
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['h.zip']);
    const bytes = readFileSync(join(dir, 'h.zip'));
    return { ...result, zip: await JSZip.loadAsync(bytes), bytes };
  };
  beforeAll(async () => {
    csv = join(work, 'verspreid.csv');
    writeFileSync(csv, CSV);
    one = await run(String(1024 ** 3));
    // A few hundred bytes a bucket: this file goes to dozens of buckets.
    many = await run('200');
  });

  it('makes the same files with the same text as one bucket', async () => {
    const names = Object.keys(one.zip.files);
    expect(Object.keys(many.zip.files)).toEqual(names);
    const texts = names.filter((n) => /\.(txt|csv|ics)$/.test(n));
    expect(texts.length).toBeGreaterThan(15);
    for (const name of texts) expect(await many.zip.file(name)!.async('string'), name).toBe(await one.zip.file(name)!.async('string'));
    // And, the dates fixed, the same bytes.
    expect(many.bytes.equals(one.bytes)).toBe(true);
  });

  it('writes one letter for the customer whose invoices are far apart, with every invoice', async () => {
    const folders = Object.keys(many.zip.files).filter((n) => n.endsWith('.txt') && n.includes('bakkerij-noord'));
    expect(folders).toHaveLength(1);
    const text = await many.zip.file(folders[0]!)!.async('string');
    for (const nummer of ['2026-0001', '2026-0003', '2026-0099']) expect(text).toContain(nummer);
  });

  it('lists the rows in file order in 00_meldingen.csv, shared invoice numbers included', async () => {
    const notes = await many.zip.file('00_meldingen.csv')!.async('string');
    const rows = notes.trim().split('\r\n').slice(1).map((l) => Number(l.split(';')[0]!.replace(/"/g, '')));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(notes).toContain('factuurnummer 2026-0002 staat ook bij Kapper West, Hotel Plaza');
    expect(notes).toContain('ongeldige vervaldatum: 31-02-2026 bestaat niet');
  });

  it('writes the Dutch e-mail for the Dutch customer', () => {
    expect(Object.keys(many.zip.files).some((n) => /tuin-co\/nl-.*\.eml$/.test(n))).toBe(true);
  });

  it('leaves nothing in the temporary folder', () => {
    expect(readdirSync(one.tmp)).toEqual([]);
    expect(readdirSync(many.tmp)).toEqual([]);
  });
});

/** Whether the run's bucket files are somewhere in `tmp` (the launcher's folder holds the command's). */
const bucketFiles = (tmp: string) => (readdirSync(tmp, { recursive: true }) as string[]).some((n) => basename(n).startsWith('klant-'));

/** A run of 3,000 invoices, waiting until it writes its zip. */
async function startLargeRun(detached = false) {
  const dir = outDir();
  const tmp = join(work, `tmp-${++runNo}`);
  mkdirSync(tmp);
  const csv = join(work, 'groot.csv');
  const out = createWriteStream(csv);
  // Large enough that the run is still writing seconds after it starts (a signal must find it busy).
  for (const line of invoiceLines(8_000, TODAY)) out.write(`${line}\r\n`);
  out.end();
  await once(out, 'close');
  const env = { ...process.env, TMPDIR: tmp, TIJDIG_BUCKET_BYTES: '20000', NODE_OPTIONS: '' };
  const child = spawn(process.execPath, [BIN, 'herinneringen', csv, '--datum', TODAY, '--afzender', SENDER, '--stil', '--uit', join(dir, 'h.zip')], { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'], detached });
  const run = { child, dir, tmp, stderr: '', exited: once(child, 'exit') as Promise<[number | null, string | null]> };
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
  // Wait until the run is writing: its bucket files are in the temporary folder and the zip's temporary file exists.
  const deadline = Date.now() + 90_000;
  while (!(bucketFiles(tmp) && readdirSync(dir).length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(readdirSync(dir)[0]).toMatch(/^\.h\.zip\.\d+\.tmp$/);
  return run;
}

describe('the temporary folder is removed when a run stops', () => {
  it('after a bad row (exit 1, no zip)', () => {
    const dir = outDir();
    const csv = join(work, 'fout.csv');
    writeFileSync(csv, CSV);
    const result = tijdig(['herinneringen', csv, '--datum', TODAY, '--afzender', SENDER, '--uit', join(dir, 'h.zip')], { TIJDIG_BUCKET_BYTES: '200' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fout.csv, rij 18, kolom "Vervaldatum": ongeldige vervaldatum');
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(result.tmp)).toEqual([]);
  });

  // The launcher (bin/tijdig.mjs) runs the command in a child process: a signal sent to the
  // launcher alone must reach it, and Ctrl+C in a terminal (the whole process group, so the
  // command gets it twice: from the terminal and passed on) must not cut its cleanup short.
  it.each([
    ['sent to the launcher (kill, a scheduler)', false],
    ['from a terminal (every process of the group)', true],
  ])('after Ctrl+C while the zip is written, %s (exit 130, no zip, no temporary zip)', async (_, group) => {
    const run = await startLargeRun(group);
    if (group) process.kill(-run.child.pid!, 'SIGINT');
    else run.child.kill('SIGINT');
    const [code] = await run.exited;
    expect(code).toBe(130);
    expect(run.stderr).toContain('gestopt; er is geen zip geschreven');
    expect(readdirSync(run.dir)).toEqual([]);
    expect(readdirSync(run.tmp)).toEqual([]);
  }, 120_000);
});

describe('the launcher cleans up after a command that could not', () => {
  it('removes the temporary zip and folder when the command is killed while it writes', async () => {
    const run = await startLargeRun();
    const command = Number(readFileSync(`/proc/${run.child.pid}/task/${run.child.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
    expect(command).toBeGreaterThan(0);
    process.kill(command, 'SIGKILL');
    const [code] = await run.exited;
    expect(code).toBe(137);
    expect(readdirSync(run.dir)).toEqual([]);
    expect(readdirSync(run.tmp)).toEqual([]);
  }, 120_000);

  it('says in Dutch that memory ran out (exit 3) and leaves nothing', () => {
    const dir = outDir();
    const result = tijdig(['herinneringen', join(ROOT, 'tests/fixtures/cli/facturen.csv'), '--datum', TODAY, '--afzender', SENDER, '--uit', join(dir, 'h.zip')], { TIJDIG_HEAP_MIB: '8', NODE_OPTIONS: '' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('tijdig: het geheugen voor deze run (8 MB) was te klein; er is geen zip geschreven');
    expect(result.stderr).toContain('NODE_OPTIONS=--max-old-space-size=');
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(result.tmp)).toEqual([]);
  });
});

describe('the launcher bounds the heap', () => {
  /** The command's heap limit in MiB, from its memory trace (TIJDIG_MEMORY_TRACE). */
  const heapLimit = (nodeOptions: string | undefined) => {
    const csv = join(work, 'klein.csv');
    writeFileSync(csv, CSV);
    const dir = outDir();
    // An empty NODE_OPTIONS counts as none set.
    const result = tijdig(['herinneringen', csv, '--datum', TODAY, '--afzender', SENDER, '--sla-fouten-over', '--stil', '--uit', join(dir, 'h.zip')], { TIJDIG_MEMORY_TRACE: '10', NODE_OPTIONS: nodeOptions ?? '' });
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['h.zip']);
    const limits = result.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { heapLimit: number }).heapLimit);
    expect(limits.length).toBeGreaterThan(0);
    return limits[0]!;
  };

  it('runs the command with a heap of a few hundred MiB, so a long run cannot fill memory with garbage', () => {
    const limit = heapLimit(undefined);
    expect(limit).toBeGreaterThan(200);
    expect(limit).toBeLessThan(400);
  });

  it("keeps the user's own Node options", () => {
    expect(heapLimit('--max-old-space-size=1536')).toBeGreaterThan(1500);
  });
});
