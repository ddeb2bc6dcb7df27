/** Reads content/ from disk for scripts and the pack builder (the only places that touch files). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadContent, type LoadResult, type SourceFile } from '../model/load.ts';

export function readContentFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|ya?ml)$/.test(entry.name)) files.push({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(root, 'content'));
  return files;
}

export function readContent(root: string): LoadResult {
  return loadContent(readContentFiles(root));
}
