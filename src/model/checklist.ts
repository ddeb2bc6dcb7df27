/**
 * The parts a dunning message needs (seed 003's checklist), checked per template purpose:
 * who sends it, the customer, the invoice, what to do, how to pay, a deadline, what happens next,
 * how to reach us. Structure is checked here; wording and tone are the content lint's job.
 */
import type { Purpose } from '../content/schema.ts';
import { placeholdersIn } from './parse.ts';
import type { Block, TemplateDoc } from './types.ts';

interface Part {
  name: string;
  present: (doc: TemplateDoc, used: Set<string>) => boolean;
  hint: string;
}

const has = (type: Block['type']) => (doc: TemplateDoc) => doc.blocks.some((b) => b.type === type);
const uses = (...paths: string[]) => (_: TemplateDoc, used: Set<string>) => paths.some((p) => used.has(p));

const PARTS = {
  klant: { name: 'de klant', present: uses('klant.naam', 'klant.contactpersoon'), hint: 'spreek de klant aan met {{klant.contactpersoon}} of {{klant.naam}}' },
  factuur: { name: 'het factuurnummer', present: (d, u) => u.has('factuur.nummer') || has('invoiceTable')(d), hint: 'noem {{factuur.nummer}} of zet ::factuurtabel in de tekst' },
  vervaldatum: { name: 'de vervaldatum', present: (d, u) => u.has('factuur.vervaldatum') || has('invoiceTable')(d), hint: 'noem {{datum factuur.vervaldatum}} of zet ::factuurtabel in de tekst' },
  bedrag: { name: 'het bedrag', present: (d, u) => has('invoiceTable')(d) || has('paymentDetails')(d) || ['factuur.openstaand', 'factuur.bedrag', 'berekend.totaalOpen', 'berekend.totaalTeBetalen'].some((p) => u.has(p)), hint: 'noem {{bedrag factuur.openstaand}} of zet ::factuurtabel in de tekst' },
  betalen: { name: 'hoe betalen', present: (d) => has('paymentDetails')(d) || has('paymentButton')(d), hint: 'zet ::betaalgegevens (of ::betaalknop) in de tekst' },
  termijn: { name: 'een termijn', present: has('deadline'), hint: 'zet ::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}. in de tekst' },
  contact: { name: 'hoe de klant ons bereikt', present: uses('afzender.telefoon', 'afzender.email', 'afzender.contactpersoon'), hint: 'noem {{afzender.telefoon}} of {{afzender.email}}' },
  handtekening: { name: 'de afzender (handtekening)', present: has('signature'), hint: 'sluit af met ::handtekening' },
} satisfies Record<string, Part>;

type PartName = keyof typeof PARTS;
const WRITTEN: PartName[] = ['klant', 'factuur', 'vervaldatum', 'bedrag', 'betalen', 'contact', 'handtekening'];

const REQUIRED: Record<Purpose, PartName[]> = {
  preventief: WRITTEN,
  herinnering: [...WRITTEN, 'termijn'],
  'tweede-herinnering': [...WRITTEN, 'termijn'],
  'laatste-herinnering': [...WRITTEN, 'termijn'],
  ingebrekestelling: [...WRITTEN, 'termijn'],
  overdracht: ['klant', 'factuur', 'bedrag', 'contact', 'handtekening'],
  'telefonisch-contact': ['klant', 'factuur', 'bedrag'],
  situatie: ['klant', 'contact', 'handtekening'],
};

const PHONE_SECTIONS = ['Opening', 'Vragen', 'Bezwaren', 'Afspraak', 'Noteer'];

export function checkRequiredParts(doc: TemplateDoc): { path: string; message: string; hint: string }[] {
  const used = placeholdersIn(doc.blocks, doc.subject, doc.preheader);
  const problems = REQUIRED[doc.purpose]
    .filter((name) => !(doc.kind === 'belscript' && (name === 'handtekening' || name === 'contact')))
    .filter((name) => !PARTS[name].present(doc, used))
    .map((name) => ({ path: 'tekst', message: `${PARTS[name].name} ontbreekt (vereist voor doel "${doc.purpose}")`, hint: PARTS[name].hint }));
  if (doc.kind === 'belscript') {
    const headings = doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [b.content.map((i) => (i.type === 'text' ? i.value : '')).join('')] : []));
    for (const section of PHONE_SECTIONS) {
      if (!headings.some((h) => h.startsWith(section))) problems.push({ path: 'tekst', message: `het belscript mist de sectie "## ${section}"`, hint: `een belscript heeft de secties ${PHONE_SECTIONS.map((s) => `## ${s}…`).join(', ')}` });
    }
  }
  return problems;
}
