/**
 * Loads and validates all content from in-memory files (the caller reads the disk), file by file
 * and across files: the content schemas check the data, the model parses template bodies into
 * documents (so the content layer never imports the model). Every problem is collected; nothing is returned as usable unless all is valid.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { parseBody, parseInline, placeholdersIn, type ParseIssue } from './parse.ts';
import type { Inline, TemplateDoc } from './types.ts';
import { inlinesOf } from './walk.ts';
import { checkRequiredParts } from './checklist.ts';
import { candidatesFor, familyOf } from './variants.ts';
import { fromZod, type ContentIssue } from '../content/errors.ts';
import {
  FORMAT_HELPERS,
  GuideFrontmatter,
  KINDS_FOR_CHANNEL,
  PLACEHOLDERS,
  Segment,
  TemplateFrontmatter,
  Workflow,
  type FormatHelper,
  type Jurisdiction,
} from '../content/schema.ts';

export interface SourceFile {
  /** Path relative to the project root, e.g. "content/workflows/vip.yaml". */
  path: string;
  text: string;
}

export interface Guide {
  slug: string;
  meta: GuideFrontmatter;
  body: string;
}

export interface Content {
  segments: Segment[];
  workflows: Workflow[];
  templates: TemplateDoc[];
  guides: Guide[];
}

export type LoadResult = { ok: true; content: Content } | { ok: false; issues: ContentIssue[] };

const stem = (path: string) => path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function splitFrontmatter(file: SourceFile, issues: ContentIssue[]): { data: unknown; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.text);
  if (!match) {
    issues.push({ file: file.path, path: '', message: 'de frontmatter ontbreekt', hint: 'begin het bestand met een blok tussen twee regels "---" (id, soort, titel, …)' });
    return null;
  }
  const data = parseYamlText(file, match[1]!, issues, 1);
  return data === undefined ? null : { data, body: match[2]!, bodyLine: match[1]!.split('\n').length + 2 };
}

/** `lineOffset`: lines before the YAML in the file (the opening --- of a frontmatter). */
function parseYamlText(file: SourceFile, text: string, issues: ContentIssue[], lineOffset = 0): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true, maxAliasCount: 50 }) ?? {};
  } catch (error) {
    const line = error instanceof YAMLParseError ? ` op regel ${(error.linePos?.[0]?.line ?? 0) + lineOffset}` : '';
    issues.push({ file: file.path, path: '', message: `geen geldige YAML${line}: ${String((error as Error).message).split('\n')[0]?.replace(/ at line.*/, '')}`, hint: 'controleer inspringing, dubbele punten en aanhalingstekens' });
    return undefined;
  }
}

function validate<T>(schema: z.ZodType<T>, file: string, data: unknown, issues: ContentIssue[]): T | null {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  issues.push(...fromZod(file, result.error));
  return null;
}

const toContentIssues = (file: string, base: string, parse: ParseIssue[]): ContentIssue[] =>
  parse.map((p) => ({ file, path: base ? `${base} (${p.where})` : p.where, message: p.message, hint: p.hint }));

function loadTemplate(file: SourceFile, issues: ContentIssue[]): TemplateDoc | null {
  const parts = splitFrontmatter(file, issues);
  if (!parts) return null;
  const meta = validate(TemplateFrontmatter, file.path, parts.data, issues);
  if (!meta) return null;
  const before = issues.length;
  if (meta.id !== stem(file.path)) issues.push({ file: file.path, path: 'id', message: `id "${meta.id}" verschilt van de bestandsnaam "${stem(file.path)}"`, hint: `hernoem het bestand naar ${meta.id}.md of pas de id aan` });
  if (meta.soort === 'email' && !meta.onderwerp) issues.push({ file: file.path, path: 'onderwerp', message: 'een e-mail heeft een onderwerp nodig', hint: 'voeg onderwerp: toe, met het factuurnummer erin' });
  if (meta.soort === 'email' && !meta.preheader) issues.push({ file: file.path, path: 'preheader', message: 'een e-mail heeft een preheader nodig', hint: 'voeg preheader: toe: één zin die na het onderwerp in de inbox verschijnt' });
  if (meta.soort === 'brief' && !meta.onderwerp) issues.push({ file: file.path, path: 'onderwerp', message: 'een brief heeft een onderwerp (betreft-regel) nodig', hint: 'voeg onderwerp: toe' });
  if (meta.soort !== 'email' && meta.preheader) issues.push({ file: file.path, path: 'preheader', message: `een ${meta.soort} heeft geen preheader`, hint: 'verwijder preheader: of maak er een e-mail van' });
  if (meta.soort !== 'brief' && meta.aangetekend) issues.push({ file: file.path, path: 'aangetekend', message: 'alleen een brief kan aangetekend verstuurd worden', hint: 'verwijder aangetekend: of zet soort: brief' });
  const parseIssues: ParseIssue[] = [];
  const subject = meta.onderwerp ? parseInline(meta.onderwerp, 'onderwerp', parseIssues) : [];
  const subjectIssues = parseIssues.splice(0);
  const preheader = meta.preheader ? parseInline(meta.preheader, 'preheader', parseIssues) : [];
  const preheaderIssues = parseIssues.splice(0);
  const blocks = parseBody(parts.body, parseIssues, parts.bodyLine);
  issues.push(...toContentIssues(file.path, 'onderwerp', subjectIssues), ...toContentIssues(file.path, 'preheader', preheaderIssues), ...toContentIssues(file.path, '', parseIssues));
  if (!blocks.length) issues.push({ file: file.path, path: 'tekst', message: 'de tekst van het sjabloon is leeg', hint: 'schrijf de boodschap onder de frontmatter' });
  for (const word of longWords(blocks, subject)) {
    issues.push({ file: file.path, path: 'tekst', message: `het woord "${word.slice(0, 30)}…" (${word.length} tekens) past niet op een regel van een brief`, hint: `splits het woord; een woord in de tekst van een sjabloon telt hoogstens ${MAX_WORD} tekens` });
  }
  const doc: TemplateDoc = {
    id: meta.id,
    kind: meta.soort,
    title: meta.titel,
    purpose: meta.doel,
    tone: meta.toon,
    segment: meta.segment,
    registered: meta.aangetekend,
    subject,
    preheader,
    blocks,
  };
  doc.cases = meta.gevallen;
  if (meta.variantVan) doc.variantOf = meta.variantVan;
  if (meta.taal) doc.locale = meta.taal;
  const countries = [...new Set(meta.gevallen.map((c) => c.split('-')[0] as Jurisdiction))];
  if (countries.length === 1) doc.jurisdiction = countries[0]!;
  checkPlaceholders(file.path, doc, issues);
  issues.push(...checkRequiredParts(doc).map((p) => ({ file: file.path, ...p })));
  return issues.length === before ? doc : null;
}

/** Longest word a template's own text may hold: it must fit a line (and a table cell) of an A4 letter. */
export const MAX_WORD = 40;

/** Words of the template's own text (placeholder values excluded) too long to lay out on one line. */
function longWords(blocks: TemplateDoc['blocks'], subject: Inline[]): string[] {
  const texts: Inline[][] = [subject, ...blocks.flatMap(inlinesOf)];
  // Letters and digits only: a dotted line to sign on ("……") is meant to be long and wraps harmlessly.
  const tooLong = new RegExp(`[\\p{L}\\p{N}]{${MAX_WORD + 1},}`, 'gu');
  return texts.flatMap((inlines) => inlines.flatMap((i) => (i.type === 'text' ? [...i.value.matchAll(tooLong)].map((m) => m[0]) : [])));
}

function checkPlaceholders(file: string, doc: TemplateDoc, issues: ContentIssue[]): void {
  const visit = (where: string, content: Inline[]) => {
    for (const inline of content) {
      if (inline.type !== 'placeholder') continue;
      const field = PLACEHOLDERS.get(inline.path);
      if (!field) {
        const guess = [...PLACEHOLDERS.keys()].find((k) => k.split('.')[1] === inline.path.split('.')[1]);
        issues.push({ file, path: where, message: `onbekende placeholder {{${inline.path}}}`, hint: guess ? `bedoel je {{${guess}}}? Alle placeholders staan in dist/schema/fill-data.json` : 'alle placeholders staan in dist/schema/fill-data.json' });
        continue;
      }
      const needed = (Object.entries(FORMAT_HELPERS) as [FormatHelper, readonly string[]][]).find(([, kinds]) => kinds.includes(field.kind))?.[0];
      if (needed && inline.helper !== needed) issues.push({ file, path: where, message: `{{${inline.path}}} is een ${field.kind} en moet opgemaakt worden`, hint: `schrijf {{${needed} ${inline.path}}}` });
      if (!needed && inline.helper) issues.push({ file, path: where, message: `de helper "${inline.helper}" past niet bij {{${inline.path}}} (${field.kind})`, hint: `schrijf {{${inline.path}}}` });
    }
  };
  visit('onderwerp', doc.subject);
  visit('preheader', doc.preheader);
  doc.blocks.forEach((block, i) => inlinesOf(block).forEach((content) => visit(`tekst blok ${i + 1}`, content)));
}

/** A variant names an existing base of the same kind, and no case has two texts in one family. */
function checkVariants(templates: readonly (readonly [SourceFile, TemplateDoc | null])[], byId: ReadonlyMap<string, TemplateDoc>, issues: ContentIssue[]): void {
  const all = [...byId.values()];
  for (const [file, doc] of templates) {
    if (!doc?.variantOf) continue;
    const base = byId.get(doc.variantOf);
    if (!base) {
      if (!templates.some(([f, d]) => (d?.id ?? stem(f.path)) === doc.variantOf)) issues.push({ file: file.path, path: 'variantVan', message: `basissjabloon "${doc.variantOf}" bestaat niet`, hint: 'noem de id van het sjabloon waarvan dit de variant is (de id die de workflow gebruikt)' });
      continue;
    }
    if (base.variantOf) issues.push({ file: file.path, path: 'variantVan', message: `"${doc.variantOf}" is zelf een variant van "${base.variantOf}"`, hint: `schrijf variantVan: ${base.variantOf}` });
    if (base.kind !== doc.kind) issues.push({ file: file.path, path: 'soort', message: `een variant van "${base.id}" (${base.kind}) moet ook een ${base.kind} zijn, niet ${doc.kind}`, hint: `zet soort: ${base.kind} of maak er een eigen sjabloon van` });
    for (const legalCase of doc.cases ?? []) {
      const claim = familyOf(all, doc.variantOf).filter((t) => t.id !== doc.id && (t.cases ?? []).includes(legalCase));
      if (claim.length) issues.push({ file: file.path, path: 'gevallen', message: `${legalCase} staat ook in de gevallen van ${claim.map((t) => `"${t.id}"`).join(', ')}`, hint: `elk geval heeft één tekst: haal ${legalCase} weg uit dit sjabloon of uit ${claim.map((t) => t.id).join(', ')}` });
    }
  }
}

function loadGuide(file: SourceFile, issues: ContentIssue[]): Guide | null {
  const parts = splitFrontmatter(file, issues);
  if (!parts) return null;
  const meta = validate(GuideFrontmatter, file.path, parts.data, issues);
  return meta ? { slug: stem(file.path), meta, body: parts.body } : null;
}

function loadYaml<T>(schema: z.ZodType<T>, file: SourceFile, issues: ContentIssue[]): T | null {
  const data = parseYamlText(file, file.text, issues);
  return data === undefined ? null : validate(schema, file.path, data, issues);
}

/** Loads every content file and runs the cross-file checks. */
export function loadContent(files: readonly SourceFile[]): LoadResult {
  const issues: ContentIssue[] = [];
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const of = (dir: string, ext: RegExp) => sorted.filter((f) => f.path.startsWith(`content/${dir}/`) && ext.test(f.path));
  const segments = of('segments', /\.ya?ml$/).map((f) => [f, loadYaml(Segment, f, issues)] as const);
  const workflows = of('workflows', /\.ya?ml$/).map((f) => [f, loadYaml(Workflow, f, issues)] as const);
  const templates = of('templates', /\.md$/).map((f) => [f, loadTemplate(f, issues)] as const);
  const guides = of('guides', /\.md$/).map((f) => loadGuide(f, issues));

  const templateById = new Map<string, TemplateDoc>();
  for (const [file, doc] of templates) {
    const id = doc?.id ?? stem(file.path);
    if (templateById.has(id)) issues.push({ file: file.path, path: 'id', message: `de id "${id}" bestaat al`, hint: 'elke template heeft een unieke id' });
    if (doc) templateById.set(id, doc);
  }
  checkVariants(templates, templateById, issues);
  // A template that failed validation still exists: don't also report "unknown template" for it.
  const templateIds = new Set(templates.map(([f, doc]) => doc?.id ?? stem(f.path)));
  const workflowIds = new Set<string>();
  for (const [file, workflow] of workflows) {
    if (!workflow) continue;
    if (workflow.id !== stem(file.path)) issues.push({ file: file.path, path: 'id', message: `id "${workflow.id}" verschilt van de bestandsnaam "${stem(file.path)}"`, hint: `hernoem het bestand naar ${workflow.id}.yaml of pas de id aan` });
    if (workflowIds.has(workflow.id)) issues.push({ file: file.path, path: 'id', message: `de id "${workflow.id}" bestaat al`, hint: 'elke workflow heeft een unieke id' });
    workflowIds.add(workflow.id);
    workflow.stappen.forEach((step, i) => {
      const previous = workflow.stappen[i - 1];
      if (previous && step.offset <= previous.offset) issues.push({ file: file.path, path: `stappen[${i}].offset`, message: `dag ${step.offset} komt niet na de vorige stap (dag ${previous.offset})`, hint: 'zet de stappen in volgorde van dag; elke stap komt later dan de vorige' });
      const doc = templateById.get(step.template);
      if (!templateIds.has(step.template)) {
        issues.push({ file: file.path, path: `stappen[${i}].template`, message: `template "${step.template}" bestaat niet`, hint: `maak content/templates/${step.template}.md of kies een bestaande id` });
      } else if (doc?.variantOf) {
        issues.push({ file: file.path, path: `stappen[${i}].template`, message: `"${step.template}" is een variant van "${doc.variantOf}"`, hint: `noem de basis: template: ${doc.variantOf}; per geval kiest Tijdig zelf de variant` });
      } else if (doc && !KINDS_FOR_CHANNEL[step.kanaal].includes(doc.kind)) {
        issues.push({ file: file.path, path: `stappen[${i}].template`, message: `kanaal "${step.kanaal}" past niet bij template "${step.template}" (soort ${doc.kind})`, hint: `kies een template van soort ${KINDS_FOR_CHANNEL[step.kanaal].join(' of ')}` });
      } else if (doc && step.kanaal === 'aangetekende-brief' && !doc.registered) {
        issues.push({ file: file.path, path: `stappen[${i}].template`, message: `template "${step.template}" is geen aangetekende brief`, hint: 'zet aangetekend: true in de template of kies kanaal "brief"' });
      }
      if (!doc || doc.variantOf) return;
      const all = [...templateById.values()];
      for (const legalCase of workflow.gevallen) {
        const found = candidatesFor(all, step.template, legalCase);
        if (found.length === 0) {
          issues.push({ file: file.path, path: `stappen[${i}].template`, message: `"${step.template}" heeft geen tekst voor ${legalCase}, dat de workflow in gevallen noemt`, hint: `maak een variant (variantVan: ${step.template}, gevallen: [${legalCase}]) of haal ${legalCase} uit gevallen: van de workflow` });
        } else if (found.length > 1) {
          issues.push({ file: file.path, path: `stappen[${i}].template`, message: `"${step.template}" heeft ${found.length} teksten voor ${legalCase}: ${found.map((t) => t.id).join(', ')}`, hint: `laat ${legalCase} in de gevallen: van precies één van die sjablonen staan` });
        }
        for (const variant of found) {
          if (variant.id === doc.id) continue;
          if (step.kanaal === 'aangetekende-brief' && !variant.registered) issues.push({ file: file.path, path: `stappen[${i}].template`, message: `variant "${variant.id}" is geen aangetekende brief`, hint: `zet aangetekend: true in content/templates/${variant.id}.md` });
        }
      }
    });
  }
  for (const [file, segment] of segments) {
    if (segment && !workflowIds.has(segment.playbook)) issues.push({ file: file.path, path: 'playbook', message: `workflow "${segment.playbook}" bestaat niet`, hint: `maak content/workflows/${segment.playbook}.yaml of kies een bestaande id` });
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    content: {
      segments: segments.map(([, s]) => s!),
      workflows: workflows.map(([, w]) => w!),
      templates: templates.map(([, t]) => t!),
      guides: guides.map((g) => g!).sort((a, b) => a.meta.volgorde - b.meta.volgorde),
    },
  };
}

export { placeholdersIn };
