/**
 * A WhatsApp Business "utility" message template per reminder step, as the JSON body of the
 * Business Management API's create-template request (POST /<WABA-id>/message_templates), ready to
 * submit for approval. Meta's rules, restated here and checked in the tests:
 * - name: lower-case letters, digits and underscores, at most 512; unique per name and language.
 * - language "nl": Meta has one code for Dutch (no nl_BE), so a text that differs per country is
 *   two templates with their own name (…_be, …_nl).
 * - category UTILITY: a message about a transaction the customer has with us (a payment reminder),
 *   nothing promotional, or Meta files it as MARKETING.
 * - BODY: at most 1024 characters; variables {{1}} … {{n}} numbered in order of first use, never
 *   at the start or the end, never two side by side; an example value for each.
 *
 * The wording follows the SMS (sms.ts): same steps, same payment details, a little more room for
 * a greeting and a way out ("al betaald?").
 */
import { sampleFillData, type FillData, type Jurisdiction, type Workflow } from '../content/schema.ts';
import { fill } from '../model/fill.ts';
import type { TemplateDoc } from '../model/types.ts';
import { offsetLabel } from '../vocabulary/naming.ts';
import { toCsv } from './csv.ts';
import { fieldName } from './mapping.ts';
import { isSmsPurpose, parseSms, smsDocsForStep, type SmsPurpose } from './sms.ts';

export const WHATSAPP_BODY_MAX = 1024;
export const WHATSAPP_LANGUAGE = 'nl';

const OPENING = 'Beste {{klant.contactpersoon}}, dit is een bericht van {{afzender.naam}} over factuur {{factuur.nummer}} van {{bedrag factuur.openstaand}}.';

const SITUATION: Record<SmsPurpose, Record<Jurisdiction, string>> = {
  preventief: {
    be: 'Ter herinnering: de vervaldag is {{datum factuur.vervaldatum}}.',
    nl: 'Ter herinnering: de vervaldatum is {{datum factuur.vervaldatum}}.',
  },
  herinnering: {
    be: 'Volgens onze gegevens is ze nog niet betaald. De vervaldag was {{datum factuur.vervaldatum}}.',
    nl: 'Volgens onze gegevens is ze nog niet betaald. De vervaldatum was {{datum factuur.vervaldatum}}.',
  },
  'tweede-herinnering': {
    be: 'Dit is onze tweede herinnering: de factuur staat nog altijd open.',
    nl: 'Dit is onze tweede herinnering: de factuur staat nog altijd open.',
  },
  'laatste-herinnering': {
    be: 'Dit is onze laatste herinnering voordat we verdere stappen zetten.',
    nl: 'Dit is onze laatste herinnering voordat we verdere stappen zetten.',
  },
};

const PAY: Record<'link' | 'iban', Record<Jurisdiction, string>> = {
  link: {
    be: 'U betaalt eenvoudig via {{betaling.link}}, of met een overschrijving met de gestructureerde mededeling {{betaling.mededeling}}.',
    nl: 'U betaalt eenvoudig via {{betaling.link}}, of u maakt het bedrag over met betalingskenmerk {{betaling.mededeling}}.',
  },
  iban: {
    be: 'U betaalt op rekening {{afzender.iban}} met de gestructureerde mededeling {{betaling.mededeling}}.',
    nl: 'Maak het bedrag over naar {{afzender.iban}} met betalingskenmerk {{betaling.mededeling}}.',
  },
};

const CLOSING = 'Al betaald? Dan mag u dit bericht negeren. Een vraag of een probleem? Antwoord gewoon op dit bericht.';

export interface WhatsAppComponent {
  type: 'BODY';
  text: string;
  example: { body_text: string[][] };
}

/** The request body Meta expects; nothing else in it, or the API refuses it. */
export interface WhatsAppTemplate {
  name: string;
  language: typeof WHATSAPP_LANGUAGE;
  category: 'UTILITY';
  components: [WhatsAppComponent];
}

export interface WhatsAppExport {
  template: WhatsAppTemplate;
  /** For the sender: which Tijdig field goes into {{1}}, {{2}} … */
  variables: { number: number; path: string; field: string; example: string }[];
  jurisdiction: Jurisdiction;
}

/** Template names: the Tijdig id in Meta's alphabet, with the country when there are two versions. */
export function whatsappName(doc: TemplateDoc, jurisdiction: Jurisdiction, perCountry: boolean): string {
  return `tijdig_${doc.id}${perCountry ? `_${jurisdiction}` : ''}`.replace(/[^a-z0-9_]/g, '_').slice(0, 512);
}

/** The wording with Tijdig placeholders, or null when the template gets no WhatsApp message. */
export function whatsappSource(doc: TemplateDoc, jurisdiction: Jurisdiction): string | null {
  if (doc.kind !== 'email' || !isSmsPurpose(doc.purpose)) return null;
  const where = doc.blocks.some((b) => b.type === 'paymentButton') ? 'link' : 'iban';
  return [OPENING, SITUATION[doc.purpose][jurisdiction], PAY[where][jurisdiction], CLOSING].join(' ');
}

/** Numbers each placeholder in order of first use; the same field keeps its number. */
export function whatsappTemplate(doc: TemplateDoc, jurisdiction: Jurisdiction, options: { perCountry: boolean; example?: FillData }): WhatsAppExport | null {
  const source = whatsappSource(doc, jurisdiction);
  if (!source) return null;
  const inlines = parseSms(source);
  const example = options.example ?? { ...sampleFillData(), dossier: { jurisdictie: jurisdiction, klanttype: 'onderneming' } };
  // Example values as the customer will read them: filled by the same model as every other format.
  const filled = fill({ ...doc, subject: inlines, preheader: [], blocks: [] }, example, { jurisdiction }).subject;
  const numbers = new Map<string, number>();
  const variables: WhatsAppExport['variables'] = [];
  let text = '';
  inlines.forEach((inline, i) => {
    if (inline.type === 'text') {
      text += inline.value;
      return;
    }
    let n = numbers.get(inline.path);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(inline.path, n);
      variables.push({ number: n, path: inline.path, field: fieldName(inline.path), example: filled[i]?.text ?? '' });
    }
    text += `{{${n}}}`;
  });
  return {
    template: {
      name: whatsappName(doc, jurisdiction, options.perCountry),
      language: WHATSAPP_LANGUAGE,
      category: 'UTILITY',
      components: [{ type: 'BODY', text, example: { body_text: [variables.map((v) => v.example)] } }],
    },
    variables,
    jurisdiction,
  };
}

/** Every WhatsApp template of a playbook: per step, per text (template and variants) and country. */
export function whatsappTemplates(workflow: Workflow, templates: readonly TemplateDoc[]): { step: Workflow['stappen'][number]; doc: TemplateDoc; result: WhatsAppExport }[] {
  return workflow.stappen.flatMap((step) =>
    smsDocsForStep(step, templates).flatMap((doc) => {
      const lands: Jurisdiction[] = doc.jurisdiction ? [doc.jurisdiction] : ['be', 'nl'];
      return lands.flatMap((land) => {
        const result = whatsappTemplate(doc, land, { perCountry: !doc.jurisdiction });
        return result ? [{ step, doc, result }] : [];
      });
    }),
  );
}

/** Which field goes into which number, per template, for whoever sends the messages. */
export function whatsappVariablesCsv(rows: readonly { workflow: Workflow; step: Workflow['stappen'][number]; result: WhatsAppExport }[]): string {
  const lines = rows.flatMap(({ workflow, step, result }) =>
    result.variables.map((v) => [workflow.id, offsetLabel(step.offset), result.template.name, String(v.number), v.field, v.example]),
  );
  return toCsv([['draaiboek', 'dag', 'sjabloon', 'variabele', 'veld', 'voorbeeld'], ...lines], 'excel-nl');
}
