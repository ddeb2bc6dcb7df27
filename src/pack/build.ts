/**
 * The pack builder: renders every step of every workflow in each format that fits its channel,
 * writes deterministic zips, a manifest and the JSON Schemas into dist/. The only src/ module
 * besides read-content.ts that touches the file system.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Content } from '../model/load.ts';
import { FillData, GuideFrontmatter, Segment, TemplateFrontmatter, Workflow } from '../content/schema.ts';
import { formatIssue } from '../content/errors.ts';
import { buildExports, emailSourceFrom } from '../export/index.ts';
import { fill } from '../model/fill.ts';
import type { TemplateDoc } from '../model/types.ts';
import { compileEmail } from '../render/html/compile.ts';
import { fillEmail } from '../render/html/fill.ts';
import { renderPdf, renderPlaybookPdf } from '../render/pdf/index.ts';
import { renderText } from '../render/text/index.ts';
import { EXPORTS, zipGroups } from './groups.ts';
import { renderFormat, type Format, type RenderInput } from '../render/formats.ts';
import { planSituations, planWorkflow, SAMPLE_DUE_DATE, workflowForCase, type PlannedFile } from './layout.ts';
import { readContent } from './read-content.ts';
import { readmeHtml, readmeText } from './readme.ts';
import { EXAMPLE_BANNER, exampleFillData } from './example.ts';
import { makeZip, type ZipEntry } from './zip.ts';
import { resolveVariant } from '../model/variants.ts';
import type { LegalCase } from '../jurisdiction/ids.ts';

export interface PackOptions {
  root: string;
  outDir: string;
  /** Written into zips and documents; fixed so that two builds give identical bytes. */
  date: Date;
  /** Content already read and checked (the build script checks it first); read from `root` when absent. */
  content?: Content;
}

export interface ManifestFile extends Omit<PlannedFile, 'format'> {
  /** A rendered format (html, txt, eml, docx, pdf) or, for exports, the file's extension. */
  format: string;
  bytes: number;
  sha256: string;
}


export interface PackResult {
  files: ManifestFile[];
  zips: { name: string; bytes: number; sha256: string; files: number }[];
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export function loadFonts(): { regular: Uint8Array; bold: Uint8Array } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) };
}

/** MJML compiled once per text, for the html and eml files and the e-mail services' exports alike. */
export function compiledEmails(): (doc: TemplateDoc) => ReturnType<typeof compileEmail> {
  // Keyed by the document itself: a variant is its own document, and a changed copy is compiled anew.
  const compiled = new WeakMap<TemplateDoc, ReturnType<typeof compileEmail>>();
  return (doc) => {
    if (!compiled.has(doc)) compiled.set(doc, compileEmail(doc));
    return compiled.get(doc)!;
  };
}

/** Renders one blank template in one format. Emails are compiled once and reused for html and eml. */
export function makeRenderer(date: Date, fonts = loadFonts(), compile = compiledEmails()) {
  const fixedDate = date.toISOString();
  const email = async (doc: TemplateDoc) => fillEmail(await compile(doc), {});
  // One fill per text and case, whatever the number of formats made from it.
  const blanks = new WeakMap<TemplateDoc, Map<string, Promise<Omit<RenderInput, 'envelope' | 'date' | 'fixedDate' | 'fonts'>>>>();
  const blank = (doc: TemplateDoc, legalCase: LegalCase | undefined) => {
    const perDoc = blanks.get(doc) ?? new Map();
    blanks.set(doc, perDoc);
    const key = legalCase ?? '';
    if (!perDoc.has(key)) {
      const filled = fill(doc, legalCase ? { dossier: caseDossier(legalCase) } : {});
      perDoc.set(key, (doc.kind === 'email' ? email(doc) : Promise.resolve(null)).then((designed) => ({ filled, text: renderText(filled), email: designed })));
    }
    return perDoc.get(key)!;
  };
  return async (doc: TemplateDoc, format: Format, example?: { offset: number | null }, legalCase?: LegalCase): Promise<Uint8Array | string> => {
    if (example) return renderPdf(fill(doc, exampleFillData(example.offset, legalCase)), { fonts, fixedDate, banner: EXAMPLE_BANNER });
    const made = await blank(doc, legalCase);
    return renderFormat(format, { ...made, envelope: made.filled.jurisdiction, date, fixedDate, fonts: async () => fonts });
  };
}

/** The fill data that fixes the case of a blank or example file. */
function caseDossier(legalCase: LegalCase): { jurisdictie: 'be' | 'nl'; klanttype: 'onderneming' | 'consument' } {
  const [jurisdictie, klanttype] = legalCase.split('-') as ['be' | 'nl', 'onderneming' | 'consument'];
  return { jurisdictie, klanttype };
}

/** The templates as one case sees them: every base id stands for its variant in that case. */
function templatesFor(templates: readonly TemplateDoc[], legalCase: LegalCase): TemplateDoc[] {
  return templates.filter((t) => !t.variantOf).flatMap((base) => {
    try {
      return [{ ...resolveVariant(templates, base.id, legalCase), id: base.id }];
    } catch {
      return [];
    }
  });
}

export async function buildPack(options: PackOptions): Promise<PackResult> {
  const content = options.content ?? checkedContent(options.root);
  const fonts = loadFonts();
  const compile = compiledEmails();
  const render = makeRenderer(options.date, fonts, compile);

  const data = new Map<string, Uint8Array | string>();
  const planned: PlannedFile[] = [...content.workflows.flatMap((w) => planWorkflow(w, content.templates)), ...planSituations(content.templates, content.workflows)];
  for (const file of planned) {
    const legalCase = file.legalCase!;
    if (file.template === null) {
      const workflow = content.workflows.find((w) => w.id === file.workflow)!;
      data.set(file.path, await renderPlaybookPdf(workflowForCase(workflow, legalCase, content.templates), templatesFor(content.templates, legalCase), { fonts, fixedDate: options.date.toISOString() }));
    } else {
      const doc = resolveVariant(content.templates, file.template, legalCase);
      data.set(file.path, await render(doc, file.format, file.example ? { offset: file.offset } : undefined, legalCase));
    }
  }
  // The e-mail services get the designed e-mail (compiled here, at build time) with placeholders.
  const exportFiles = await buildExports(content, { dueDate: SAMPLE_DUE_DATE, dtstamp: options.date, emailSource: async (doc) => emailSourceFrom(await compile(doc), doc) });
  for (const file of exportFiles) data.set(file.path, file.data);
  const byteLength = (bytes: Uint8Array | string) => (typeof bytes === 'string' ? new TextEncoder().encode(bytes).length : bytes.length);
  const files: ManifestFile[] = [
    ...planned,
    ...exportFiles.map((f) => ({ path: f.path, workflow: EXPORTS, legalCase: null, step: null, offset: null, channel: null, format: f.path.split('.').pop() ?? '', template: null })),
  ].map((f) => {
    const bytes = data.get(f.path)!;
    return { ...f, bytes: byteLength(bytes), sha256: sha256(bytes) };
  });

  const downloads = join(options.outDir, 'downloads');
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  const groups = zipGroups(content.workflows, files);

  const zips: PackResult['zips'] = [];
  for (const group of groups) {
    // A zip of one case lists its steps under that case's titles.
    const cases = new Set(group.files.map((f) => f.legalCase));
    const only = cases.size === 1 ? [...cases][0] : null;
    const text = readmeText(group.title, group.description, only ? content.workflows.map((w) => workflowForCase(w, only, content.templates)) : content.workflows, group.files);
    const entries: ZipEntry[] = [
      ...group.files.map((f) => ({ name: f.path, data: data.get(f.path)! })),
      { name: 'LEESMIJ.txt', data: text },
      { name: 'LEESMIJ.html', data: readmeHtml(text, group.title) },
      { name: 'manifest.json', data: `${JSON.stringify({ pakket: group.title, bestanden: group.files }, null, 2)}\n` },
    ];
    const zip = await makeZip(entries, options.date);
    writeFileSync(join(downloads, `${group.name}.zip`), zip);
    zips.push({ name: `${group.name}.zip`, bytes: zip.length, sha256: sha256(zip), files: group.files.length });
  }
  writeFileSync(join(downloads, 'manifest.json'), `${JSON.stringify({ zips, bestanden: files }, null, 2)}\n`);
  writeSchemas(join(options.outDir, 'schema'));
  return { files, zips };
}

/** The content of `root`, or an error listing every problem (file, field, hint). */
export function checkedContent(root: string): Content {
  const loaded = readContent(root);
  if (!loaded.ok) throw new Error(`Content is ongeldig:\n${loaded.issues.map(formatIssue).join('\n')}`);
  return loaded.content;
}

/** JSON Schema for people who write their own content, generated from the zod schemas. */
export function writeSchemas(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const schemas = { segment: Segment, workflow: Workflow, 'template-frontmatter': TemplateFrontmatter, 'fill-data': FillData, 'guide-frontmatter': GuideFrontmatter };
  for (const [name, schema] of Object.entries(schemas)) {
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`);
  }
}
