// Validates every content file and the links between them; exits 1 with every problem listed.
import { formatIssue } from '../src/content/errors.ts';
import { readContent } from '../src/pack/read-content.ts';

const result = readContent(process.cwd());
if (!result.ok) {
  console.error(`Content check: ${result.issues.length} probleem/problemen gevonden\n`);
  for (const issue of result.issues) console.error(formatIssue(issue));
  process.exit(1);
}
const { segments, workflows, templates, guides } = result.content;
console.log(`Content check: ok — ${segments.length} segmenten, ${workflows.length} workflows, ${templates.length} templates, ${guides.length} gidsen`);
