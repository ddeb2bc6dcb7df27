import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack, sha256, type PackResult } from '../../src/pack/build.ts';
import { FORMATS_FOR_CHANNEL } from '../../src/render/formats.ts';
import { slugify } from '../../src/vocabulary/naming.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { stepTitle } from '../../src/pack/layout.ts';

const date = new Date('2026-01-01T00:00:00Z');
let first: { dir: string; result: PackResult };
let second: { dir: string; result: PackResult };

async function build() {
  const dir = mkdtempSync(join(tmpdir(), 'tijdig-pack-'));
  return { dir, result: await buildPack({ root: process.cwd(), outDir: dir, date }) };
}

const zip = async (dir: string, name: string) => JSZip.loadAsync(readFileSync(join(dir, 'downloads', name)));

describe('the downloadable pack', () => {
  beforeAll(async () => {
    first = await build();
    second = await build();
  }, 120_000);

  it('is byte-identical across two builds of the same content', () => {
    const zipsOf = (dir: string) => Object.fromEntries(readdirSync(join(dir, 'downloads')).map((n) => [n, sha256(readFileSync(join(dir, 'downloads', n)))]));
    expect(zipsOf(second.dir)).toEqual(zipsOf(first.dir));
    expect(Object.keys(zipsOf(first.dir))).toEqual(expect.arrayContaining(['tijdig-alles.zip', 'manifest.json', 'tijdig-formaat-pdf.zip']));
  });

  it('has a zip per workflow and per format, each with LEESMIJ and its own manifest', async () => {
    const loaded = readContent(process.cwd());
    if (!loaded.ok) throw new Error('content invalid');
    const names = first.result.zips.map((z) => z.name);
    for (const w of loaded.content.workflows) expect(names).toContain(`tijdig-${w.id}.zip`);
    for (const name of names) {
      const archive = await zip(first.dir, name);
      expect(archive.file('LEESMIJ.txt'), name).not.toBeNull();
      expect(archive.file('LEESMIJ.html'), name).not.toBeNull();
      const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as { bestanden: { path: string; sha256: string; bytes: number }[] };
      for (const entry of manifest.bestanden) {
        const bytes = await archive.file(entry.path)!.async('uint8array');
        expect(bytes.length, entry.path).toBe(entry.bytes);
        expect(sha256(bytes), entry.path).toBe(entry.sha256);
      }
    }
  });

  it('renders every step of every case a playbook declares, in every format that fits its channel, in folders sorted by day', async () => {
    const loaded = readContent(process.cwd());
    if (!loaded.ok) throw new Error('content invalid');
    const archive = await zip(first.dir, 'tijdig-alles.zip');
    for (const workflow of loaded.content.workflows) {
      // Every declared case has its own folder, and no other case has one.
      const caseRoots = [...new Set(Object.keys(archive.files).filter((p) => p.split('/')[1] === workflow.id && p.split('/').length > 2).map((p) => p.split('/')[0]!))].sort();
      expect(caseRoots).toEqual([...workflow.gevallen].sort());
      for (const legalCase of workflow.gevallen) {
        const root = `${legalCase}/${workflow.id}`;
        const folders = [...new Set(Object.keys(archive.files).filter((p) => p.startsWith(`${root}/`) && p.split('/').length === 4).map((p) => p.split('/')[2]!))];
        expect(folders).toEqual([...folders].sort());
        expect(folders).toHaveLength(workflow.stappen.length);
        workflow.stappen.forEach((step, i) => {
          const folder = folders[i]!;
          expect(folder).toMatch(new RegExp(`^${String(i + 1).padStart(2, '0')}_D${step.offset < 0 ? '-' : '\\+'}${Math.abs(step.offset)}_`));
          const inFolder = Object.keys(archive.files).filter((p) => p.startsWith(`${root}/${folder}/`));
          const templates = inFolder.filter((p) => !p.split('/').pop()!.startsWith('voorbeeld-'));
          expect(templates.map((p) => p.split('.').pop()).sort()).toEqual([...FORMATS_FOR_CHANNEL[step.kanaal]].sort());
          // A printed letter also has a filled example beside it; an e-mail or a call does not.
          const examples = inFolder.filter((p) => p.split('/').pop()!.startsWith('voorbeeld-'));
          expect(examples.map((p) => p.split('.').pop())).toEqual(['brief', 'aangetekende-brief', 'juridisch'].includes(step.kanaal) ? ['pdf'] : []);
        });
        expect(archive.file(`${root}/00_overzicht-${workflow.id}.pdf`)).not.toBeNull();
      }
    }
  });

  it('records the case of every rendered file in the manifest and in its path', () => {
    for (const f of first.result.files) {
      if (f.workflow === 'exports') expect(f.legalCase).toBeNull();
      else expect(f.path.split('/')[0], f.path).toBe(f.legalCase);
    }
  });

  it('cuts folder and file names between words', () => {
    for (const f of first.result.files) {
      for (const part of f.path.split('/')) expect(part.length, f.path).toBeLessThanOrEqual(80);
    }
    const loaded = readContent(process.cwd());
    if (!loaded.ok) throw new Error('content invalid');
    // Every word of a step folder is a whole word of the title that case's step carries.
    for (const f of first.result.files.filter((x) => x.step !== null)) {
      const workflow = loaded.content.workflows.find((w) => w.id === f.workflow)!;
      const title = stepTitle(workflow.stappen[f.step! - 1]!, f.legalCase!, loaded.content.templates);
      const titleWords = slugify(title, 1000).split('-');
      const words = f.path.split('/')[2]!.replace(/^\d+_D[+-]\d+_/, '').split('-');
      for (const word of words) expect(titleWords, `${f.path}: "${word}"`).toContain(word);
    }
  });

  it('names the folders and files of a Dutch case in Dutch words, not Flemish ones', () => {
    const nl = first.result.files.filter((f) => f.legalCase?.startsWith('nl-') && f.step !== null).map((f) => f.path);
    expect(nl.length).toBeGreaterThan(50);
    for (const path of nl) expect(path, path).not.toMatch(/gerechtsdeurwaarder|advocaat|nalatigheid|vervaldag|interesten/);
    // The same step in Belgium keeps the playbook's Belgian title.
    expect(first.result.files.some((f) => f.legalCase === 'be-onderneming' && f.path.includes('overdracht-aan-advocaat-of-gerechtsdeurwaarder'))).toBe(true);
    expect(first.result.files.some((f) => f.legalCase?.startsWith('nl-') && /incassobureau/.test(f.path))).toBe(true);
  });

  it('offers one zip per case holding only that case, beside the full pack', async () => {
    const all = first.result.zips.find((z) => z.name === 'tijdig-alles.zip')!;
    for (const legalCase of ['be-onderneming', 'be-consument', 'nl-onderneming', 'nl-consument']) {
      const info = first.result.zips.find((z) => z.name === `tijdig-${legalCase}.zip`);
      expect(info, legalCase).toBeDefined();
      expect(info!.bytes).toBeLessThan(all.bytes / 2);
      const archive = await zip(first.dir, info!.name);
      const paths = Object.keys(archive.files).filter((p) => !archive.files[p]!.dir && !/^(LEESMIJ\.(txt|html)|manifest\.json)$/.test(p));
      expect(paths.length, legalCase).toBe(first.result.files.filter((f) => f.legalCase === legalCase).length);
      for (const path of paths) expect(path.split('/')[0], path).toBe(legalCase);
    }
    // Its LEESMIJ lists the steps under the case's own titles.
    const readme = await (await zip(first.dir, 'tijdig-nl-onderneming.zip')).file('LEESMIJ.txt')!.async('string');
    expect(readme).toContain('Overdracht aan een incassobureau of deurwaarder');
    expect(readme).not.toMatch(/gerechtsdeurwaarder|nalatigheidsinteresten/);
    expect(readme).toContain('Standaardklanten (map standaard/) — Alleen voor ondernemingen (Nederland)');
    // Its introduction speaks to a Dutch business, in Dutch words; a Belgian zip to a Belgian one.
    expect(readme).toContain('mkb-bedrijven en zzp\'ers in Nederland');
    expect(readme).toContain('Nederlandse regels');
    expect(readme).not.toMatch(/\bkmo|interesten|België/);
    expect(readme.replace(/\r?\n/g, ' ')).toContain('voor een klant die een onderneming is, volgens het Nederlandse recht');
    const belgian = await (await zip(first.dir, 'tijdig-be-consument.zip')).file('LEESMIJ.txt')!.async('string');
    expect(belgian).toContain('kmo\'s en zelfstandigen in Vlaanderen');
    expect(belgian).not.toMatch(/\bmkb|zzp|Nederlandse regels/);
  });

  it('leaves placeholders visible and marked in the blank pack', async () => {
    const archive = await zip(first.dir, 'tijdig-formaat-txt.zip');
    const texts = await Promise.all(Object.values(archive.files).filter((f) => f.name.endsWith('.txt') && f.name.includes('/')).map((f) => f.async('string')));
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(text).toMatch(/\[(klant|factuur|afzender)\.[a-zA-Z]+\]/);
  });

  it('writes the JSON Schemas next to the site', () => {
    const schema = JSON.parse(readFileSync(join(first.dir, 'schema', 'fill-data.json'), 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['afzender', 'klant', 'factuur', 'betaling']));
    expect(readdirSync(join(first.dir, 'schema')).sort()).toEqual(['fill-data.json', 'guide-frontmatter.json', 'segment.json', 'template-frontmatter.json', 'workflow.json']);
  });
});
