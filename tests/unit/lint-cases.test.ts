/**
 * Lint per legal case: every mandatory mention of src/lint/vermeldingen.json fires when it is
 * missing, every forbidden reference fires when present, and the country word lists
 * (src/lint/landwoorden.json) flag Belgian words in a Dutch text and Dutch words in a Belgian one.
 */
import { describe, expect, it } from 'vitest';
import { COUNTRY_WORDS, MENTION_RULES } from '../../src/lint/cases.ts';
import { lintContent, type LintIssue } from '../../src/lint/index.ts';
import { loadContent, type SourceFile } from '../../src/model/load.ts';

const FILE = 'content/templates/test-geval.md';

function template(cases: string, body: string, doel = 'herinnering', soort = 'email'): SourceFile {
  const front = [
    'id: test-geval',
    `soort: ${soort}`,
    'titel: Testbericht',
    `doel: ${doel}`,
    'toon: professioneel',
    'segment: standaard',
    'onderwerp: "Herinnering: factuur {{factuur.nummer}}"',
    ...(soort === 'email' ? ['preheader: "De factuur staat nog open. Hieronder vindt u alle gegevens."'] : []),
    `gevallen: ${cases}`,
  ];
  return { path: FILE, text: `---\n${front.join('\n')}\n---\n${body}` };
}

function lint(file: SourceFile, rules: LintIssue['rule'][] = ['verplichte-vermelding', 'verkeerd-recht', 'landwoord']): LintIssue[] {
  const loaded = loadContent([file]);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return lintContent({ content: loaded.content, files: [file] }).issues.filter((i) => rules.includes(i.rule));
}

/**
 * A Belgian consumer's first reminder with every mandatory mention, one per line so each can be
 * taken out. (Amount and due date are required of every reminder by the content check itself.)
 */
const LINES = {
  aanhef: 'Beste {{klant.contactpersoon}},',
  omschrijving: 'Factuur {{factuur.nummer}} voor {{factuur.omschrijving}} staat nog open.',
  tabel: '::factuurtabel',
  betaal: '::betaalgegevens',
  termijn: '::termijn Betaal uiterlijk op {{datum berekend.betaalUiterlijk}}.',
  schade: 'Is het bedrag dan niet betaald, dan kan een schadevergoeding volgen, zoals onze voorwaarden bepalen.',
  nummer: 'Ons ondernemingsnummer is {{afzender.ondernemingsnummer}}.',
  contact: 'Vragen? Bel {{afzender.telefoon}}.',
  groet: 'Met vriendelijke groeten,',
  handtekening: '::handtekening',
} as const;
const body = (without: (keyof typeof LINES)[] = [], replace: Partial<Record<keyof typeof LINES, string>> = {}) =>
  `${(Object.keys(LINES) as (keyof typeof LINES)[]).filter((k) => !without.includes(k)).map((k) => replace[k] ?? LINES[k]).join('\n\n')}\n`;
const messages = (issues: LintIssue[]) => issues.map((i) => `${i.rule} ${i.path}: ${i.message}`);

describe('verplichte-vermelding: a Belgian consumer first reminder (Boek XIX WER)', () => {
  const rule = MENTION_RULES.find((r) => r.id === 'be-consument-eerste-herinnering')!;

  it('passes with every mention', () => {
    expect(messages(lint(template('[be-consument]', body())))).toEqual([]);
  });

  const cases: [string, Partial<Record<keyof typeof LINES, string>>, (keyof typeof LINES)[]][] = [
    ['waarvoor de factuur is', { omschrijving: 'Factuur {{factuur.nummer}} staat nog open.' }, []],
    ['een betaaltermijn van minstens 14 kalenderdagen', { termijn: '::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.' }, []],
    ['welke schadevergoeding of interest na die termijn kan volgen', { schade: 'Betaal op tijd, dan is alles in orde.' }, []],
    ['uw ondernemingsnummer', {}, ['nummer']],
  ];
  it.each(cases)('fires without %s, naming the case and the source', (what, replace, without) => {
    const found = lint(template('[be-consument]', body(without, replace))).filter((i) => i.rule === 'verplichte-vermelding');
    expect(found.map((i) => i.message)).toContain(`${rule.titel} (be-consument): vermeldt niet ${what}`);
    expect(found.find((i) => i.message.endsWith(what))!.hint).toContain('Boek XIX WER');
  });

  it('covers every mention of the data file', () => {
    expect(rule.nodig!.map((m) => m.wat).sort()).toEqual(cases.map(([what]) => what).sort());
  });

  it('accepts a letter without the enterprise number in the text: the letter frame prints it', () => {
    const letter = template('[be-consument]', body(['nummer']), 'herinnering', 'brief');
    expect(messages(lint(letter))).toEqual([]);
  });

  it('stays quiet for the same text when it is not meant for Belgian consumers', () => {
    expect(messages(lint(template('[be-onderneming]', body(['omschrijving', 'nummer']))))).toEqual([]);
  });
});

describe('verplichte-vermelding: a Dutch consumer veertiendagenbrief (art. 6:96 lid 6 BW)', () => {
  const nl = (extra: string) =>
    template(
      '[nl-consument]',
      `Beste {{klant.contactpersoon}},\n\nFactuur {{factuur.nummer}} staat nog open.\n\n::factuurtabel\n\n::betaalgegevens\n\n::termijn Maak het bedrag uiterlijk op {{datum data.nieuweTermijn}} over.\n\n${extra}\n\nVragen? Bel {{afzender.telefoon}}.\n\nMet vriendelijke groeten,\n\n::handtekening\n`,
    );
  it('fires when the collection costs are announced without the pay-by date or the btw line', () => {
    const found = lint(nl('Betaalt u niet op tijd, dan brengen wij {{bedrag berekend.incassokosten}} aan incassokosten in rekening.')).map((i) => i.message);
    expect(found).toEqual([
      expect.stringMatching(/\(nl-consument\): vermeldt niet de uiterste betaaldatum, 14 dagen na ontvangst$/),
      expect.stringMatching(/\(nl-consument\): vermeldt niet of er btw bij de incassokosten komt$/),
    ]);
  });
  it('passes with the computed date, amount and btw', () => {
    const ok = 'Betaalt u niet uiterlijk op {{datum berekend.betaalUiterlijk}}, dan brengen wij {{bedrag berekend.incassokosten}} aan incassokosten in rekening, plus {{bedrag berekend.incassokostenBtw}} btw.';
    expect(messages(lint(nl(ok)))).toEqual([]);
  });
});

describe('verkeerd-recht: the law of another case', () => {
  const text = (line: string) => body([], { schade: line });
  it('fires on the Belgian B2B law in a text that also serves consumers', () => {
    const found = lint(template('[be-onderneming, be-consument]', text('Is het bedrag dan niet betaald, dan kan een schadevergoeding volgen volgens de wet van 2 augustus 2002.')));
    expect(messages(found).filter((m) => m.startsWith('verkeerd-recht'))).toEqual([expect.stringContaining('noemt de wet van 2 augustus 2002')]);
    expect(messages(found).filter((m) => m.startsWith('verkeerd-recht'))[0]).toMatch(/^verkeerd-recht regel \d+:/);
  });
  it('fires on the fixed 40 euro of business law in a Belgian consumer text', () => {
    const found = lint(template('[be-consument]', text('Is het bedrag dan niet betaald, dan volgt een schadevergoeding van 40 euro.')));
    expect(messages(found)).toEqual([expect.stringContaining('noemt het vaste forfait van 40 euro voor ondernemingen')]);
  });
  it('fires on Belgian law in a Dutch text and on Dutch law in a Belgian one', () => {
    const nlText = body(['omschrijving', 'nummer'], { schade: 'Wij volgen Boek XIX van het Wetboek van economisch recht.' });
    expect(messages(lint(template('[nl-onderneming]', nlText), ['verkeerd-recht']))).toEqual([expect.stringContaining('noemt Belgisch recht (Boek XIX, WER)'), expect.stringContaining('noemt Belgisch recht (Boek XIX, WER)')]);
    const beText = body(['omschrijving', 'nummer'], { schade: 'Wij rekenen incasso aan volgens artikel 6:96 BW.' });
    expect(messages(lint(template('[be-onderneming]', beText), ['verkeerd-recht'])).length).toBeGreaterThanOrEqual(1);
    expect(messages(lint(template('[be-onderneming]', beText), ['verkeerd-recht']))[0]).toContain('noemt Nederlands recht (BW, WIK)');
  });
});

describe('landwoord: one country\u2019s words in the other\u2019s text', () => {
  const neutral = body(['omschrijving', 'nummer', 'schade']);
  it('flags Belgian words in a text for a Dutch case, with the Dutch word to use', () => {
    const text = neutral.replace('staat nog open', 'staat nog open').replace('Vragen? Bel', 'Gelieve te betalen vóór de vervaldag. Vragen? Bel');
    const found = lint(template('[nl-onderneming]', text), ['landwoord']);
    expect(found.map((i) => i.message)).toEqual([
      '"Gelieve" is Belgisch taalgebruik en leest vreemd voor een Nederlandse klant',
      '"vervaldag" is Belgisch taalgebruik en leest vreemd voor een Nederlandse klant',
    ]);
    expect(found[0]!.hint).toContain('wilt u');
  });
  it('flags Dutch words in a text for a Belgian case, also in the subject', () => {
    const file = template('[be-onderneming]', neutral.replace('Vragen? Bel', 'Vermeld het betalingskenmerk als u het bedrag overmaakt. Vragen? Bel'));
    file.text = file.text.replace('onderwerp: "Herinnering: factuur {{factuur.nummer}}"', 'onderwerp: "Herinnering voor uw mkb: factuur {{factuur.nummer}}"');
    expect(lint(file, ['landwoord']).map((i) => `${i.path.replace(/\d+/, 'N')} ${i.message.split(' is ')[0]}`)).toEqual(['onderwerp (regel N) "mkb"', 'regel N "betalingskenmerk"']);
  });
  it('checks a text that claims both countries against both lists, and leaves a neutral text alone', () => {
    const mixed = neutral.replace('Vragen? Bel', 'Gelieve het betalingskenmerk te vermelden. Vragen? Bel');
    expect(lint(template('[be-onderneming, nl-onderneming]', mixed), ['landwoord']).map((i) => i.message.split(' is ')[0])).toEqual(['"betalingskenmerk"', '"Gelieve"']);
    expect(lint(template('[be-onderneming, nl-onderneming]', neutral), ['landwoord'])).toEqual([]);
  });
  it('keeps the two word lists apart', () => {
    const be = new Set(COUNTRY_WORDS.be.map((w) => w.woord));
    for (const w of COUNTRY_WORDS.nl) expect(be.has(w.woord), w.woord).toBe(false);
    expect(COUNTRY_WORDS.be.length).toBeGreaterThan(10);
    expect(COUNTRY_WORDS.nl.length).toBeGreaterThan(10);
  });
});
