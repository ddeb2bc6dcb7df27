// @ts-check
/**
 * In the browser bundle, src/model/frame.ts (the letter frame, parsed from Handlebars text when it
 * loads) becomes its result, parsed here at build time by the real module: the browser ships neither
 * Handlebars' parser (~11 KiB gzip) nor src/model/parse.ts, and fill() only substitutes values.
 * Same frames by construction; tests/unit/prebuilt-frame.test.ts checks it.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FRAME_MODULE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'model', 'frame.ts');

/** The module that replaces src/model/frame.ts in the browser; fails when the frame does not parse cleanly. */
export async function frameModuleSource() {
  const { FRAMES, FRAME_PARSE_ISSUES } = await import(pathToFileURL(FRAME_MODULE).href);
  if (FRAME_PARSE_ISSUES.length) throw new Error(`the letter frame does not parse: ${JSON.stringify(FRAME_PARSE_ISSUES)}`);
  return `// Parsed at build time from src/model/frame.ts (src/site/lib/prebuilt-frame.mjs).
export const FRAMES = ${JSON.stringify(FRAMES)};
export const FRAME_PARSE_ISSUES = [];
`;
}

/**
 * Vite plugin (client bundles and workers): every import of src/model/frame.ts becomes the frames
 * parsed above. Build-time code, the command line and tests keep the real module.
 * @returns {import('vite').Plugin}
 */
export function prebuiltFrame() {
  const id = '\0tijdig-prebuilt-frame';
  return {
    name: 'tijdig-prebuilt-frame',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    resolveId(source, importer) {
      if (importer && source.startsWith('.') && resolve(dirname(importer), source) === FRAME_MODULE) return id;
      return null;
    },
    load(source) {
      return source === id ? frameModuleSource() : null;
    },
  };
}
