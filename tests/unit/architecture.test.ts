/**
 * The import graph of src/, read from the files: dependencies run one way (content → model →
 * render → export → pack/site → cli), renderers never import each other, only the pack builder and
 * the command line touch the file system, and code the browser runs reaches nothing Node-only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** Layer of each top folder of src/: a module may import its own layer or a lower one. */
const LAYER: Record<string, number> = {
  // Small pure helpers that know nothing of invoices or letters.
  lib: 0,
  locale: 0,
  legal: 0,
  jurisdiction: 1,
  content: 2,
  // Names and labels of the content's choices: above the schemas they label, below all their users.
  vocabulary: 3,
  model: 3,
  lint: 4,
  render: 4,
  export: 5,
  timeline: 5,
  bulk: 6,
  reconcile: 7,
  pack: 7,
  site: 8,
  // The command line: Node only, runs bulk mode on files; nothing imports it.
  cli: 9,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|mjs|astro)$/.test(name) ? [path] : [];
  });
}

const ALL = files(SRC);

/** Import and re-export specifiers, static and dynamic (Astro frontmatter included). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const top = (file: string) => relative(SRC, file).split('/')[0]!;
const local = (file: string, spec: string) => (spec.startsWith('.') ? resolve(dirname(file), spec) : null);

describe('import graph', () => {
  it('knows every top folder of src/', () => {
    const folders = [...new Set(ALL.map(top))].filter((f) => !f.includes('.'));
    for (const f of folders) expect(LAYER, `src/${f} has no layer in this test`).toHaveProperty(f);
  });

  it('has no arrow up the layers', () => {
    const up: string[] = [];
    for (const file of ALL) {
      const from = top(file);
      for (const spec of specifiers(file)) {
        const target = local(file, spec);
        if (!target || !target.startsWith(SRC)) continue;
        const to = top(target);
        if (LAYER[to] !== undefined && LAYER[from] !== undefined && LAYER[to]! > LAYER[from]!) up.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(up).toEqual([]);
  });

  it('keeps each renderer to itself', () => {
    const crossing: string[] = [];
    const renderers = ['html', 'text', 'docx', 'pdf', 'eml', 'markdown'];
    for (const file of ALL.filter((f) => renderers.includes(relative(SRC, f).split('/')[1]!) && top(f) === 'render')) {
      const own = relative(SRC, file).split('/')[1];
      for (const spec of specifiers(file)) {
        const target = local(file, spec);
        const other = target && relative(SRC, target).split('/');
        if (other && other[0] === 'render' && renderers.includes(other[1]!) && other[1] !== own) crossing.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(crossing).toEqual([]);
  });

  it('lets only the pack builder and the command line touch the file system', () => {
    const fs = ALL.filter((f) => specifiers(f).some((s) => /^(node:)?fs(\/promises)?$/.test(s))).map((f) => relative(SRC, f));
    expect(fs.every((f) => f.startsWith('pack/') || f.startsWith('cli/')), fs.join(', ')).toBe(true);
    expect(fs.length).toBeGreaterThan(0);
  });

  it('keeps every shared layer browser-safe on its own, whether or not a page imports it today', () => {
    // The page graph below only sees what islands reach now; a new island may reach any of these.
    const shared = ALL.filter((f) => !/^(pack|cli|site)\//.test(relative(SRC, f)));
    expect(shared.length).toBeGreaterThan(100);
    const nodeOnly = shared.flatMap((file) => specifiers(file).filter((spec) => spec.startsWith('node:') || ['fs', 'path', 'crypto', 'module', 'os', 'child_process', 'zlib', 'stream'].includes(spec)).map((spec) => `${relative(SRC, file)} → ${spec}`));
    expect(nodeOnly).toEqual([]);
  });

  it('gives the browser no Node-only module, however deep the imports go', () => {
    const islands = ALL.filter((f) => relative(SRC, f).startsWith('site/islands/'));
    expect(islands.length).toBeGreaterThan(5);
    const seen = new Map<string, string[]>();
    const nodeOnly: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (seen.has(file)) return;
      seen.set(file, path);
      for (const spec of specifiers(file)) {
        if (spec.startsWith('node:') || ['fs', 'path', 'crypto', 'module', 'os', 'child_process'].includes(spec)) nodeOnly.push([...path, relative(SRC, file), spec].join(' → '));
        const target = local(file, spec);
        if (target && ALL.includes(target)) visit(target, [...path, relative(SRC, file)]);
      }
    };
    for (const island of islands) visit(island, []);
    expect(nodeOnly).toEqual([]);
    expect(seen.size).toBeGreaterThan(islands.length);
  });
});
