/**
 * SMS length against the GSM 03.38 table, checked against Twilio's own segment calculator
 * (sms-segments-calculator, a devDependency used only here), and the SMS of every playbook step.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import { countSms, describeSmsCount, gsmSeptets } from '../../src/export/gsm.ts';
import { buildExports } from '../../src/export/index.ts';
import { smsWithFields } from '../../src/export/sms-csv.ts';
import { fillSms, smsDocsForStep, smsPaths, smsSource, stepHasSms } from '../../src/export/sms.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { usedPaths } from '../../src/site/lib/form-fields.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error(`content invalid: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
const { workflows, templates } = loaded.content;
const byId = new Map(templates.map((t) => [t.id, t]));

const twilio = (text: string) => {
  const m = new SegmentedMessage(text);
  return { encoding: m.encodingName, segments: m.segmentsCount };
};

describe('GSM 03.38 counting', () => {
  it('counts the default alphabet as one septet and the extension table as two', () => {
    for (const c of '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&\'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà \n\r') expect(gsmSeptets(c), c).toBe(1);
    for (const c of '€[]{}\\^~|\f') expect(gsmSeptets(c), c).toBe(2);
    // Dutch and Flemish letters outside the table: they force UCS-2.
    for (const c of 'ëïêçáóúâôûÁ’‘“”…–😀') expect(gsmSeptets(c), c).toBe(0);
  });

  const cases: [string, string][] = [
    ['exactly one SMS', 'a'.repeat(160)],
    ['one over', 'a'.repeat(161)],
    ['two full parts', 'a'.repeat(306)],
    ['three parts', 'a'.repeat(307)],
    ['euro counts two', '€'.repeat(80)],
    ['euro tips over', '€'.repeat(80) + 'a'],
    ['escape pair not split at the part boundary', 'a'.repeat(152) + '€' + 'a'.repeat(10)],
    ['accent forces UCS-2', 'é'.repeat(10) + 'ë'],
    ['UCS-2 exactly one', 'ë'.repeat(70)],
    ['UCS-2 two parts', 'ë'.repeat(71)],
    ['UCS-2 three parts', 'ë'.repeat(135)],
    ['surrogate pair not split', 'ë'.repeat(66) + '😀' + 'ë'.repeat(5)],
    ['a Dutch reminder', 'Brasserie Noël: factuur 2026-0153 (€ 1.240,50) staat nog open. Betaal: https://betalen.example/1, mededeling +++090/9337/55493+++'],
  ];
  it.each(cases)('%s: same encoding and segment count as Twilio\'s calculator', (_name, text) => {
    const ours = countSms(text);
    expect({ encoding: ours.encoding, segments: ours.segments }).toEqual(twilio(text));
  });

  it('reports units, what is left and why a text is short', () => {
    expect(countSms('€ 10')).toMatchObject({ encoding: 'GSM-7', units: 5, segments: 1, remaining: 155, nonGsm: [] });
    expect(countSms('a'.repeat(161))).toMatchObject({ segments: 2, remaining: 153 * 2 - 161 });
    const noel = countSms('Café Noël');
    expect(noel).toMatchObject({ encoding: 'UCS-2', units: 9, segments: 1, nonGsm: ['ë'] });
    expect(describeSmsCount(noel)).toContain('ë');
    expect(describeSmsCount(countSms('€ 10'))).toBe('5 van 160 tekens · 1 sms');
  });
});

describe('SMS per playbook step', () => {
  const sample = (jurisdictie: 'be' | 'nl'): FillData => ({ ...sampleFillData(), dossier: { jurisdictie, klanttype: 'onderneming' } });
  // Every text a step can send: its template and the variants for other cases.
  const smsSteps = workflows.flatMap((w) => w.stappen.flatMap((s) => smsDocsForStep(s, templates).map((doc) => ({ w, s, doc }))));

  it('every reminder e-mail step has an SMS; calls, letters and formal notices have none', () => {
    expect(smsSteps.length).toBeGreaterThanOrEqual(10);
    for (const w of workflows) {
      for (const s of w.stappen) {
        const doc = byId.get(s.template);
        if (s.kanaal !== 'email') expect(stepHasSms(s, doc), `${w.id} ${s.template}`).toBe(false);
        if (doc && ['ingebrekestelling', 'overdracht'].includes(doc.purpose)) expect(stepHasSms(s, doc)).toBe(false);
      }
    }
  });

  it.each(['be', 'nl'] as const)('filled with the sample data (%s): link and payment reference in, no gap, counted like Twilio', (j) => {
    const data = sample(j);
    for (const { doc } of smsSteps) {
      const sms = fillSms(doc, data, { jurisdiction: j })!;
      expect(sms.missing, doc.id).toEqual([]);
      // The link when the e-mail has a payment button, else the account number, as the e-mail says.
      const hasButton = doc.blocks.some((b) => b.type === 'paymentButton');
      expect(sms.text).toContain(hasButton ? data.betaling!.link! : 'BE71 0961 2345 6769');
      expect(sms.text).toContain(data.betaling!.mededeling!);
      expect(sms.text).toContain('€ 1.240,50');
      expect(sms.text).not.toMatch(/[\r\n]/);
      expect({ encoding: sms.count.encoding, segments: sms.count.segments }, doc.id).toEqual(twilio(sms.text));
      // Long sender names make the later reminders two SMS; never more than that.
      expect(sms.count.segments, `${doc.id}: ${sms.text}`).toBeLessThanOrEqual(2);
      if (doc.purpose === 'herinnering') expect(sms.count.segments, sms.text).toBe(1);
    }
  });

  it('uses the words of each country', () => {
    const be = smsSteps.filter(({ doc }) => doc.jurisdiction !== 'nl');
    const nl = smsSteps.filter(({ doc }) => doc.jurisdiction !== 'be');
    expect(be.length && nl.length).toBeGreaterThan(0);
    for (const { doc } of be) expect(fillSms(doc, sample('be'), { jurisdiction: 'be' })!.text).toContain(', mededeling +++');
    for (const { doc } of nl) expect(fillSms(doc, sample('nl'), { jurisdiction: 'nl' })!.text).toContain(', kenmerk +++');
  });

  it('a sender name with ë switches to UCS-2 and the count says so', () => {
    const data = { ...sample('be'), afzender: { ...sample('be').afzender, naam: 'Brasserie Noël' } };
    const sms = fillSms(smsSteps[0]!.doc, data)!;
    expect(sms.count.encoding).toBe('UCS-2');
    expect(sms.count.segments).toBe(twilio(sms.text).segments);
    expect(sms.count.segments).toBeGreaterThanOrEqual(2);
  });

  it('an empty field stays visible as [pad] and is listed as missing', () => {
    const sms = fillSms(smsSteps[0]!.doc, {})!;
    expect(sms.missing).toContain('betaling.mededeling');
    expect(sms.text).toContain('[betaling.mededeling]');
  });

  it('asks only for values the template page already has a field for', () => {
    for (const { doc } of smsSteps) {
      const used = usedPaths(doc);
      for (const path of smsPaths(smsSource(doc)!)) expect(used.has(path), `${doc.id}: ${path}`).toBe(true);
    }
  });

  it('goes into the pack: one CSV per playbook with the text per step, read back', async () => {
    const files = await buildExports(loaded.content, { dueDate: '2026-10-31', dtstamp: '2026-11-23T00:00:00Z' });
    const standaard = files.find((f) => f.path === 'exports/sms/standaard.csv');
    expect(standaard).toBeDefined();
    const text = new TextDecoder().decode(typeof standaard!.data === 'string' ? new TextEncoder().encode(standaard!.data) : standaard!.data);
    const Papa = (await import('papaparse')).default;
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    const steps = smsSteps.filter(({ w }) => w.id === 'standaard');
    expect([...new Set(rows.map((r) => r['sjabloon']))]).toEqual(steps.map(({ doc }) => doc.id));
    expect(rows.every((r) => r['land'] === 'be' || r['land'] === 'nl')).toBe(true);
    for (const row of rows) {
      expect(row['tekst']).toMatch(/\{\{(betaling_link|afzender_iban)\}\}/);
      expect(row['tekst']).toContain('{{betaling_mededeling}}');
      expect(row['voorbeeld']).toMatch(/https:\/\/|BE71 0961/);
      expect(Number(row['sms'])).toBe(twilio(row['voorbeeld']!).segments);
    }
    expect(smsWithFields('{{bedrag factuur.openstaand}}')).toBe('{{factuur_openstaand}}');
  });
});
