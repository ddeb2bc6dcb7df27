/** LEESMIJ-export.txt: what each export folder holds, how to load it and what does not come along. */
import type { Workflow } from '../content/schema.ts';
import { formatDateShort } from '../model/format.ts';

export interface LeesmijInput {
  dueDate: string;
  workflows: readonly Workflow[];
  emailTemplateCount: number;
  /** True when the user's own sender details were written in. */
  personalised: boolean;
  invoiceNinja: { workflow: Workflow; notCarried: string[] }[];
  /** Labels of placeholders Invoice Ninja has no variable for, as used in the content. */
  invoiceNinjaMarkers: string[];
  odooMarkers: string[];
  killbill: { workflow: Workflow; skipped: number }[];
  /** True when the e-mail services got the fully designed Tijdig e-mail, false for the simple HTML. */
  designedEmails: boolean;
}

const list = (items: readonly string[], indent = '   ') => items.map((item) => `${indent}- ${item}`);

export function leesmijExport(input: LeesmijInput): string {
  const due = formatDateShort(input.dueDate);
  const lines = [
    'TIJDIG — EXPORTS VOOR ANDERE PROGRAMMA\'S',
    '',
    'In deze map staan dezelfde draaiboeken en sjablonen als in de rest van het pakket, maar in de',
    'bestandsformaten van andere programma\'s: uw agenda, Excel en Word, e-maildiensten, Invoice Ninja,',
    'Odoo en Kill Bill. Per map leest u hieronder wat u ermee doet en wat er niet mee overkomt.',
    '',
    'GEGEVENS IN DE SJABLONEN',
    'Programma\'s die zelf klant- en factuurgegevens bijhouden (Invoice Ninja, Odoo), krijgen',
    'sjablonen met hun eigen variabelen, bijvoorbeeld $client.name in Invoice Ninja. Heeft zo\'n',
    'programma een gegeven niet, dan staat er een label tussen vierkante haken, bijvoorbeeld',
    '[Nieuwe betaaltermijn]. Vervang dat door vaste tekst of schrap de zin voordat u het sjabloon',
    'gebruikt, anders krijgt uw klant de haken te zien.',
    input.personalised
      ? 'Uw eigen bedrijfsgegevens (naam, adres, rekeningnummer, ondertekenaar) zijn al ingevuld.'
      : 'Vult u op de website uw bedrijfsgegevens in, dan staan die er meteen in (naam, adres, rekeningnummer).',
    '',
    'Programma\'s die niets zelf invullen (Amazon SES, SendGrid, Postmark, Mailgun, Word), krijgen de',
    'gegevens kant-en-klaar opgemaakt: bedragen als "€ 1.234,56" en datums als "14-03-2026". De namen',
    'van die velden zijn de kolomnamen in csv/samenvoegvelden-excel-nl.csv, bijvoorbeeld klant_naam.',
    '',
    'ics/ — AGENDA',
    `Per draaiboek een agendabestand met één gebeurtenis per stap, gerekend vanaf de vervaldatum ${due}.`,
    'Elke gebeurtenis duurt de hele dag en geeft om 9 uur een melding. In de beschrijving staan het',
    'kanaal, het onderwerp van het sjabloon, wat u die dag doet en wat u doet als de klant reageert.',
    'Importeren: dubbelklik op het bestand, of kies in Outlook, Google Agenda of Apple Agenda de optie',
    'om een agenda te importeren. Elke gebeurtenis heeft een vaste code: de meeste agenda\'s werken een',
    'nieuwe export van hetzelfde draaiboek en dezelfde vervaldatum bij, in plaats van alles dubbel te zetten.',
    'Gaat niet mee: de agenda slaat weekends en feestdagen niet over. Wilt u dat wel, gebruik dan de',
    'tijdlijn op de website.',
    '',
    'csv/ — EXCEL EN WORD',
    '- <draaiboek>-excel-nl.csv: de stappen met hun datum, voor Excel in het Nederlands (puntkomma als',
    '  scheidingsteken, datums als dd-mm-jjjj).',
    '- <draaiboek>-import.csv: hetzelfde voor andere programma\'s (komma, datums als jjjj-mm-dd).',
    '- samenvoegvelden-excel-nl.csv: de gegevensbron voor Afdruk samenvoegen in Word: één rij per klant,',
    '  één kolom per veld. Kies in Word Verzendlijsten > Adressen selecteren > Bestaande lijst gebruiken.',
    '  Bedragen en datums staan er al als tekst in, dus Word hoeft niets om te zetten.',
    '- samenvoegvelden-import.csv: dezelfde kolommen voor andere programma\'s, met bedragen als 1234.56',
    '  en datums als jjjj-mm-dd.',
    'Een cel die met =, +, - of @ begint, krijgt een apostrof vooraan. Zo kan Excel er geen formule van',
    'maken. Gewone getallen, zoals -3 dagen, blijven getallen.',
    '',
    'word-samenvoegen/ — BRIEVEN OM SAMEN TE VOEGEN IN WORD',
    '- Elke brief met briefhoofd en adresvak, met samenvoegvelden («klant_naam» …) in plaats van de',
    '  placeholders, en gegevensbron.xlsx met dezelfde kolomnamen (elke cel is tekst, dus zonder',
    '  apostrof vooraan). Kies in Word Verzendlijsten >',
    '  Adressen selecteren > Bestaande lijst gebruiken, en dan Voltooien en samenvoegen.',
    '',
    'sms/ — SMS',
    '- <draaiboek>.csv: bij elke herinnering per e-mail een korte sms met de betaallink (of uw',
    '  rekeningnummer) en de mededeling of het betalingskenmerk: de tekst met velden als',
    '  {{factuur_nummer}}, dezelfde tekst met voorbeeldgegevens, en hoeveel tekens en sms\'en dat is.',
    '  Eén sms telt 160 tekens; € telt dubbel, en een letter als ë maakt er 70 tekens van.',
    '',
    'whatsapp/ — WHATSAPP BUSINESS',
    '- Eén JSON-bestand per herinnering en per land: een sjabloon van het type UTILITY om bij Meta',
    '  ter goedkeuring in te dienen (POST /<account-id>/message_templates). variabelen.csv zegt welk',
    '  gegeven in {{1}}, {{2}} ... komt. Stuur alleen berichten aan klanten die daarmee instemden.',
    '',
    `email-services/ — E-MAILDIENSTEN (${input.emailTemplateCount} e-mailsjablonen)`,
    'De variabelen hebben de namen van de samenvoegvelden. Uw software vult ze bij het versturen in,',
    'met de waarden zoals in samenvoegvelden-excel-nl.csv.',
    '- ses/ (Amazon SES): aws ses create-template --cli-input-json file://ses/<bestand>.json',
    '  Let op: Amazon SES zet waarden ongewijzigd in de HTML. Laat uw software tekens als < > & " eerst',
    '  omzetten (HTML-escaping), anders kan een klantnaam de opmaak breken of er iets aan toevoegen.',
    '- sendgrid/ (SendGrid): maak eerst de template met het deel "template" (POST /v3/templates), en',
    '  dan de versie met het deel "version" (POST /v3/templates/<id>/versions). Voor klanten in de',
    '  Europese Unie kan dat ook via api.eu.sendgrid.com.',
    '- postmark/ (Postmark): postmark templates push email-services/postmark',
    '  Elke map met een meta.json is één sjabloon; content.html en content.txt staan ernaast.',
    '- mailgun/ (Mailgun): maak de template met het deel "template" en voeg de versie toe met het deel',
    '  "version". Het onderwerp staat in "headers".',
    'Gaat niet mee: Mailgun krijgt alleen de HTML-versie; de tekstversie maakt Mailgun daar zelf van.',
    '',
    'invoice-ninja/ — INVOICE NINJA (versie 5)',
    'Per draaiboek de instellingen voor automatische herinneringen. Twee manieren:',
    '- Per klantengroep: stuur het hele bestand met POST /api/v1/group_settings en zet de klanten van',
    '  dat segment in die groep. Op groepsniveau laat Invoice Ninja lege waarden weg (uit, 0, lege tekst),',
    '  dus een herinnering die voor het hele bedrijf aanstaat, kunt u daar niet uitzetten.',
    '- Voor het hele bedrijf: haal eerst alle bedrijfsinstellingen op, voeg het deel "settings" eraan',
    '  toe en stuur alles samen terug. Stuurt u alleen dit deel, dan zet Invoice Ninja al uw andere',
    '  instellingen terug op de standaardwaarden.',
    'Invoice Ninja verstuurt hoogstens drie herinneringen, altijd per e-mail, plus één herinnering die',
    'zich blijft herhalen. Een vierde e-mailstap staat klaar als die herhaalde herinnering, maar staat',
    'uit: zet ze zelf aan als u dat wilt. De tekstversie van de e-mail maakt Invoice Ninja zelf.',
    'Gaat niet mee, per draaiboek:',
    ...input.invoiceNinja.flatMap(({ workflow, notCarried }) => [`   ${workflow.titel}:`, ...(notCarried.length ? list(notCarried, '     ') : ['     - (alles komt mee)'])]),
    'Labels tussen haken in deze sjablonen (Invoice Ninja heeft die gegevens niet):',
    ...list(input.invoiceNinjaMarkers),
    '',
    'odoo/ — ODOO (BETA)',
    'CSV-bestanden voor Instellingen > Gegevens importeren. Importeer ze in de volgorde van hun nummer.',
    'Dit is nog niet getest op een echte Odoo-installatie; probeer het eerst in een testdatabank.',
    '- opvolging-odoo16-en-later/<draaiboek>/: e-mailsjablonen en opvolgingsniveaus voor Odoo 16, 17 en',
    '  18 (module Opvolging van Boekhouding, Enterprise). Telefoon en brieven worden activiteiten.',
    '- opvolging-odoo15-en-ouder/<draaiboek>/: opvolgingsniveaus met de tekst in het veld Bericht, voor',
    '  Odoo 15 en ouder. Daar kent Odoo alleen %(partner_name)s, %(date)s, %(amount_due)s,',
    '  %(user_signature)s en %(company_name)s.',
    '- credit-control-odoo15-en-later/ en credit-control-odoo14-en-ouder/: voor de gratis module',
    '  account_credit_control van de OCA (Odoo Community). Elk draaiboek wordt een eigen beleid, zodat u',
    '  per klant het juiste segment kunt kiezen.',
    'Odoo kent per bedrijf maar één reeks opvolgingsniveaus en weigert twee niveaus met dezelfde dag of',
    'naam. Verwijder of hernoem eerst de standaardniveaus van Odoo, en importeer maar één draaiboek.',
    'Odoo herinnert een klant aan al zijn openstaande facturen samen: factuurnummers worden opgesomd,',
    'datums en bedragen komen van de eerste openstaande factuur of van het totaal.',
    'Labels tussen haken in deze sjablonen (Odoo heeft die gegevens niet):',
    ...list(input.odooMarkers),
    '',
    'killbill/ — KILL BILL',
    'Een overdue.xml voor Kill Bill, het opensourceprogramma voor abonnementsfacturatie. Elke stap na de',
    'vervaldag is een toestand; de melding (externalMessage) zegt welk sjabloon u verstuurt. Kill Bill',
    'verstuurt zelf geen e-mails: daarvoor hebt u een plugin nodig die reageert op OVERDUE_CHANGE.',
    'De toestanden blokkeren en annuleren niets; dat stelt u zelf in. Kill Bill telt de dagen vanaf de',
    'datum van de oudste onbetaalde factuur, niet vanaf de vervaldag. Bij een abonnement dat meteen',
    'betaald moet worden, is dat dezelfde dag. Stappen vóór of op die dag ontbreken dus.',
    'Opladen: POST /1.0/kb/overdue/xml met het bestand, of org.killbill.overdue.uri in de configuratie.',
    ...input.killbill.filter((k) => k.skipped > 0).map((k) => `Weggelaten in ${k.workflow.titel}: ${k.skipped} stap(pen) vóór of op de vervaldag.`),
    '',
    'WAT IN GEEN ENKELE EXPORT ZIT',
    ...(input.designedEmails
      ? []
      : ['- De vormgeving van de Tijdig-e-mails: de e-maildiensten krijgen een eenvoudige HTML-versie.']),
    '- Het interestoverzicht per periode en de lijst van afbetalingstermijnen in de Word-brieven: Word',
    '  kan die niet berekenen. Gebruik daarvoor de pdf uit de mappen per draaiboek of de website.',
    '- De QR-code om te betalen.',
    '',
  ];
  return lines.join('\r\n');
}
