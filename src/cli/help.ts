/** `tijdig --help`: Dutch, for accountants and for whoever schedules the job. */
export function helpText(workflows: readonly { id: string; titel: string }[]): string {
  const list = workflows.map((w) => `      ${w.id.padEnd(16)} ${w.titel}`).join('\n');
  return `Tijdig: betalingsherinneringen voor veel facturen tegelijk, op uw eigen computer.
Hetzelfde werk als de pagina "Meerdere facturen" op de website; er vertrekt niets.

Gebruik:
  npx tijdig herinneringen <facturen.csv> [opties]

  Leest een CSV-export van openstaande facturen (één factuur per rij; Excel, Exact, Yuki,
  Moneybird …), groepeert ze per klant, kiest per klant de stap van het draaiboek die vandaag aan
  de beurt is en schrijft één zip met per klant de e-mail, brief of het belscript, een overzicht
  (00_overzicht.csv), een agenda met de volgende stappen (.ics) en de meldingen per rij.

Opties:
  --draaiboek <id>          het draaiboek (standaard: standaard):
${list}
  --uit <bestand.zip>       waar de zip komt (standaard: tijdig-herinneringen-<datum>.zip)
  --datum <jjjj-mm-dd>      de verzenddatum (standaard: vandaag)
  --afzender <bestand>      uw gegevens als JSON of YAML, bijvoorbeeld:
                              afzender:
                                naam: Bakkerij De Gouden Korst bv
                                straat: Kerkstraat 12
                                postcode: "9000"
                                gemeente: Gent
                                iban: BE71 0961 2345 6769
                                email: boekhouding@goudenkorst.be
                              ondertekenaar:
                                naam: Sofie Peeters
                                functie: Zaakvoerder
                              betaallink: https://betalen.goudenkorst.be
  --land be|nl              land van klanten zonder kolom "land" (standaard: be)
  --klanttype onderneming|consument
                            soort klant als het bestand het niet zegt (standaard: onderneming)
  --stap automatisch|<n>    per klant de stap van vandaag (standaard), of stap n voor iedereen
  --termijn <dagen>         betaaltermijn die een bericht geeft (standaard: 14)
  --betaaltermijn <dagen>   vervaldatum = factuurdatum + dagen, voor rijen zonder vervaldatum
  --nog-niet-vervallen      ook facturen die nog niet vervallen zijn mee opnemen
  --formaten <lijst>        welke bestanden, uit html, txt, eml, docx, pdf
                            (standaard: e-mail als html, txt, eml; brief en belscript als docx, pdf, txt)
  --kolommen <bestand.json> welke kolom welk gegeven is, als Tijdig ze niet zelf herkent:
                              {"version":1,"columns":{"factuurnummer":["Nr."],"vervaldatum":["Vervalt"]}}
  --scheidingsteken ;|,|tab als het scheidingsteken niet herkend wordt
  --betaallink <https://…>  algemene betaalpagina voor klanten zonder eigen betaallink
  --sla-fouten-over         rijen met een fout overslaan (ze staan in 00_meldingen.csv)
                            in plaats van te stoppen
  --stil                    geen voortgang en geen samenvatting
  --help                    deze uitleg

Uitkomst (exitcode):
  0  de zip is gemaakt
  1  een probleem met een bestand: een rij met een fout (rij en kolom staan in de melding),
     een ontbrekende kolom, een leeg of onleesbaar bestand. Er wordt dan geen zip geschreven.
  2  verkeerd gebruik: een onbekende optie of een ongeldige waarde

De zip wordt eerst onder een tijdelijke naam geschreven en pas op het einde hernoemd, zodat er
nooit een half bestand staat. Voortgang verschijnt alleen in een terminal (op stderr).

Voorbeeld:
  npx tijdig herinneringen facturen.csv --draaiboek standaard --afzender afzender.yaml --uit herinneringen.zip
`;
}
