/**
 * The timeline page's first paint stays light (issue 17: at most 60 KiB of JavaScript before a
 * click): what src/site/islands/timeline.ts imports statically must not reach zod (the content
 * schema, the plan check, the share link and JSON code load with import() when first needed) nor
 * the legal module's index (it brings explain.ts, which the page does not show). Read from the
 * files, so a new static import fails here before the budget does after a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Static value imports and re-exports (not `import type`, not import()). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)([^'";]*?)\s*from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)]
    .filter((m) => m[3] !== undefined || !/^\{\s*(?:type\s+[\w$]+(?:\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(m[1]!.trim()))
    .map((m) => m[2] ?? m[3]!);
}

function reach(entry: string): Map<string, string> {
  const via = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    for (const spec of staticImports(file)) {
      const target = spec.startsWith('.') ? resolve(dirname(file), spec) : `node_modules/${spec}`;
      if (via.has(target)) continue;
      via.set(target, file);
      if (spec.startsWith('.') && existsSync(target) && /\.(ts|mjs)$/.test(target)) queue.push(target);
    }
  }
  return via;
}

const chain = (via: Map<string, string>, file: string): string => {
  const out = [];
  for (let f: string | undefined = file; f; f = via.get(f)) out.unshift(relative(ROOT, f));
  return out.join(' → ');
};

it('the timeline island reaches neither zod, the content schema nor the legal index before a click', () => {
  const via = reach(resolve(ROOT, 'src/site/islands/timeline.ts'));
  const heavy = [...via.keys()].filter((f) => f === 'node_modules/zod' || f.endsWith('/src/content/schema.ts') || f.endsWith('/src/legal/index.ts') || f.endsWith('/src/timeline/index.ts'));
  expect(heavy.map((f) => chain(via, f))).toEqual([]);
  // The walk itself works: it does reach the schedule and the warnings.
  expect([...via.keys()].some((f) => f.endsWith('/src/timeline/warnings.ts'))).toBe(true);
});
