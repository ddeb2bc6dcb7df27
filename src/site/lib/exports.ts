/**
 * The /exports/ pages: one per target tool. What the file is, where it sits in the downloads, how to
 * load it (from each tool's public documentation, in our own words) and what does not come
 * along. The file lists and the "not carried" lists come from the export functions themselves
 * (buildExports, invoiceNinjaSettings, templateTo, withPlaceholderBlocks), so they follow the
 * content. Build time only.
 *
 * Text may hold `code` between backticks; pages render it as <code>, never as HTML.
 */
import { sampleFillData, type Workflow } from '../../content/schema.ts';
import { BE_B2B } from '../../legal/rules.ts';
import { withPlaceholderBlocks } from '../../export/email-source.ts';
import { templateName } from '../../export/email-services.ts';
import { describeSmsCount } from '../../export/gsm.ts';
import { fillSms, smsDocsForStep } from '../../export/sms.ts';
import { whatsappTemplates } from '../../export/whatsapp.ts';
import { invoiceNinjaSettings } from '../../export/invoice-ninja.ts';
import { ocaSkippedSteps, RECEIVABLE_ACCOUNT_MARKER } from '../../export/odoo.ts';
import { INVOICE_NINJA_RULES, INVOICE_NINJA_SOURCES, INVOICE_NINJA_VERSIONS } from '../../export/sources/invoice-ninja.ts';
import { KILLBILL_RULES, KILLBILL_SOURCES } from '../../export/sources/killbill.ts';
import { OCA_SOURCES, OCA_VERSIONS } from '../../export/sources/oca-credit-control.ts';
import { ODOO_FOLLOWUP_SOURCES, ODOO_FOLLOWUP_VERSIONS } from '../../export/sources/odoo-followup.ts';
import type { CheckedVersion, SourceFile } from '../../export/sources/types.ts';
import { templateTo, type TemplateTarget } from '../../export/mapping.ts';
import { markedLetter, WORD_MERGE_DATA, WORD_MERGE_DIR, WORD_MERGE_STEPS } from '../../export/word-merge.ts';
import { formatDateLong } from '../../model/format.ts';
import type { TemplateDoc } from '../../model/types.ts';
import { planSituations, planWorkflow, SAMPLE_DUE_DATE } from '../../pack/layout.ts';
import { getContent } from './content.ts';
import { EXPORTS_ZIP, exportPaths } from './export-files.ts';

export { EXPORTS_PAGE, exportUrl, mergeDataUrl, mergeLetterUrl } from './exports-routes.ts';
/** Zip with every export (src/pack/groups.ts) and the zip with every .eml. */
export { EXPORTS_ZIP };
export const EML_ZIP = 'tijdig-formaat-eml.zip';
export { SAMPLE_DUE_DATE };

export interface Step {
  text: string;
  /** A command or request to copy, shown as a code block. */
  code?: string;
}

export interface ExportTarget {
  slug: string;
  /** Short name for cards and the breadcrumb. */
  name: string;
  /** The page heading. */
  title: string;
  /** Meta description (about 120–160 characters). */
  description: string;
  /** One sentence for the overview. */
  summary: string;
  /** Paragraphs: what the file is. */
  what: string[];
  zip: string;
  /** Where to look inside the zip; paths between backticks. */
  folder: string;
  /** Every file of this export in the zip. */
  files: string[];
  steps: Step[];
  /** Points to watch, shown as a highlighted note. */
  warnings: string[];
  notCarried: string[];
  /** What the export was checked against: versions, sources (repository, commit, files) and how. */
  checked: string[];
  /** Not carried, per playbook (Invoice Ninja). */
  notCarriedPer: { title: string; items: string[] }[];
}


const under = (paths: readonly string[], prefix: string) => paths.filter((p) => p.startsWith(prefix));
const sortNl = (list: Iterable<string>) => [...list].sort((a, b) => a.localeCompare(b, 'nl'));
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Notes of withPlaceholderBlocks over some templates, each with how many it concerns. */
function blockNotes(docs: readonly TemplateDoc[], what: [string, string]): string[] {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const note of withPlaceholderBlocks(doc).notCarried) counts.set(note, (counts.get(note) ?? 0) + 1);
  return [...counts].map(([note, n]) => `${note} Dat geldt voor ${count(n, what[0], what[1])}.`);
}

/** Labels of placeholders a tool has no value for, as "[Label]" markers in its templates. */
function markers(target: TemplateTarget, docs: readonly TemplateDoc[]): string[] {
  const labels = new Set<string>();
  for (const doc of docs) for (const u of templateTo(target, doc).unsupported) labels.add(u.label);
  return sortNl(labels);
}

const markerNote = (tool: string, labels: readonly string[]): string[] =>
  labels.length ? [`Gegevens die ${tool} niet kent, staan als label tussen vierkante haken in de tekst. Vervang ze door vaste tekst of schrap de zin: ${labels.join(', ')}.`] : [];

/** "`OCA/credit-control` 16.0 (commit 18c22a8, 2024-10-24): `a.py`, `b.xml`". */
const sourceLine = (f: SourceFile) => `\`${f.repo}\` ${f.ref} (commit ${f.commit.slice(0, 7)}${f.date ? `, ${f.date}` : ''}): ${f.paths.map((p) => `\`${p}\``).join(', ')}.`;
const CHECKED_HOW: Record<CheckedVersion['checked'], string> = {
  source: 'nagekeken in de broncode',
  copy: 'alleen in een onofficiële kopie van de code gezien',
  docs: 'alleen in de documentatie',
  none: 'niet nagekeken',
};
const versionLine = (tool: string, v: CheckedVersion) => `${tool} ${v.version}: ${CHECKED_HOW[v.checked]} (${v.note}).`;

/** The fixed compensation between businesses, in euro (src/legal). */
const BE_FIXED_FEE = BE_B2B.fixedCompensationCents.value / 100;

const unzipStep = (zip: string): Step => ({ text: `Download \`${zip}\` en pak het bestand uit.` });

const ESP_NOTES = ['De betaalknop wijst alleen naar de betaalpagina als u `betaling_link` meegeeft, als https-link. Geeft u die niet mee, dan werkt de knop niet.'];
const ESP_UNTESTED = 'We controleren de bestanden automatisch op het formaat dat de dienst beschrijft, maar niet met een echt account bij die dienst.';

export async function exportTargets(): Promise<ExportTarget[]> {
  const { workflows, templates } = getContent();
  const paths = await exportPaths();
  const byId = new Map(templates.map((t) => [t.id, t]));
  const emails = templates.filter((t) => t.kind === 'email');
  const letters = templates.filter((t) => t.kind === 'brief');
  const workflowEmails = [...new Set(workflows.flatMap((w) => w.stappen.filter((s) => s.kanaal === 'email').map((s) => byId.get(s.template))))].filter((d): d is TemplateDoc => Boolean(d));
  const firstEmail = workflowEmails[0] ?? emails[0];
  const due = formatDateLong(SAMPLE_DUE_DATE);
  const emlFiles = [...workflows.flatMap((w) => planWorkflow(w, templates)), ...planSituations(templates, workflows)].filter((f) => f.format === 'eml').map((f) => f.path);
  const killbillPaths = under(paths, 'exports/killbill/');
  const killbillWorkflows = workflows.filter((w) => killbillPaths.includes(`exports/killbill/overdue-${w.id}.xml`));
  const exampleWorkflow: Workflow | undefined = workflows.find((w) => w.id === 'standaard') ?? workflows[0];
  const example = exampleWorkflow?.id ?? 'standaard';
  const emailNotes = blockNotes(emails, ['e-mail', 'e-mails']);
  const espFiles = (service: string) => under(paths, `exports/email-services/${service}/`);
  const smsSteps = workflows.flatMap((w) => w.stappen.filter((s) => smsDocsForStep(s, templates).length > 0));
  const smsDoc = smsSteps[0] ? smsDocsForStep(smsSteps[0], templates)[0] : undefined;
  const smsSample = smsDoc ? fillSms(smsDoc, sampleFillData()) : null;
  const smsExample = smsSample ? `“${smsSample.text}” is ${describeSmsCount(smsSample.count)}` : 'geen sms';
  const whatsappCount = new Set(workflows.flatMap((w) => whatsappTemplates(w, templates).map((r) => r.result.template.name))).size;
  const ocaSkipped = workflows.reduce((n, w) => n + ocaSkippedSteps(w).length, 0);
  const sesExample = firstEmail ? `exports/email-services/ses/${templateName(firstEmail)}.json` : 'exports/email-services/ses/<sjabloon>.json';

  const targets: ExportTarget[] = [
    {
      slug: 'agenda',
      name: 'Agenda (.ics)',
      title: 'Draaiboeken in uw agenda (.ics)',
      description: 'Zet de stappen van een Tijdig-draaiboek als afspraken in Outlook, Google Agenda of Apple Agenda, met een melding op elke dag dat u iets moet doen.',
      summary: 'Elke stap van een draaiboek als afspraak in Outlook, Google Agenda of Apple Agenda.',
      what: [
        'Per draaiboek één agendabestand in het iCalendar-formaat (.ics), dat elke gangbare agenda kan lezen. Elke stap is een afspraak die de hele dag duurt, met een melding om 9 uur.',
        `De datums gaan uit van een voorbeeldvervaldag: ${due}. In de beschrijving van elke afspraak staan het kanaal, het sjabloon, het onderwerp en wat u die dag doet.`,
        'Elke afspraak heeft een vaste code. Importeert u later opnieuw hetzelfde draaiboek, dan werken de meeste agenda’s de afspraken bij in plaats van ze een tweede keer toe te voegen.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/ics/`',
      files: under(paths, 'exports/ics/'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: `Kies in de map \`exports/ics\` het bestand van uw draaiboek, bijvoorbeeld \`${example}.ics\`.` },
        { text: 'Outlook: dubbelklik op het bestand en voeg de afspraken toe aan uw agenda.' },
        { text: 'Google Agenda: open de instellingen, kies Importeren en exporteren, selecteer het bestand en kies de agenda waarin de afspraken moeten komen.' },
        { text: 'Apple Agenda: kies Archief > Importeer en selecteer het bestand.' },
        { text: 'Importeer bij voorkeur in een aparte agenda. Dan verwijdert u alle afspraken in één keer als u ze niet meer nodig hebt.' },
      ],
      warnings: [],
      notCarried: [
        `Uw eigen vervaldag: de afspraken staan op de dagen rond ${due}. Verplaats ze naar de vervaldag van uw factuur.`,
        'Weekends en feestdagen: een stap die op een zaterdag, een zondag of een feestdag valt, schuift niet op.',
        'De tekst van de berichten: die vindt u in de sjablonen op deze website en in de rest van het pakket.',
      ],
      checked: ['Gecontroleerd tegen de norm iCalendar (RFC 5545): de tests lezen elk bestand met ical.js en controleren regeleinden en regellengte. Niet getest in Outlook, Google Agenda of Apple Agenda zelf.'],
      notCarriedPer: [],
    },
    {
      slug: 'excel',
      name: 'Excel en rekenbladen (.csv)',
      title: 'Draaiboeken en samenvoegvelden in Excel (.csv)',
      description: 'Open de Tijdig-draaiboeken en de lijst met samenvoegvelden in Excel, LibreOffice Calc of Google Spreadsheets, in het Nederlandse of het internationale CSV-formaat.',
      summary: 'De stappen van elk draaiboek met hun datum, en de lijst met samenvoegvelden.',
      what: [
        'CSV-bestanden zijn tabellen in platte tekst. Elk bestand bestaat in twee versies: een versie voor Excel met Nederlandse of Belgische instellingen (puntkomma tussen de kolommen, datums als dd-mm-jjjj) en een versie voor andere programma’s (komma’s, datums als jjjj-mm-dd).',
        '`<draaiboek>-excel-nl.csv` en `<draaiboek>-import.csv` bevatten de stappen van een draaiboek: de dag, de datum, het kanaal, de toon, de titel en het sjabloon.',
        '`samenvoegvelden-excel-nl.csv` en `samenvoegvelden-import.csv` hebben één kolom per gegeven dat in de sjablonen voorkomt, zoals `klant_naam` en `factuur_nummer`, en één voorbeeldrij. Dat is de gegevensbron voor Word en de lijst met variabelen voor de e-maildiensten.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/csv/`',
      files: under(paths, 'exports/csv/'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Dubbelklik op een bestand dat op `-excel-nl.csv` eindigt. Excel met Nederlandse of Belgische instellingen zet de gegevens meteen in kolommen.' },
        { text: 'Staat alles in één kolom, dan gebruikt uw Excel een ander scheidingsteken. Open dan een leeg werkblad, kies Gegevens > Van tekst/CSV en selecteer het bestand. Kies als bestandsoorsprong Unicode (UTF-8) en als scheidingsteken de puntkomma.' },
        { text: 'LibreOffice Calc of Google Spreadsheets: open het bestand dat op `-import.csv` eindigt. Vraagt het programma naar het scheidingsteken, kies dan de komma.' },
      ],
      warnings: [],
      notCarried: [
        'Opmaak, kleuren en formules: een CSV-bestand bevat alleen tekst.',
        'Begint een cel met =, +, - of @, dan staat er een apostrof voor. Zo kan een rekenblad de tekst niet als formule uitvoeren. Gewone getallen, zoals -3 dagen, blijven getallen.',
        'Weekends en feestdagen: de datums volgen de dagen van het draaiboek en schuiven niet op.',
      ],
      checked: ['De tests lezen elk bestand terug met een CSV-lezer (Papa Parse) en controleren BOM, scheidingsteken en regeleinden. Niet geopend in Excel zelf.'],
      notCarriedPer: [],
    },
    {
      slug: 'word-samenvoegen',
      name: 'Word: brieven samenvoegen',
      title: 'Brieven samenvoegen in Word (.docx)',
      description: 'De Tijdig-brieven als Word-standaardbrief met samenvoegvelden: Word vult per klant de naam, het adres, de factuur en de bedragen in uit een Excel-bestand.',
      summary: 'Elke brief als standaardbrief met samenvoegvelden, en een gegevensbron om aan te vullen.',
      what: [
        `Elke brief uit het pakket (${count(letters.length, 'brief', 'brieven')}) als Word-document, in dezelfde opmaak als de Tijdig-brief. Waar een gegeven komt, staat een samenvoegveld, zoals «klant_naam». Word vult die velden per klant in.`,
        `\`${WORD_MERGE_DATA}\` is de gegevensbron: één rij per klant, één kolom per veld, met één voorbeeldrij. Elke cel is tekst: bedragen en datums staan er al opgemaakt in (“€ 1.234,56”, “14-03-2026”) en een mededeling als “+++090/9337/55493+++” komt precies zo in de brief.`,
        'LibreOffice Writer leest de velden ook als samenvoegvelden. U kunt elke brief en de gegevensbron hieronder ook los downloaden.',
      ],
      zip: EXPORTS_ZIP,
      folder: `\`exports/${WORD_MERGE_DIR}/\``,
      files: under(paths, `exports/${WORD_MERGE_DIR}/`),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: `Open \`${WORD_MERGE_DATA}\` uit de map \`exports/${WORD_MERGE_DIR}\` in Excel en vervang de voorbeeldrij door uw klanten: één rij per brief. Laat de eerste rij met de kolomnamen staan en bewaar het bestand weer als Excel-werkmap (.xlsx).` },
        ...WORD_MERGE_STEPS.map((text) => ({ text })),
      ],
      warnings: ['Een veld blijft leeg als de kolom in uw gegevensbron leeg is. Kijk het voorbeeld van elke brief na voordat u afdrukt.'],
      notCarried: [
        ...blockNotes(letters, ['brief', 'brieven']),
        'Datums staan in de korte vorm (14-03-2026), niet voluit zoals in de Tijdig-brief (14 maart 2026).',
        'De QR-code om te betalen: die staat alleen in de pdf-brief die u op deze website invult.',
      ],
      checked: ['De tests zetten elke brief om met LibreOffice en controleren dat de velden samenvoegvelden zijn met de namen van de kolommen. Niet getest in Microsoft Word zelf.'],
      notCarriedPer: [],
    },
    {
      slug: 'mailprogramma',
      name: 'Mailprogramma (.eml)',
      title: 'E-mails als concept in uw mailprogramma (.eml)',
      description: 'Open een Tijdig-e-mail als concept in Outlook of Thunderbird, vul de gegevens van uw klant aan en verstuur hem vanuit uw eigen mailbox.',
      summary: 'Elke e-mail als concept om te openen in Outlook of Thunderbird.',
      what: [
        `Een .eml-bestand is één e-mail, met een opgemaakte versie en een versie in platte tekst. U krijgt er een voor elke e-mailstap van elk draaiboek en voor elke e-mail voor een bijzondere situatie (${count(emlFiles.length, 'bestand', 'bestanden')}).`,
        'In het pakket zijn de sjablonen leeg: de gegevens staan tussen vierkante haken, zoals `[klant.naam]`. Wilt u een e-mail die al ingevuld is, open dan het sjabloon op deze website, vul de gegevens in en download daar het .eml-bestand.',
        'De .eml-bestanden zitten niet in de zip met exports, maar in de zip met alle .eml-bestanden, in de zip van elk draaiboek en in het volledige pakket.',
      ],
      zip: EML_ZIP,
      folder: '`<draaiboek>/<stap>/` en `situaties/<sjabloon>/`',
      files: emlFiles,
      steps: [
        unzipStep(EML_ZIP),
        { text: 'Outlook: dubbelklik op het bestand. Het is gemarkeerd als niet verzonden, dus Outlook opent het als nieuw bericht dat u nog kunt aanpassen.' },
        { text: 'Thunderbird: open het bestand en kies Bewerken als nieuw bericht (Ctrl+E).' },
        { text: 'Vul de ontvanger in en vervang alles tussen vierkante haken door de gegevens van uw klant. Lees het bericht na en verstuur het.' },
        { text: 'Gebruikt u het bericht vaker, bewaar het dan als sjabloon. In Outlook: Bestand > Opslaan als, en kies Outlook-sjabloon (.oft).' },
      ],
      warnings: ['Dat Outlook en Thunderbird het bestand zo openen, hebben we niet in elke versie getest. We controleren wel automatisch hoe het bestand is opgebouwd.'],
      notCarried: [
        'Automatisch invullen: een mailprogramma vult de gegevens tussen haken niet zelf in. Voor veel klanten tegelijk is een e-maildienst handiger.',
        'De ontvanger en de afzender: die kiest u zelf in uw mailprogramma.',
        'Gmail: Gmail kan geen .eml-bestanden inlezen. Kopieer de tekst van het sjabloon op deze website naar een nieuw bericht.',
      ],
      checked: ['De tests lezen elk bestand met mailparser (onderwerp, HTML- en tekstversie, X-Unsent). Niet geopend in Outlook of Thunderbird zelf.'],
      notCarriedPer: [],
    },
    {
      slug: 'sms',
      name: 'Sms',
      title: 'Herinneringen per sms',
      description: 'Een korte sms bij elke herinnering van een Tijdig-draaiboek, met de betaallink en de mededeling, en hoeveel sms’en de tekst kost.',
      summary: 'Bij elke herinnering per e-mail een korte sms met de betaalgegevens.',
      what: [
        `Bij elke herinnering per e-mail (${count(smsSteps.length, 'stap', 'stappen')} in de draaiboeken) hoort een sms: wie u bent, welke factuur, het openstaande bedrag, waar de klant betaalt en met welke mededeling of welk betalingskenmerk. Heeft de e-mail geen betaalknop, dan staat uw rekeningnummer in de plaats van de link.`,
        'Per draaiboek een CSV-bestand met per stap en per land de tekst met velden als `{{factuur_nummer}}`, dezelfde tekst ingevuld met voorbeeldgegevens, het aantal tekens en het aantal sms’en. Op de pagina van elk sjabloon vult u de sms in met uw eigen gegevens en ziet u meteen hoeveel sms’en hij kost.',
        `Eén sms telt 160 gewone tekens; het euroteken en tekens als [ ] { } tellen dubbel. Eén letter buiten die tekenset, zoals ë, ï of een gekrulde apostrof, maakt van elke sms er een van 70 tekens. Een langere tekst wordt in delen van 153 (of 67) tekens verstuurd. Met de voorbeeldgegevens: ${smsExample}.`,
        'Bij een ingebrekestelling of een overdracht aan een advocaat of gerechtsdeurwaarder hoort geen sms: die stappen gaan per (aangetekende) brief, zoals in het draaiboek.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/sms/`',
      files: under(paths, 'exports/sms/'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: `Open het bestand van uw draaiboek in \`exports/sms\`, bijvoorbeeld \`${example}.csv\`, in Excel.` },
        { text: 'Kopieer de tekst van de stap naar uw sms-dienst en vervang de velden tussen dubbele accolades door de velden van die dienst, of vul ze per klant in.' },
        { text: 'Of open het sjabloon op deze website, vul de gegevens van de klant in en kopieer de sms onder het voorbeeld: de teller toont hoeveel sms’en de tekst kost.' },
        { text: 'Verstuur de sms op de dag van de stap, samen met of kort na de e-mail.' },
      ],
      warnings: [
        'Stuur een sms alleen naar een nummer dat de klant u zelf gaf, en zet er geen reclame in: het is een bericht over een factuur.',
        'Een naam met ë of een link met een speciaal teken maakt de sms duurder. Kijk de teller na voordat u veel sms’en verstuurt.',
      ],
      notCarried: [
        'De factuurtabel, de interest en de kosten: een sms noemt alleen het openstaande bedrag.',
        'Uw sms-dienst: elke dienst heeft een eigen manier om velden in te vullen. De bestanden gebruiken dezelfde veldnamen als de andere exports.',
        'Brieven, belscripts, ingebrekestellingen en overdrachten krijgen geen sms.',
      ],
      checked: ['De lengte volgt de GSM 03.38-tekenset (ook de uitbreidingstabel met €) en wordt in de tests vergeleken met de segmentteller van Twilio (npm-pakket sms-segments-calculator 1.3.0). Niet verstuurd via een echte sms-dienst.'],
      notCarriedPer: [],
    },
    {
      slug: 'whatsapp',
      name: 'WhatsApp',
      title: 'Herinneringen via WhatsApp Business',
      description: 'WhatsApp-sjablonen van het type utility voor elke herinnering, klaar om ter goedkeuring in te dienen, en wat u vooraf nodig hebt: toestemming van de klant.',
      summary: 'Elke herinnering als WhatsApp-sjabloon, klaar om ter goedkeuring in te dienen.',
      what: [
        `Wie via het WhatsApp Business Platform zelf een gesprek begint, moet een sjabloon gebruiken dat Meta vooraf heeft goedgekeurd. Tijdig maakt er één per herinnering per e-mail en per land (${count(whatsappCount, 'sjabloon', 'sjablonen')}): een JSON-bestand met de naam, de taal (\`nl\`), de categorie \`UTILITY\` en de tekst met genummerde variabelen als \`{{1}}\`, elk met een voorbeeldwaarde.`,
        'Meta kent één taalcode voor het Nederlands. Een tekst die in België en Nederland anders is (gestructureerde mededeling of betalingskenmerk), bestaat daarom als twee sjablonen, met `_be` of `_nl` aan het einde van de naam.',
        '`variabelen.csv` zegt per sjabloon welk gegeven in welke variabele komt, zoals `klant_contactpersoon` in `{{1}}`. Dat hebt u nodig bij het versturen.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/whatsapp/`',
      files: under(paths, 'exports/whatsapp/'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Zorg eerst voor toestemming: een klant krijgt alleen WhatsApp-berichten van u als hij u zijn nummer gaf en ermee instemde dat u hem via WhatsApp contacteert. Vraag dat bijvoorbeeld bij de bestelling of in uw offerte, met de naam van uw bedrijf erbij, en bewaar wanneer en hoe de klant instemde.' },
        { text: 'Dien elk sjabloon in bij Meta, in WhatsApp Manager of met de API van het WhatsApp Business Platform. Met de API stuurt u de inhoud van een bestand ongewijzigd mee:', code: 'POST /<uw WhatsApp Business-account-id>/message_templates' },
        { text: 'Meta keurt het sjabloon goed of af, of zet het in een andere categorie. Een herinnering aan een factuur is een bericht over een lopende transactie (utility). Zet er dus geen aanbiedingen of kortingen in, anders wordt het een marketingbericht.' },
        { text: 'Verstuur een goedgekeurd sjabloon met zijn naam en taal, en geef de waarden mee in de volgorde van `variabelen.csv`.' },
        { text: 'Stopt een klant de berichten (bijvoorbeeld met “stop”), stuur hem dan geen WhatsApp-berichten meer en herinner hem op een andere manier.' },
      ],
      warnings: [
        'Zonder toestemming van de klant mag u hem niet via WhatsApp contacteren, en Meta kan uw toegang tot WhatsApp Business dan beperken. Een e-mail of brief heeft die voorwaarde niet.',
        'Of Meta een sjabloon goedkeurt, beslist Meta. We controleren de bestanden automatisch op de regels die Meta voor sjablonen publiceert (naam, lengte, variabelen, voorbeelden), maar niet met een echt account.',
        'WhatsApp rekent per verstuurd sjabloonbericht, met een prijs per categorie en per land. Kijk de actuele prijzen na bij Meta of bij uw leverancier.',
      ],
      notCarried: [
        'Knoppen, kop- en voettekst: de sjablonen hebben alleen een tekst, zodat de goedkeuring eenvoudig blijft. De betaallink staat in de tekst.',
        'Brieven, belscripts, ingebrekestellingen en overdrachten: die hebben geen WhatsApp-sjabloon.',
        'De factuurtabel, de interest en de kosten: het bericht noemt alleen het openstaande bedrag.',
      ],
      checked: ['De tests controleren elk sjabloon op de regels die Meta publiceert: naam, taal nl, categorie UTILITY, tekst van hoogstens 1024 tekens, variabelen {{1}} … in volgorde, niet aan het begin of einde, nooit twee naast elkaar, en een voorbeeld per variabele. Niet ingediend bij Meta.'],
      notCarriedPer: [],
    },
    {
      slug: 'amazon-ses',
      name: 'Amazon SES',
      title: 'E-mailsjablonen voor Amazon SES',
      description: 'Laad de Tijdig-e-mails als sjablonen in Amazon SES met de AWS CLI, en verstuur ze met de gegevens van uw klanten in dezelfde vormgeving als op deze website.',
      summary: 'Elke e-mail als SES-sjabloon, klaar voor de AWS CLI.',
      what: [
        `Per e-mailsjabloon (${count(emails.length, 'sjabloon', 'sjablonen')}) een JSON-bestand met alles wat CreateTemplate nodig heeft: de naam, het onderwerp, de HTML-versie en de tekstversie. De HTML-versie heeft dezelfde vormgeving als de e-mails op deze website.`,
        'De variabelen heten zoals de kolommen van `samenvoegvelden-excel-nl.csv`. Uw software geeft bij het versturen de waarden mee, al opgemaakt: bedragen als “€ 1.234,56” en datums als “14-03-2026”.',
        'Zo wordt elke waarde precies één keer omgezet: alle variabelen staan tussen drie accolades, bijvoorbeeld `{{{klant_naam}}}`, en die zet Handlebars nooit om. Onderwerp en tekstversie lezen de waarde zoals ze is (`klant_naam`). De HTML-versie leest een tweede veld met `_html` erachter (`klant_naam_html`), waarin uw software de tekens < > & " en \' al heeft omgezet naar &lt; &gt; &amp; &quot; en &#39;. Zet u die omzetting niet zelf, dan kan een klantnaam de opmaak breken.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/email-services/ses/`',
      files: espFiles('ses'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Installeer de AWS CLI en meld u aan met een account dat in Amazon SES sjablonen mag maken, in de regio van waaruit u verstuurt.' },
        { text: 'Maak voor elk bestand een sjabloon, bijvoorbeeld:', code: `aws ses create-template --cli-input-json file://${sesExample}` },
        { text: 'Geef in `TemplateData` de waarden van één klant mee, zoals in één rij van `samenvoegvelden-excel-nl.csv`, en elk veld nog eens met `_html` erachter, met < > & " en \' omgezet.' },
        { text: 'Controleer het resultaat met een klantnaam als “Peeters & Zn <test>” voordat u verstuurt:', code: 'aws ses test-render-template --template-name <naam> --template-data file://klant.json' },
        { text: 'Verstuur met SendTemplatedEmail, bijvoorbeeld met `aws ses send-templated-email`.' },
      ],
      warnings: ['In de test moet de HTML “Peeters &amp; Zn &lt;test&gt;” tonen (één keer omgezet) en het onderwerp “Peeters & Zn <test>”. Ziet u &amp;amp; of een ongewijzigde < in de HTML, dan klopt uw `_html`-veld niet.', ESP_UNTESTED],
      notCarried: [...emailNotes, ...ESP_NOTES],
      checked: ['Gecontroleerd tegen de beschrijving van CreateTemplate (AWS CloudFormation AWS::SES::Template, boto3) en gecompileerd met handlebars.js in strikte modus, met en zonder escaping. Niet getest met een echt AWS-account.'],
      notCarriedPer: [],
    },
    {
      slug: 'sendgrid',
      name: 'SendGrid',
      title: 'Dynamische sjablonen voor SendGrid',
      description: 'Laad de Tijdig-e-mails als dynamische sjablonen in SendGrid via de API, met uw eigen tekstversie en voorbeeldgegevens voor de preview.',
      summary: 'Elke e-mail als dynamisch sjabloon met een eerste versie.',
      what: [
        `Per e-mailsjabloon (${count(emails.length, 'sjabloon', 'sjablonen')}) een JSON-bestand met twee delen: \`template\` maakt het dynamische sjabloon, \`version\` de eerste versie met het onderwerp, de HTML-versie, de tekstversie en voorbeeldgegevens voor de preview.`,
        'SendGrid maakt de tekstversie niet zelf: `generate_plain_content` staat uit, zodat onze tekstversie blijft. De variabelen heten zoals de kolommen van `samenvoegvelden-excel-nl.csv`.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/email-services/sendgrid/`',
      files: espFiles('sendgrid'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Maak in SendGrid een API-sleutel die sjablonen mag beheren.' },
        { text: 'Stuur het deel `template` van een bestand met `POST /v3/templates`. U krijgt de id van het nieuwe sjabloon terug.' },
        { text: 'Stuur het deel `version` van hetzelfde bestand met `POST /v3/templates/<id>/versions`.' },
        { text: 'Verstuur met die `template_id` en geef de waarden van de klant mee in `dynamic_template_data`.' },
      ],
      warnings: ['Gebruikt uw account de Europese regio van SendGrid, stuur de aanvragen dan naar api.eu.sendgrid.com.', ESP_UNTESTED],
      notCarried: [...emailNotes, ...ESP_NOTES],
      checked: ['Gecontroleerd tegen de API-beschrijving `twilio/sendgrid-oai` (commit dbe0e0d, `spec/yaml/tsg_templates_v3.yaml`) en gecompileerd met handlebars.js. Niet getest met een echt SendGrid-account.'],
      notCarriedPer: [],
    },
    {
      slug: 'postmark',
      name: 'Postmark',
      title: 'Sjablonen voor Postmark',
      description: 'Zet de Tijdig-e-mails met één opdracht in Postmark: elke map bevat het sjabloon met de HTML- en de tekstversie, klaar voor postmark templates push.',
      summary: 'Elke e-mail als map voor postmark templates push.',
      what: [
        `Per e-mailsjabloon (${count(emails.length, 'sjabloon', 'sjablonen')}) een map met \`meta.json\` (naam, alias, onderwerp en voorbeeldgegevens), \`content.html\` en \`content.txt\`. Dat is de indeling die het programma postmark-cli inleest.`,
        'Postmark gebruikt variabelen als `{{ klant_naam }}`. Ze heten zoals de kolommen van `samenvoegvelden-excel-nl.csv`.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/email-services/postmark/`',
      files: espFiles('postmark'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Installeer postmark-cli (een Node.js-programma van Postmark) en houd de API-token van uw Postmark-server bij de hand.' },
        { text: 'Laad alle sjablonen in één keer op:', code: 'postmark templates push exports/email-services/postmark' },
        { text: 'Verstuur met de alias van het sjabloon (`TemplateAlias`) en geef de waarden van de klant mee in `TemplateModel`.' },
      ],
      warnings: [ESP_UNTESTED],
      notCarried: [...emailNotes, 'Layouts van Postmark: elk sjabloon bevat zelf de volledige opmaak.', ...ESP_NOTES],
      checked: ['De mapindeling volgt `ActiveCampaign/postmark-cli` 1.6.19 (commit bc9bcdd, `src/commands/templates/helpers.ts`); de tests lezen de mappen zoals dat programma. Niet opgeladen naar een echt Postmark-account.'],
      notCarriedPer: [],
    },
    {
      slug: 'mailgun',
      name: 'Mailgun',
      title: 'Sjablonen voor Mailgun',
      description: 'Laad de Tijdig-e-mails als sjablonen in Mailgun via de API: de HTML-versie met de vormgeving, het onderwerp en een versie die meteen actief is.',
      summary: 'Elke e-mail als Mailgun-sjabloon met een actieve versie.',
      what: [
        `Per e-mailsjabloon (${count(emails.length, 'sjabloon', 'sjablonen')}) een JSON-bestand met de velden van één aanvraag: de naam, de beschrijving, de HTML-versie (\`template\`), een label (\`tag\`), een opmerking en het onderwerp in \`headers\`. Omdat \`template\` meegaat, maakt Mailgun met die ene aanvraag het sjabloon én de eerste, actieve versie.`,
        'De variabelen heten zoals de kolommen van `samenvoegvelden-excel-nl.csv`, bijvoorbeeld `{{klant_naam}}`.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/email-services/mailgun/`',
      files: espFiles('mailgun'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Maak sjabloon en versie in één keer met `POST /v3/<uw domein>/templates`. Mailgun verwacht formuliervelden, geen JSON: geef elk veld uit het bestand als apart formulierveld mee (`-F name=…`, `-F template=…`, `-F headers=…`).' },
        { text: 'Kijk in Mailgun (Sending > Templates) na dat de versie actief is en het onderwerp klopt.' },
        { text: 'Verstuur met de naam van het sjabloon en geef de waarden van de klant mee in `t:variables`.' },
      ],
      warnings: ['Staat uw domein in de Europese regio van Mailgun, stuur de aanvragen dan naar api.eu.mailgun.net.', ESP_UNTESTED],
      notCarried: ['De tekstversie: Mailgun krijgt alleen de HTML-versie en maakt de tekstversie zelf.', ...emailNotes, ...ESP_NOTES],
      checked: ['Gecontroleerd tegen de API-documentatie van Mailgun (`POST /v3/<domein>/templates`) en gecompileerd met handlebars.js. Niet getest met een echt Mailgun-account.'],
      notCarriedPer: [],
    },
    {
      slug: 'invoice-ninja',
      name: 'Invoice Ninja',
      title: 'Herinneringen voor Invoice Ninja (versie 5)',
      description: 'Zet de e-mailstappen van een Tijdig-draaiboek als automatische herinneringen in Invoice Ninja 5, per klantengroep of voor het hele bedrijf, met de vergoeding op de juiste herinnering.',
      summary: 'De e-mailstappen van elk draaiboek als automatische herinneringen.',
      what: [
        'Per draaiboek een JSON-bestand met de instellingen voor de automatische herinneringen: wanneer elke herinnering vertrekt (zoveel dagen voor of na de vervaldag), het onderwerp, de tekst en de vergoeding die Invoice Ninja dan op de factuur zet.',
        'De teksten gebruiken de variabelen van Invoice Ninja, zoals `$client.name` en `$balance_due`, zodat Invoice Ninja ze zelf invult.',
        `Vraagt een herinnering om de vaste vergoeding voor ondernemingen, dan staat € ${BE_FIXED_FEE} in \`late_fee_amount\` van die ene herinnering. Invoice Ninja zet het bedrag op de factuur telkens als die herinnering vertrekt, dus het staat maar bij één herinnering.`,
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/invoice-ninja/`',
      files: under(paths, 'exports/invoice-ninja/'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Automatische herinneringen werken in een eigen installatie (self-hosted) of met een betaald abonnement. Op het gratis abonnement van de gehoste versie laat Invoice Ninja de instellingen voor herinneringen weg.' },
        { text: `Maak in Invoice Ninja een API-token aan. Elke aanvraag stuurt die mee in de header \`${INVOICE_NINJA_RULES.authHeader}\`.` },
        { text: `Per klantengroep (aanbevolen): stuur het hele bestand met \`${INVOICE_NINJA_RULES.groupEndpoint}\` en zet daarna de klanten van dat segment in de nieuwe groep. Groepsinstellingen kunnen alleen via de API en vragen een abonnement met API-toegang.` },
        {
          text: 'Of voor het hele bedrijf: haal eerst alle bedrijfsinstellingen op met `GET /api/v1/companies/<id>`, voeg het deel `settings` uit het bestand eraan toe en stuur alles samen terug met `PUT`.',
        },
        { text: 'Rekent u aan consumenten, zet dan `late_fee_amount` op 0: de vaste vergoeding van € 40 geldt alleen tussen ondernemingen.' },
        { text: 'Kijk daarna de herinneringen na in de instellingen van Invoice Ninja (Templates & Reminders).' },
      ],
      warnings: [
        'Stuurt u voor het hele bedrijf alleen het deel `settings`, dan zet Invoice Ninja al uw andere instellingen terug op de standaardwaarden. Stuur daarom altijd alle instellingen samen.',
        'Een groep houdt wat u instelt, ook “uit” en 0: zo zet een groep een herinnering uit die voor het hele bedrijf aanstaat. Alleen een lege tekst valt terug op de tekst van het bedrijf, en daarna op de standaardtekst van Invoice Ninja.',
      ],
      notCarried: [
        'Invoice Ninja verstuurt hoogstens drie herinneringen op een vaste dag, plus één die zich herhaalt, altijd per e-mail. De herhaalde herinnering vertrekt een vaste tijd (een week, twee weken, een maand …) na het laatst verstuurde bericht en blijft komen tot de factuur betaald is. Een vierde stap op een vaste dag kan dus niet: hij staat klaar als herhaalde herinnering, maar uitgeschakeld.',
        'De tekstversie van de e-mails: die maakt Invoice Ninja zelf.',
        'De interest: Invoice Ninja rekent een vast bedrag of een percentage per herinnering, geen interest per dag.',
        'De datum van een ontvangen betaling: Invoice Ninja vult die alleen in als er al een betaling op de factuur staat. Waar het sjabloon ernaar vraagt, staat een label tussen haken.',
        ...markerNote('Invoice Ninja', markers('invoice-ninja', workflowEmails)),
      ],
      checked: [
        ...INVOICE_NINJA_VERSIONS.map((v) => versionLine('Invoice Ninja', v)),
        ...INVOICE_NINJA_SOURCES.map(sourceLine),
        'Getest: de namen en soorten van elke instelling (uit CompanySettings), de vergoeding op één herinnering en de frequentie van de herhaalde herinnering. Niet ingeladen in een echte Invoice Ninja.',
      ],
      notCarriedPer: workflows.map((w) => ({ title: w.titel, items: invoiceNinjaSettings(w, templates).steps.map((x) => x.how) })),
    },
    {
      slug: 'odoo',
      name: 'Odoo (beta)',
      title: 'Opvolgingsniveaus voor Odoo (beta)',
      description: 'Importeer de Tijdig-draaiboeken als opvolgingsniveaus en e-mailsjablonen in Odoo 13 tot 18, of als beleid met niveaus in de OCA-module voor kredietopvolging.',
      summary: 'De draaiboeken als opvolgingsniveaus en e-mailsjablonen, voor verschillende versies.',
      what: [
        'CSV-bestanden om in Odoo te importeren, in een map per versie en module. Ze zijn genummerd in de volgorde waarin u ze importeert: eerst de e-mailsjablonen, dan wat ernaar verwijst.',
        '`opvolging-odoo16-en-later`: e-mailsjablonen en opvolgingsniveaus voor de module Opvolging (Enterprise) in Odoo 16, 17 en 18. E-mailniveaus staan op Automatisch (`auto_execute`), anders verstuurt Odoo ze niet vanzelf. Telefoontjes en brieven worden activiteiten die u zelf afhandelt.',
        '`opvolging-odoo15-en-ouder`: opvolgingsniveaus voor Odoo 13, 14 en 15, met de tekst in het niveau zelf, het onderwerp in `email_subject` (alleen Odoo 15) en Automatisch aan voor e-mails.',
        '`credit-control-odoo15-en-later` (Odoo 15 en 16) en `credit-control-odoo14-en-ouder`: voor de gratis module account_credit_control van de OCA (Odoo Community). Elk draaiboek wordt een beleid met zijn niveaus, in één bestand, zodat u per klant het juiste segment kiest.',
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/odoo/`',
      files: under(paths, 'exports/odoo/'),
      steps: [
        unzipStep(EXPORTS_ZIP),
        { text: 'Kies in `exports/odoo` de map die bij uw versie en module past.' },
        { text: 'Module Opvolging: verwijder of hernoem eerst de standaardniveaus van Odoo, want Odoo weigert twee niveaus met dezelfde dag of dezelfde naam. Open Boekhouding > Configuratie > Opvolgingsniveaus en kies in het menu van de lijst Records importeren.' },
        { text: 'Odoo 13 en 14: kies in het importscherm bij de kolom `email_subject` “Niet importeren”; dat veld bestaat pas in Odoo 15.' },
        { text: `OCA-module: open \`2-credit.control.policy.csv\` en vervang in de kolom \`account_ids\` elke ${RECEIVABLE_ACCOUNT_MARKER} door de code van de debiteurenrekening van uw klanten (Boekhouding > Configuratie > Rekeningschema, soort Te ontvangen). Zonder die rekening kiest het beleid geen enkele factuur, en Odoo weigert het beleid bij een klant met een andere debiteurenrekening.` },
        { text: 'OCA-module: importeer `1-mail.template.csv` via Instellingen > Technisch > E-mailsjablonen, en `2-credit.control.policy.csv` via Boekhouding > Configuratie > Kredietopvolging > Beleid: de niveaus komen mee in hetzelfde bestand, want ze hebben geen eigen lijst.' },
        { text: 'Laad elk bestand, klik op Testen en daarna op Importeren, in de volgorde van hun nummer.' },
      ],
      warnings: ['Deze export is nog niet getest op een echte Odoo-installatie. Probeer hem eerst in een testdatabank. Per versie staat hieronder wat we konden nakijken en wat niet.'],
      notCarried: [
        'Segmenten in de module Opvolging: Odoo kent per bedrijf maar één reeks opvolgingsniveaus. Importeer daar één draaiboek. Met de OCA-module wordt elk draaiboek een eigen beleid.',
        'Eén bericht per factuur: Odoo herinnert een klant aan al zijn openstaande facturen samen. De factuurnummers worden opgesomd; datums en bedragen komen van de eerste openstaande factuur of van het totaal.',
        'Odoo 13 tot 15: het openstaande bedrag staat als label tussen haken in de tekst van het niveau, want die tekst kent alleen %(partner_name)s, %(date)s, %(user_signature)s en %(company_name)s. Odoo voegt zelf het overzicht van de openstaande posten toe.',
        `OCA-module: een niveau vóór de vervaldag kan niet, want de module kijkt pas naar een factuur vanaf haar vervaldag. Die stappen ontbreken (${count(ocaSkipped, 'stap', 'stappen')}); verstuur die herinnering zelf, bijvoorbeeld met de e-mail uit het pakket of een geplande e-mail vanuit de factuur.`,
        ...markerNote('Odoo', markers('odoo-partner-15', workflowEmails)),
      ],
      checked: [
        ...ODOO_FOLLOWUP_VERSIONS.map((v) => versionLine('Odoo Opvolging', v)),
        'De module Opvolging is sinds Odoo 9 Enterprise en staat niet in de openbare code van Odoo. Bronnen: ' + ODOO_FOLLOWUP_SOURCES.map(sourceLine).join(' '),
        ...OCA_VERSIONS.map((v) => versionLine('OCA account_credit_control', v)),
        ...OCA_SOURCES.map(sourceLine),
        'Getest: elke kolom is een veld van het model, elk verplicht veld is ingevuld, de keuzewaarden bestaan, één factuurtabel per e-mail, afzender en ontvanger zoals in het sjabloon van de OCA zelf. Niet geïmporteerd in een echte Odoo.',
      ],
      notCarriedPer: [],
    },
    {
      slug: 'kill-bill',
      name: 'Kill Bill',
      title: 'Aanmaningsstappen voor Kill Bill (overdue.xml)',
      description: 'Zet de stappen na de vervaldag van een Tijdig-draaiboek als toestanden in de overdue-configuratie van Kill Bill, het opensourceplatform voor abonnementsfacturatie.',
      summary: 'De stappen na de vervaldag als toestanden in overdue.xml.',
      what: [
        `Een overdue.xml voor Kill Bill, het opensourceprogramma voor abonnementsfacturatie${killbillWorkflows.length ? `, voor ${killbillWorkflows.map((w) => `het draaiboek ${w.titel}`).join(', ')}` : ''}. Elke stap na de vervaldag wordt een toestand. De melding bij elke toestand zegt welk sjabloon u verstuurt.`,
      ],
      zip: EXPORTS_ZIP,
      folder: '`exports/killbill/`',
      files: killbillPaths,
      steps: [
        unzipStep(EXPORTS_ZIP),
        {
          text: `Laad het bestand op voor uw tenant met \`POST ${KILLBILL_RULES.uploadPath}\` en Content-Type \`${KILLBILL_RULES.contentType}\`. Geef de headers \`${KILLBILL_RULES.tenantHeaders.join('` en `')}\` van uw tenant mee, en \`${KILLBILL_RULES.requiredHeader}\` met uw naam: zonder die laatste weigert Kill Bill de aanvraag. \`${KILLBILL_RULES.optionalHeaders.join('` en `')}\` mogen erbij.`,
          code: `curl -u <gebruiker>:<wachtwoord> -H 'X-Killbill-ApiKey: <key>' -H 'X-Killbill-ApiSecret: <secret>' -H 'X-Killbill-CreatedBy: <uw naam>' -H 'Content-Type: text/xml' --data-binary @overdue-abonnement.xml <uw Kill Bill>${KILLBILL_RULES.uploadPath}`,
        },
        { text: 'Of verwijs ernaar met de instelling `org.killbill.overdue.uri` in de configuratie van Kill Bill.' },
        { text: 'Koppel een plugin die reageert op `OVERDUE_CHANGE` en het sjabloon uit de melding verstuurt.' },
      ],
      warnings: [],
      notCarried: [
        'E-mails: Kill Bill verstuurt zelf geen e-mails. Daarvoor hebt u een plugin nodig.',
        'Blokkeren of opzeggen: de toestanden blokkeren en annuleren niets. Dat stelt u zelf in.',
        'Kill Bill telt de dagen vanaf de factuurdatum van de oudste onbetaalde factuur, niet vanaf de vervaldag. Bij een abonnement dat meteen betaald moet worden, is dat dezelfde dag; bij een betaaltermijn schuiven alle stappen zoveel dagen naar voren.',
        ...killbillWorkflows.flatMap((w) => {
          const skipped = w.stappen.filter((s) => s.offset <= 0).length;
          return skipped ? [`Stappen vóór of op de vervaldag ontbreken: ${count(skipped, 'stap', 'stappen')} in het draaiboek ${w.titel}.`] : [];
        }),
      ],
      checked: [...KILLBILL_SOURCES.map(sourceLine), 'Getest: de opbouw van overdue.xml (elementen, volgorde, namen, dagen). Niet opgeladen naar een echte Kill Bill.'],
      notCarriedPer: [],
    },
  ];
  return targets;
}

export async function exportTarget(slug: string): Promise<ExportTarget> {
  const found = (await exportTargets()).find((t) => t.slug === slug);
  if (!found) throw new Error(`export "${slug}" bestaat niet`);
  return found;
}

/** Letters with their merge fields, for the Word page's table (fill only, no .docx is built). */
export function mergeLetters(): { id: string; title: string; fields: number }[] {
  return getContent()
    .templates.filter((t) => t.kind === 'brief')
    .map((doc) => ({ id: doc.id, title: doc.title, fields: markedLetter(doc).fields.length }));
}

/** Splits text on backticks: odd parts are code. */
export function codeParts(text: string): { code: boolean; text: string }[] {
  return text.split('`').map((part, i) => ({ code: i % 2 === 1, text: part }));
}
