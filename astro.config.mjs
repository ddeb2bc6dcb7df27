// @ts-check
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { prebuiltFrame } from './src/site/lib/prebuilt-frame.mjs';
import { browserHolidays } from './src/site/lib/timeline-holidays.mjs';

const root = dirname(fileURLToPath(import.meta.url));
/** Modules that do nothing when imported, so the bundler may drop them when none of their own exports is used. */
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/]papaparse[\\/]|[\\/]src[\\/]content[\\/]schema\.ts$/;

/**
 * The browser's PDF renderer fetches /fonts/DejaVuSans*-Latin.ttf, a Latin subset made here at build
 * time (src/render/pdf/latin.ts), and the full /fonts/DejaVuSans*.ttf only for a document with other
 * characters: copy the full fonts (and their licence) from the dejavu-fonts-ttf package into the
 * git-ignored public/fonts for `astro dev` and `astro build`, and write the subsets beside them.
 * @returns {import('astro').AstroIntegration}
 */
function tijdigFonts() {
  return {
    name: 'tijdig-fonts',
    hooks: {
      'astro:config:setup': async ({ logger }) => {
        const pkg = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
        const target = join(root, 'public', 'fonts');
        const files = { 'DejaVuSans.ttf': 'ttf/DejaVuSans.ttf', 'DejaVuSans-Bold.ttf': 'ttf/DejaVuSans-Bold.ttf', 'LICENSE.txt': 'LICENSE' };
        mkdirSync(target, { recursive: true });
        const missing = Object.keys(files).filter((name) => !existsSync(join(target, name)));
        for (const name of missing) copyFileSync(join(pkg, files[/** @type {keyof typeof files} */ (name)]), join(target, name));
        if (missing.length) logger.info(`copied ${missing.join(', ')} into public/fonts`);
        const { latinSubset } = await import('./src/render/pdf/latin-subset.ts');
        for (const name of ['DejaVuSans', 'DejaVuSans-Bold']) {
          const subset = latinSubset(new Uint8Array(readFileSync(join(pkg, 'ttf', `${name}.ttf`))));
          const out = join(target, `${name}-Latin.ttf`);
          if (!existsSync(out) || !Buffer.from(subset).equals(readFileSync(out))) writeFileSync(out, subset);
        }
      },
    },
  };
}

export default defineConfig({
  // Placeholder origin: set TIJDIG_SITE to the real one when it is known.
  site: process.env.TIJDIG_SITE ?? 'https://tijdig.example',
  srcDir: './src/site',
  output: 'static',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // Every stylesheet is a file, so the Content-Security-Policy can say style-src 'self'.
    inlineStylesheets: 'never',
  },
  // Never inline scripts either (script-src 'self', no hashes to keep in sync).
  vite: {
    build: {
      assetsInlineLimit: 0,
      sourcemap: process.env.TIJDIG_SOURCEMAP === '1',
      // The PDF renderer (pdf-lib + fontkit, about 1.2 MB) loads only when a PDF is asked for.
      chunkSizeWarningLimit: 1300,
      // papaparse is a UMD bundle, so the bundler must assume importing it does something. It does
      // not: pages that only share a module with the CSV reader (the bulk page; the reading itself runs
      // in its worker) then leave it out. content/schema.ts only defines schemas (its zod config runs
      // wherever one of them is used): code that takes just the field table it re-exports from
      // content/fields.ts (fill on the template page) then ships without zod (~27 KiB gzip).
      rollupOptions: { treeshake: { moduleSideEffects: (id) => !SIDE_EFFECT_FREE.test(id) } },
    },
    // prebuiltFrame: the letter frame parsed at build time, so no parser ships (src/site/lib/prebuilt-frame.mjs);
    // browserHolidays: BE/NL holidays as a table instead of date-holidays (src/site/lib/timeline-holidays.mjs).
    plugins: [prebuiltFrame(), browserHolidays()],
    // Web Workers (islands/*-worker.ts) are browser code too: the same two swaps, and ES modules so a
    // worker can load its renderers on demand with import().
    worker: {
      format: 'es',
      plugins: () => [prebuiltFrame(), browserHolidays()].map(({ applyToEnvironment: _, ...plugin }) => plugin),
    },
  },
  devToolbar: { enabled: false },
  integrations: [tijdigFonts()],
});
