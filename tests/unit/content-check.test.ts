import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/content/errors.ts';
import { loadContent, type SourceFile } from '../../src/model/load.ts';

const TEMPLATE = `---
id: test-herinnering
soort: email
titel: Herinnering
doel: herinnering
toon: vriendelijk
segment: vip
onderwerp: "Factuur {{factuur.nummer}}"
preheader: "Een korte herinnering aan uw factuur."
gevallen: [be-onderneming]
---
Beste {{klant.contactpersoon}},

::factuurtabel
::betaalgegevens
::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.

Vragen? Bel {{afzender.telefoon}}.

::handtekening
`;

const WORKFLOW = `id: test
titel: Testflow
segment: vip
gevallen: [be-onderneming]
samenvatting: Een korte workflow om de controle te testen.
doel: Betaald worden zonder de klant te verliezen.
toon: vriendelijk
stappen:
  - offset: 5
    titel: Eerste herinnering
    kanaal: email
    toon: vriendelijk
    template: test-herinnering
    bijReactie: Bedank de klant en sluit het dossier af.
  - offset: 12
    titel: Tweede herinnering
    kanaal: email
    toon: professioneel
    template: test-herinnering
    bijReactie: Bedank de klant en sluit het dossier af.
`;

const valid = (): SourceFile[] => [
  { path: 'content/templates/test-herinnering.md', text: TEMPLATE },
  { path: 'content/workflows/test.yaml', text: WORKFLOW },
];

/** Replaces one file's text and returns every formatted message. */
function messagesWith(path: string, edit: (text: string) => string): string[] {
  const files = valid().map((f) => (f.path === path ? { ...f, text: edit(f.text) } : f));
  const result = loadContent(files);
  if (result.ok) throw new Error('expected the content check to fail');
  return result.issues.map(formatIssue);
}

const T = 'content/templates/test-herinnering.md';
const W = 'content/workflows/test.yaml';

describe('content check', () => {
  it('accepts the valid fixture', () => {
    const result = loadContent(valid());
    expect(result.ok).toBe(true);
  });

  const cases: [string, string, (s: string) => string, string][] = [
    ['unknown template in a step', W, (s) => s.replace('template: test-herinnering\n    bijReactie: Bedank de klant en sluit het dossier af.\n  - offset: 12', 'template: bestaat-niet\n    bijReactie: Bedank de klant en sluit het dossier af.\n  - offset: 12'),
      `${W} › stappen[0].template: template "bestaat-niet" bestaat niet\n    tip: maak content/templates/bestaat-niet.md of kies een bestaande id`],
    ['offsets out of order', W, (s) => s.replace('offset: 12', 'offset: 3'),
      `${W} › stappen[1].offset: dag 3 komt niet na de vorige stap (dag 5)\n    tip: zet de stappen in volgorde van dag; elke stap komt later dan de vorige`],
    ['channel does not fit the template kind', W, (s) => s.replace('kanaal: email\n    toon: professioneel', 'kanaal: telefoon\n    toon: professioneel'),
      `${W} › stappen[1].template: kanaal "telefoon" past niet bij template "test-herinnering" (soort email)\n    tip: kies een template van soort belscript`],
    ['unknown tone', W, (s) => s.replace('toon: professioneel', 'toon: boos'),
      `${W} › stappen[1].toon: ongeldige waarde de tekst "boos"\n    tip: kies uit: vriendelijk, professioneel, kordaat, formeel`],
    ['missing required field', W, (s) => s.replace('    bijReactie: Bedank de klant en sluit het dossier af.\n  - offset: 12', '  - offset: 12'),
      `${W} › stappen[0].bijReactie: dit verplichte veld ontbreekt\n    tip: voeg "bijReactie" toe (tekst)`],
    ['offset of the wrong type', W, (s) => s.replace('offset: 5', 'offset: vijf'),
      `${W} › stappen[0].offset: verwacht een getal, kreeg de tekst "vijf"\n    tip: zie de JSON Schema in dist/schema/ voor de vorm van elk veld`],
    ['unknown key', W, (s) => s.replace('toon: vriendelijk\nstappen', 'toon: vriendelijk\nkleur: blauw\nstappen'),
      `${W} › kleur: onbekend veld "kleur"\n    tip: verwijder het of controleer de spelling van de veldnaam`],
    ['broken YAML', W, (s) => s.replace('titel: Testflow', 'titel: [Testflow'),
      `${W} › (bestand): geen geldige YAML op regel 3: Flow sequence in block collection must be sufficiently indented and end with a ]\n    tip: controleer inspringing, dubbele punten en aanhalingstekens`],
    ['unknown placeholder', T, (s) => s.replace('{{klant.contactpersoon}}', '{{klant.voornaam}}'),
      `${T} › tekst blok 1: onbekende placeholder {{klant.voornaam}}\n    tip: alle placeholders staan in dist/schema/fill-data.json`],
    // The intro of ::interestoverzicht is template text like any other: the check must see it (it once skipped it).
    ['unknown placeholder in the interest overview intro', T, (s) => s.replace('::handtekening', '::interestoverzicht Zo berekenen wij de interest voor {{klant.voornaam}}:\n\n::handtekening'),
      `${T} › tekst blok 6: onbekende placeholder {{klant.voornaam}}\n    tip: alle placeholders staan in dist/schema/fill-data.json`],
    ['amount without the bedrag helper', T, (s) => s.replace('Vragen? Bel', 'U bent {{factuur.openstaand}} verschuldigd. Vragen? Bel'),
      `${T} › tekst blok 5: {{factuur.openstaand}} is een bedrag en moet opgemaakt worden\n    tip: schrijf {{bedrag factuur.openstaand}}`],
    ['Handlebars block in a template', T, (s) => s.replace('Vragen? Bel', '{{#if klant.naam}}x{{/if}} Vragen? Bel'),
      `${T} › regel 18: niet toegelaten in een sjabloon: een blok {{#…}}\n    tip: gebruik alleen {{pad}} of {{helper pad}}; logica hoort in de code, niet in de tekst`],
    ['unknown directive', T, (s) => s.replace('::factuurtabel', '::factuurlijst'),
      `${T} › regel 14: onbekende directive "::factuurlijst"\n    tip: kies uit ::factuurtabel, ::betaalgegevens, ::betaalknop, ::termijn, ::handtekening, ::afbetalingsplan, ::interestoverzicht`],
    ['email without subject', T, (s) => s.replace('onderwerp: "Factuur {{factuur.nummer}}"\n', ''),
      `${T} › onderwerp: een e-mail heeft een onderwerp nodig\n    tip: voeg onderwerp: toe, met het factuurnummer erin`],
    ['reminder without a deadline', T, (s) => s.replace('::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.\n', ''),
      `${T} › tekst: een termijn ontbreekt (vereist voor doel "herinnering")\n    tip: zet ::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}. in de tekst`],
    ['id differs from the file name', T, (s) => s.replace('id: test-herinnering', 'id: andere-naam'),
      `${T} › id: id "andere-naam" verschilt van de bestandsnaam "test-herinnering"\n    tip: hernoem het bestand naar andere-naam.md of pas de id aan`],
    ['unclosed bold', T, (s) => s.replace('Vragen? Bel', '**Vragen? Bel'),
      `${T} › regel 18: vetgedrukte tekst wordt niet afgesloten\n    tip: zet ** voor en na de vette woorden`],
    ['a word too long for a line of a letter', T, (s) => s.replace('Vragen? Bel', `${'x'.repeat(41)} Vragen? Bel`),
      `${T} › tekst: het woord "${'x'.repeat(30)}…" (41 tekens) past niet op een regel van een brief\n    tip: splits het woord; een woord in de tekst van een sjabloon telt hoogstens 40 tekens`],
    ['an empty body', T, (s) => s.slice(0, s.indexOf('Beste')),
      `${T} › tekst: de tekst van het sjabloon is leeg\n    tip: schrijf de boodschap onder de frontmatter`],
    ['missing frontmatter', T, () => 'Beste klant,\n',
      `${T} › (bestand): de frontmatter ontbreekt\n    tip: begin het bestand met een blok tussen twee regels "---" (id, soort, titel, …)`],
  ];

  it.each(cases)('reports %s with file, path and hint', (_name, path, edit, expected) => {
    const messages = messagesWith(path, edit);
    expect(messages.some((m) => m === expected), messages.join('\n')).toBe(true);
  });

  it('collects every problem instead of stopping at the first', () => {
    const messages = messagesWith(W, (s) => s.replace('offset: 12', 'offset: 3').replace('toon: vriendelijk\nstappen', 'toon: vriendelijk\nkleur: blauw\nstappen'));
    expect(messages).toHaveLength(1); // an unknown key stops cross-checks of that file…
    const more = loadContent([
      { path: T, text: TEMPLATE.replace('{{klant.contactpersoon}}', '{{klant.voornaam}}').replace('::factuurtabel', '::factuurlijst') },
      { path: W, text: WORKFLOW.replace('offset: 12', 'offset: 3') },
    ]);
    expect(more.ok).toBe(false);
    if (!more.ok) expect(more.issues.length).toBeGreaterThanOrEqual(3); // …but problems in other files are all reported
  });

  it('reports a duplicated template id once per duplicate', () => {
    const result = loadContent([...valid(), { path: 'content/templates/sub/test-herinnering.md', text: TEMPLATE }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map(formatIssue)).toContain(`content/templates/test-herinnering.md › id: de id "test-herinnering" bestaat al\n    tip: elke template heeft een unieke id`);
  });

  describe('cases and variants', () => {
    const NL = 'content/templates/test-herinnering-nl.md';
    const variant = (cases: string, extra = '') =>
      TEMPLATE.replace('id: test-herinnering', 'id: test-herinnering-nl').replace('gevallen: [be-onderneming]', `gevallen: ${cases}\nvariantVan: test-herinnering${extra}`);
    const withCases = (cases: string, files: SourceFile[] = []) => loadContent([...valid().map((f) => (f.path === W ? { ...f, text: f.text.replace('gevallen: [be-onderneming]', `gevallen: ${cases}`) } : f)), ...files]);
    const messages = (r: ReturnType<typeof loadContent>) => (r.ok ? [] : r.issues.map(formatIssue));

    it('requires gevallen on a template and names the field', () => {
      const m = messagesWith(T, (s) => s.replace('gevallen: [be-onderneming]\n', ''));
      expect(m.some((x) => x.startsWith(`${T} › gevallen: dit verplichte veld ontbreekt`)), m.join('\n')).toBe(true);
    });

    it('rejects an unknown case', () => {
      const m = messagesWith(T, (s) => s.replace('gevallen: [be-onderneming]', 'gevallen: [be-bedrijf]'));
      expect(m.some((x) => x.startsWith(`${T} › gevallen[0]:`)), m.join('\n')).toBe(true);
    });

    it('fails a workflow that declares a case no template of a step covers, naming step and fix', () => {
      const m = messages(withCases('[be-onderneming, nl-consument]'));
      expect(m).toContain(`${W} › stappen[0].template: "test-herinnering" heeft geen tekst voor nl-consument, dat de workflow in gevallen noemt\n    tip: maak een variant (variantVan: test-herinnering, gevallen: [nl-consument]) of haal nl-consument uit gevallen: van de workflow`);
    });

    it('accepts the case once a variant covers it, and resolves the step per case', () => {
      const r = withCases('[be-onderneming, nl-consument]', [{ path: NL, text: variant('[nl-onderneming, nl-consument]') }]);
      expect(messages(r)).toEqual([]);
      if (!r.ok) return;
      const nl = r.content.templates.find((t) => t.id === 'test-herinnering-nl')!;
      expect(nl.variantOf).toBe('test-herinnering');
      expect(nl.jurisdiction).toBe('nl');
    });

    it('fails when two templates of a family claim the same case', () => {
      const m = messages(withCases('[be-onderneming]', [{ path: NL, text: variant('[be-onderneming, nl-consument]') }]));
      expect(m).toContain(`${NL} › gevallen: be-onderneming staat ook in de gevallen van "test-herinnering"\n    tip: elk geval heeft één tekst: haal be-onderneming weg uit dit sjabloon of uit test-herinnering`);
      expect(m.some((x) => x.startsWith(`${W} › stappen[0].template: "test-herinnering" heeft 2 teksten voor be-onderneming`)), m.join('\n')).toBe(true);
    });

    it('fails a variant of a template that does not exist, or of another kind', () => {
      const m = messages(withCases('[be-onderneming]', [{ path: NL, text: variant('[nl-consument]').replace('variantVan: test-herinnering', 'variantVan: bestaat-niet') }]));
      expect(m).toContain(`${NL} › variantVan: basissjabloon "bestaat-niet" bestaat niet\n    tip: noem de id van het sjabloon waarvan dit de variant is (de id die de workflow gebruikt)`);
      const kind = messages(withCases('[be-onderneming]', [{ path: NL, text: variant('[nl-consument]').replace('soort: email', 'soort: brief').replace(/preheader: .*\n/, '') }]));
      expect(kind.some((x) => x.startsWith(`${NL} › soort: een variant van "test-herinnering" (email) moet ook een email zijn`)), kind.join('\n')).toBe(true);
    });

    it('fails a step that names a variant instead of its base', () => {
      const r = loadContent([
        { path: T, text: TEMPLATE },
        { path: NL, text: variant('[nl-consument]') },
        { path: W, text: WORKFLOW.replace(/template: test-herinnering\n/g, 'template: test-herinnering-nl\n') },
      ]);
      expect(messages(r)).toContain(`${W} › stappen[0].template: "test-herinnering-nl" is een variant van "test-herinnering"\n    tip: noem de basis: template: test-herinnering; per geval kiest Tijdig zelf de variant`);
    });
  });
});
