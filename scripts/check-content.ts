// Validates every content file and the links between them; exits 1 with every problem listed.
import { checkContent } from '../src/pack/check.ts';

const check = checkContent(process.cwd());
if (!check.ok) {
  console.error(check.report);
  process.exit(1);
}
console.log(check.summary);
