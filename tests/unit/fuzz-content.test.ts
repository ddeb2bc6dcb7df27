// Content fuzzing: thousands of mutations of the real content files. Every case must end in a
// clean result — valid content, or issues naming the file — never an exception.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/content/errors.ts';
import { loadContent, type SourceFile } from '../../src/model/load.ts';
import { readContentFiles } from '../../src/pack/read-content.ts';

const files = readContentFiles(process.cwd());
const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f.path));
const markdownFiles = files.filter((f) => f.path.endsWith('.md'));
// Each case loads the whole content (about 100 files, ~0.1 s), so the default keeps the suite's
// time in check; FUZZ_RUNS=5000 npm run test:unit -- fuzz-content digs deeper.
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const FUZZ_TIMEOUT_MS = 300_000;

const oddStrings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202E', '\u200B', '\uFEFF', '\0', '{{', '}}', '{{#each x}}', '::', '---', '**', ']]>', '<script>', '🙂', 'x'.repeat(100_000)),
);
const oddValues: fc.Arbitrary<unknown> = fc.oneof(oddStrings, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }));

/** Walks to a random key path of a parsed YAML value and mutates it. */
function mutateData(data: unknown, choice: number, op: number, value: unknown): unknown {
  const clone = structuredClone(data) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const key = Array.isArray(node) ? Number(k) : k;
        paths.push([...path, key]);
        walk(v, [...path, key]);
      }
    }
  };
  walk(clone, []);
  if (!paths.length) return value;
  const path = paths[choice % paths.length]!;
  let parent: Record<string | number, unknown> = clone;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (op === 0) delete parent[last];
  else if (op === 1) parent[last] = value;
  else if (op === 2) parent[`onbekend${String(choice)}`] = value;
  else if (op === 3 && Array.isArray(parent)) parent.push(structuredClone(parent[0]));
  else parent[last] = value;
  return clone;
}

function check(mutated: SourceFile[], changed: string) {
  let result: ReturnType<typeof loadContent>;
  expect(() => (result = loadContent(mutated)), changed).not.toThrow();
  if (!result!.ok) {
    for (const issue of result!.issues) {
      expect(issue.file, formatIssue(issue)).toMatch(/^content\//);
      expect(issue.message.length).toBeGreaterThan(3);
      expect(issue.hint.length).toBeGreaterThan(3);
      expect(formatIssue(issue)).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    }
  }
}

describe('content fuzzing', () => {
  it(`YAML files: removed keys, wrong types, unknown keys, duplicated items (${FUZZ_RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.nat(yamlFiles.length - 1), fc.nat(), fc.nat(4), oddValues, (index, choice, op, value) => {
        const file = yamlFiles[index]!;
        const text = stringify(mutateData(parse(file.text), choice, op, value));
        check(files.map((f) => (f === file ? { ...f, text } : f)), file.path);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);

  it(`raw text damage: truncation, inserted junk, broken YAML and frontmatter (${FUZZ_RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.nat(), oddStrings, fc.boolean(), (index, at, junk, cut) => {
        const file = files[index]!;
        const pos = at % (file.text.length + 1);
        const text = cut ? file.text.slice(0, pos) : file.text.slice(0, pos) + junk + file.text.slice(pos);
        check(files.map((f) => (f === file ? { ...f, text } : f)), file.path);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);

  it('a template body full of odd Unicode and fake directives never crashes the parser', () => {
    fc.assert(
      fc.property(fc.nat(markdownFiles.length - 1), fc.array(oddStrings, { maxLength: 8 }), (index, lines) => {
        const file = markdownFiles[index]!;
        const text = `${file.text}\n${lines.join('\n')}\n`;
        check(files.map((f) => (f === file ? { ...f, text } : f)), file.path);
      }),
      { numRuns: Math.round(FUZZ_RUNS / 3) },
    );
  }, FUZZ_TIMEOUT_MS);
});
