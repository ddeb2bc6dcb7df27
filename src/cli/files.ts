/**
 * The small files the command line reads beside the CSV: the sender's details (JSON or YAML, the
 * fill data's own afzender/ondertekenaar fields) and a column mapping (bulk mode's JSON).
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { BulkSender } from '../bulk/group.ts';
import { parseMapping, type ColumnMapping } from '../bulk/columns.ts';
import { formatIssue, fromZod } from '../content/errors.ts';
import { FillData } from '../content/schema.ts';
import { CliError } from './errors.ts';

const SenderFile = z.strictObject({
  afzender: FillData.shape.afzender,
  ondertekenaar: FillData.shape.ondertekenaar,
  betaallink: z.string().regex(/^https:\/\/[^\s"<>]+\.[^\s"<>]+$/i, { error: 'een webadres dat met https:// begint' }).max(2000).optional(),
});

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch {
    throw new CliError(1, `${what} ${path} bestaat niet of kan niet gelezen worden.`);
  }
}

/** Numbers typed without quotes in YAML (postcode: 9000) are meant as text. */
function numbersAsText(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(numbersAsText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersAsText(v)]));
  return value;
}

export function readSender(path: string): Pick<BulkSender, 'afzender' | 'ondertekenaar' | 'betaallink'> {
  const text = readText(path, 'Het afzenderbestand');
  let data: unknown;
  try {
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CliError(1, `${path} is geen geldige ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  const result = SenderFile.safeParse(numbersAsText(data));
  if (!result.success) throw new CliError(1, `Het afzenderbestand klopt niet:\n${fromZod(path, result.error).map((i) => `  ${formatIssue(i)}`).join('\n')}`);
  const { afzender, ondertekenaar, betaallink } = result.data;
  return { ...(afzender ? { afzender } : {}), ...(ondertekenaar ? { ondertekenaar } : {}), ...(betaallink ? { betaallink } : {}) };
}

export function readMapping(path: string): ColumnMapping {
  const mapping = parseMapping(readText(path, 'Het kolommenbestand'));
  if (!mapping) throw new CliError(1, `${path} is geen kolomkeuze. Verwacht: {"version":1,"columns":{"factuurnummer":["Nr."], …}} (de velden staan in tijdig --help).`);
  return mapping;
}
