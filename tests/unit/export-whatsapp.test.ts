/**
 * WhatsApp utility templates checked against Meta's rules for a create-template request (restated
 * in src/export/whatsapp.ts): name alphabet, language, category, body length, numbered variables
 * with an example each, no variable at the start or end or next to another, no tabs or runs of
 * spaces, and enough words around the variables. Then the example is filled in and read back.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildExports } from '../../src/export/index.ts';
import { smsDocsForStep } from '../../src/export/sms.ts';
import { WHATSAPP_BODY_MAX, whatsappTemplates, type WhatsAppTemplate } from '../../src/export/whatsapp.ts';
import { readContent } from '../../src/pack/read-content.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error(`content invalid: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
const { workflows, templates } = loaded.content;

/** Meta's rules for one template; returns the broken ones in words. */
function metaProblems(t: WhatsAppTemplate): string[] {
  const problems: string[] = [];
  if (Object.keys(t).sort().join() !== 'category,components,language,name') problems.push(`unexpected keys ${Object.keys(t).join()}`);
  if (!/^[a-z0-9_]{1,512}$/.test(t.name)) problems.push(`name ${t.name}`);
  if (t.language !== 'nl') problems.push(`language ${t.language}`);
  if (t.category !== 'UTILITY') problems.push(`category ${t.category}`);
  const body = t.components.find((c) => c.type === 'BODY');
  if (!body || t.components.length !== 1) return [...problems, 'one BODY component'];
  if ([...body.text].length > WHATSAPP_BODY_MAX) problems.push(`body ${body.text.length} characters`);
  const numbers = [...body.text.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1]));
  const firstUse = [...new Set(numbers)];
  if (firstUse.some((n, i) => n !== i + 1)) problems.push(`variables out of order: ${firstUse.join()}`);
  if (/^\W*\{\{\d+\}\}/.test(body.text) || /\{\{\d+\}\}\W*$/.test(body.text)) problems.push('variable at the start or end');
  if (/\}\}\s*\{\{/.test(body.text)) problems.push('two variables side by side');
  if (/\t| {4,}|\n{3,}/.test(body.text)) problems.push('tabs, runs of spaces or newlines');
  if (/\{\{(?!\d+\}\})/.test(body.text.replace(/\{\{\d+\}\}/g, ''))) problems.push('stray braces');
  const words = body.text.replace(/\{\{\d+\}\}/g, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words < 2 * numbers.length + 1) problems.push(`only ${words} words for ${numbers.length} variables`);
  const example = body.example.body_text;
  if (example.length !== 1 || example[0]!.length !== firstUse.length) problems.push('one example value per variable');
  for (const v of example[0] ?? []) if (!v || /[\n\t]| {4,}/.test(v)) problems.push(`example value ${JSON.stringify(v)}`);
  return problems;
}

const fillIn = (t: WhatsAppTemplate) => t.components[0].text.replace(/\{\{(\d+)\}\}/g, (_m, n: string) => t.components[0].example.body_text[0]![Number(n) - 1]!);

describe('WhatsApp utility templates', () => {
  const all = workflows.flatMap((w) => whatsappTemplates(w, templates).map((r) => ({ w, ...r })));

  it('one per reminder e-mail step and country, none for calls, letters or formal notices', () => {
    for (const w of workflows) {
      const steps = new Set(whatsappTemplates(w, templates).map((r) => r.step));
      for (const s of w.stappen) expect(steps.has(s), `${w.id} ${s.template}`).toBe(smsDocsForStep(s, templates).length > 0);
    }
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  it('every template keeps Meta\'s rules', () => {
    for (const { result } of all) expect(metaProblems(result.template), result.template.name).toEqual([]);
  });

  it('the rule check itself catches broken templates', () => {
    const good = all[0]!.result.template;
    const body = good.components[0];
    const broken = (text: string, example = body.example.body_text[0]!): WhatsAppTemplate => ({ ...good, components: [{ ...body, text, example: { body_text: [example] } }] });
    expect(metaProblems(broken('{{1}} betaal a.u.b. factuur nummer nu meteen', ['x']))).toContain('variable at the start or end');
    expect(metaProblems(broken('Beste klant, betaal {{1}} {{2}} a.u.b. vandaag nog via de link', ['a', 'b']))).toContain('two variables side by side');
    expect(metaProblems(broken('Beste klant, betaal {{2}} a.u.b. vandaag nog via de link', ['a']))).toContain('variables out of order: 2');
    expect(metaProblems(broken('x'.repeat(1025)))).toContain('body 1025 characters');
    expect(metaProblems({ ...good, name: 'Tijdig-Herinnering' })).toContain('name Tijdig-Herinnering');
  });

  it('filled with its example, the body names the invoice, the amount, how to pay and the reference', () => {
    for (const { result } of all) {
      const text = fillIn(result.template);
      expect(text).toContain('2026-0153');
      expect(text).toContain('€ 1.240,50');
      expect(text).toContain('+++090/9337/55493+++');
      expect(text).toMatch(/https:\/\/betalen\.goudenkorst\.be\/2026-0153|BE71 0961 2345 6769/);
      expect(text).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/);
      // Country words: Belgian texts speak of the gestructureerde mededeling, Dutch ones of the betalingskenmerk.
      expect(text).toContain(result.jurisdiction === 'be' ? 'gestructureerde mededeling' : 'betalingskenmerk');
    }
  });

  it('one name per text and country: a text for both countries becomes two templates (…_be, …_nl)', () => {
    const perName = new Map<string, Set<string>>();
    for (const r of all) (perName.get(r.result.template.name) ?? perName.set(r.result.template.name, new Set()).get(r.result.template.name)!).add(`${r.doc.id} ${r.result.jurisdiction}`);
    for (const [name, texts] of perName) expect(texts.size, name).toBe(1);
    for (const r of all) expect(r.result.template.name.endsWith(`_${r.result.jurisdiction}`)).toBe(!r.doc.jurisdiction);
    expect(all.some((r) => r.result.jurisdiction === 'be') && all.some((r) => r.result.jurisdiction === 'nl')).toBe(true);
  });

  it('goes into the pack as JSON request bodies plus the list of variables, read back', async () => {
    const files = await buildExports(loaded.content, { dueDate: '2026-10-31', dtstamp: '2026-11-23T00:00:00Z' });
    const json = files.filter((f) => f.path.startsWith('exports/whatsapp/') && f.path.endsWith('.json'));
    expect(json.length).toBe(new Set(all.map((r) => r.result.template.name)).size);
    for (const file of json) {
      const parsed = JSON.parse(String(file.data)) as WhatsAppTemplate;
      expect(file.path).toBe(`exports/whatsapp/${parsed.name}.json`);
      expect(metaProblems(parsed)).toEqual([]);
    }
    const csv = files.find((f) => f.path === 'exports/whatsapp/variabelen.csv')!;
    const rows = Papa.parse<Record<string, string>>(String(csv.data).replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    const first = JSON.parse(String(json[0]!.data)) as WhatsAppTemplate;
    // A template used in two playbooks is listed under each: take the first playbook's rows.
    const playbook = rows.find((r) => r['sjabloon'] === first.name)!['draaiboek'];
    const mine = rows.filter((r) => r['sjabloon'] === first.name && r['draaiboek'] === playbook);
    expect(mine.map((r) => Number(r['variabele']))).toEqual(first.components[0].example.body_text[0]!.map((_v, i) => i + 1));
    // The CSV guards cells that start like a formula (+++…) with an apostrophe.
    expect(mine.map((r) => r['voorbeeld']!.replace(/^'(?=[+=@-])/, ''))).toEqual(first.components[0].example.body_text[0]);
    expect(mine.some((r) => r['veld'] === 'betaling_mededeling')).toBe(true);
  });
});
