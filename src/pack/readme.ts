/** The LEESMIJ (read-me) in every zip: what is inside and how to use it, generated from the plan. */
import type { Workflow } from '../content/schema.ts';
import { escapeHtml } from './escape.ts';
import { EXPORTS } from './groups.ts';
import { SITUATIONS } from './layout.ts';
import { CHANNEL_NAME } from '../vocabulary/labels.ts';
import { offsetLabel } from '../vocabulary/naming.ts';
import { JURISDICTION_IDS, type Jurisdiction, type LegalCase } from '../jurisdiction/ids.ts';
import { caseInWords, casesLine } from '../model/variants.ts';

interface ListedFile {
  workflow: string;
  legalCase?: LegalCase | null;
  step: number | null;
  format: string;
}


const FORMAT_HELP: Record<string, string> = {
  html: 'HTML-mail: open in uw browser, kopieer en plak in uw mailprogramma, of gebruik het in uw mailtool.',
  txt: 'Platte tekst: voor elk mailprogramma, of om te kopiëren naar uw boekhoudpakket.',
  eml: 'Mailconcept (.eml): dubbelklik om te openen in Outlook, Apple Mail of Thunderbird, vul aan en verstuur.',
  docx: 'Word-document: open in Word of LibreOffice; de opmaak zit in stijlen die u zelf kunt aanpassen.',
  pdf: 'PDF, om af te drukken of te lezen. Per brief zijn er twee: het invulsjabloon, met elk [veld] geel gemarkeerd, en voorbeeld-….pdf, dezelfde brief ingevuld met verzonnen gegevens (zo ziet u het resultaat; bovenaan elke bladzijde staat dat het een voorbeeld is). Een belscript als PDF legt u naast de telefoon; 00_overzicht-….pdf vat een draaiboek samen: elke stap met dag, kanaal en toon.',
};

/** Step 1 of the read-me: every playbook in this zip by name and folder. */
function playbookStep(workflows: readonly Workflow[]): string {
  const names = workflows.map((w) => `${w.titel} (${w.id}/)`);
  if (names.length === 0) return '1. Kies het draaiboek dat past bij uw klant (op de website of in het volledige pakket).';
  if (names.length === 1) return `1. Dit pakket bevat één draaiboek: ${names[0]}.`;
  return `1. Kies het draaiboek dat past bij uw klant: ${names.slice(0, -1).join(', ')} of ${names.at(-1)}.`;
}

/** The countries a zip's letters are written for; every country when a file is for all of them. */
function countriesOf(files: readonly ListedFile[]): Set<Jurisdiction> {
  const countries = new Set<Jurisdiction>();
  for (const f of files) {
    if (f.workflow === EXPORTS || !f.legalCase) JURISDICTION_IDS.forEach((j) => countries.add(j));
    else countries.add(f.legalCase.split('-')[0] as Jurisdiction);
  }
  return countries;
}

/** Who the zip is for, in the words of its country: kmo in Belgium, mkb in the Netherlands. */
const AUDIENCE: Record<Jurisdiction | 'beide', string> = {
  be: 'Gratis betalingsherinneringen voor kmo\'s en zelfstandigen in Vlaanderen, naar Belgisch recht.',
  nl: 'Gratis betalingsherinneringen voor mkb-bedrijven en zzp\'ers in Nederland, naar Nederlands recht.',
  beide: 'Gratis betalingsherinneringen voor kmo\'s, mkb-bedrijven en zelfstandigen in Vlaanderen en Nederland.',
};
const RULES_WHERE: Record<Jurisdiction | 'beide', string> = {
  be: 'de website legt de Belgische regels uit, met bronnen.',
  nl: 'de website legt de Nederlandse regels uit, met bronnen.',
  beide: 'de website legt de regels voor België en Nederland uit, met bronnen.',
};

export function readmeText(title: string, description: string, workflows: readonly Workflow[], files: readonly ListedFile[]): string {
  const formats = [...new Set(files.filter((f) => f.workflow !== EXPORTS).map((f) => f.format))].sort();
  const countries = [...countriesOf(files)];
  const country = countries.length === 1 ? countries[0]! : 'beide';
  const lines = [
    `TIJDIG — ${title}`,
    '',
    ...wrapText(description, ''),
    '',
    ...wrapText(AUDIENCE[country], ''),
    '',
    'HOE GEBRUIKT U DIT PAKKET?',
    ...wrapText(playbookStep(workflows.filter((w) => files.some((f) => f.workflow === w.id))), '   '),
    ...caseStep(files),
    '2. Open de map van de stap die nu aan de beurt is. De mapnaam begint met de dag,',
    '   gerekend vanaf de vervaldatum (D-3 is drie dagen ervoor, D+13 dertien dagen erna).',
    '3. Vervang elk [veld] tussen vierkante haken door uw eigen gegevens, of vul alles',
    '   in op de website: daar maakt uw browser de bestanden, zonder iets te versturen.',
    '4. Verstuur het bericht en noteer de datum in uw klantendossier.',
    '',
    'FORMATEN IN DIT PAKKET',
    ...formats.flatMap((f) => wrapText(`- .${f}: ${FORMAT_HELP[f] ?? ''}`, '  ')),
    '',
    'INHOUD',
  ];
  for (const workflow of workflows) {
    const own = files.filter((f) => f.workflow === workflow.id);
    if (!own.length) continue;
    lines.push('', `${workflow.titel} (map ${workflow.id}/) — ${casesLine(workflow)}`);
    workflow.stappen.forEach((step, i) => {
      if (own.some((f) => f.step === i + 1)) lines.push(`  ${offsetLabel(step.offset).padEnd(6)} ${CHANNEL_NAME[step.kanaal]}: ${step.titel}`);
    });
  }
  if (files.some((f) => f.workflow === SITUATIONS)) {
    lines.push('', 'Map situaties/: losse berichten die bij elk draaiboek passen: een betaalbelofte bevestigen,', 'een afbetalingsplan voorstellen, antwoorden op een betwisting, bedanken na betaling …');
  }
  if (files.some((f) => f.workflow === EXPORTS)) {
    lines.push(
      '',
      'Map exports/: dezelfde draaiboeken voor uw agenda (.ics), Excel (.csv), Word-samenvoegen,',
      'e-maildiensten en boekhoudpakketten, en bij elke herinnering een sms (exports/sms/) en een',
      'WhatsApp-sjabloon (exports/whatsapp/). exports/LEESMIJ-export.txt legt elke map uit.',
    );
  }
  lines.push(
    '',
    'manifest.json somt elk bestand op met draaiboek, stap, dag, kanaal, formaat, grootte en sha256.',
    '',
    ...wrapText(`Let op: dit pakket is geen juridisch advies. Controleer bedragen, ${country === 'nl' ? 'rente' : 'interesten'} en termijnen voor uw situatie; ${RULES_WHERE[country]}`, ''),
    '',
  );
  return lines.join('\r\n');
}

/** The case folders in this zip, explained: every file sits under the case it is written for. */
function caseStep(files: readonly ListedFile[]): string[] {
  const cases = [...new Set(files.flatMap((f) => (f.legalCase ? [f.legalCase] : [])))].sort();
  if (!cases.length) return [];
  return [
    '   Elk bestand staat in de map van het geval waarvoor het geschreven is: het land van uw klant',
    '   en of die een onderneming of een consument is. De wet en de woorden verschillen per geval.',
    ...cases.map((c) => `   - ${c}/: brieven aan ${caseInWords(c)}`),
  ];
}

/** Wraps a sentence at 92 characters, continuing lines with `indent`. */
function wrapText(text: string, indent: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function readmeHtml(text: string, title: string): string {
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(`Tijdig — ${title}`)}</title></head>\n<body><pre style="font:15px/1.5 sans-serif;white-space:pre-wrap;max-width:72ch;margin:2rem auto">${escapeHtml(text)}</pre></body></html>\n`;
}
