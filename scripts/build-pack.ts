// Checks the content, then builds public/downloads (zips + manifest) and public/schema. `astro build`
// runs this beside itself (astro.config.mjs, tijdigPack) and copies the result into dist/, so the
// downloads page can show every zip's size; `npm run build:pack` runs it alone.
import { buildPack } from '../src/pack/build.ts';
import { checkContent } from '../src/pack/check.ts';
import { DEFAULT_PACK_DATE } from '../src/pack/layout.ts';

const check = checkContent(process.cwd());
if (!check.ok) {
  console.error(check.report);
  process.exit(1);
}
console.log(check.summary);

// One fixed date for every zip entry and document: SOURCE_DATE_EPOCH when a packager sets it.
const epoch = Number(process.env['SOURCE_DATE_EPOCH'] ?? Date.parse(DEFAULT_PACK_DATE) / 1000);
const started = performance.now();
try {
  const result = await buildPack({ root: process.cwd(), outDir: 'public', date: new Date(epoch * 1000), content: check.content });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Pakket: ${result.files.length} bestanden, ${result.zips.length} zips in ${seconds} s`);
  for (const zip of result.zips) console.log(`  public/downloads/${zip.name}  ${(zip.bytes / 1024).toFixed(0)} KiB  ${zip.files} bestanden`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
