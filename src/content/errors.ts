/** Content errors that name the file, the path inside it, what was expected and how to fix it. */
import type { z } from 'zod';

export interface ContentIssue {
  file: string;
  /** e.g. "stappen[3].offset"; empty for the file as a whole. */
  path: string;
  message: string;
  hint: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file} › ${issue.path || '(bestand)'}: ${issue.message}\n    tip: ${issue.hint}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een object met velden',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'number') return `het getal ${value}`;
  if (typeof value === 'string') return `de tekst ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** Turns zod issues into friendly, Dutch content issues. */
export function fromZod(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): ContentIssue[] {
  return error.issues.flatMap((issue): ContentIssue[] => {
    const path = formatPath([...prefix, ...issue.path]);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'invalid_type':
        if (input === undefined) return [{ file, path, message: 'dit verplichte veld ontbreekt', hint: `voeg "${String(issue.path.at(-1) ?? path)}" toe (${TYPE_NAMES[issue.expected] ?? issue.expected})` }];
        return [{ file, path, message: `verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}, kreeg ${typeOf(input)}`, hint: 'zie de JSON Schema in dist/schema/ voor de vorm van elk veld' }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ file, path: formatPath([...prefix, ...issue.path, key]), message: `onbekend veld "${key}"`, hint: 'verwijder het of controleer de spelling van de veldnaam' }));
      case 'invalid_value':
        return [{ file, path, message: `ongeldige waarde ${typeOf(input)}`, hint: `kies uit: ${issue.values.map((v) => String(v)).join(', ')}` }];
      case 'too_small':
        return [{ file, path, message: issue.origin === 'string' ? `te kort: minstens ${String(issue.minimum)} tekens` : issue.origin === 'array' ? `te weinig items: minstens ${String(issue.minimum)}` : `te klein: minstens ${String(issue.minimum)}`, hint: 'vul dit veld volledig in' }];
      case 'too_big':
        return [{ file, path, message: issue.origin === 'string' ? `te lang: hoogstens ${String(issue.maximum)} tekens` : issue.origin === 'array' ? `te veel items: hoogstens ${String(issue.maximum)}` : `te groot: hoogstens ${String(issue.maximum)}`, hint: 'maak de waarde korter of kleiner' }];
      case 'invalid_union':
        return [{ file, path, message: `ongeldige waarde ${typeOf(input)}`, hint: 'controleer de toegelaten waarden in de JSON Schema' }];
      default:
        return [{ file, path, message: issue.message, hint: 'controleer de waarde van dit veld' }];
    }
  });
}
