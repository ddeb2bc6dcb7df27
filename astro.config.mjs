// @ts-check
import { spawn } from 'node:child_process';
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

/**
 * `astro build` builds the pack (scripts/build-pack.ts: content check, zips, manifest, JSON Schemas
 * into public/) in a second process beside itself: on two cores the pack's ~8 s of CPU then costs
 * little wall time. The client build copies public/ into dist/ when it writes its output, so it
 * waits for the pack at the end of bundling; the downloads page reads the pack's manifest later
 * still, when pages are rendered. TIJDIG_PACK=0 builds the site alone, with whatever public/ holds.
 * @returns {import('astro').AstroIntegration}
 */
function tijdigPack() {
  /** @type {Promise<void> | undefined} */
  let pack;
  return {
    name: 'tijdig-pack',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build' || process.env.TIJDIG_PACK === '0') return;
        pack = new Promise((resolve, reject) => {
          const child = spawn(process.execPath, [join(root, 'scripts', 'build-pack.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
          const stop = () => child.kill();
          process.once('exit', stop);
          child.once('error', reject);
          child.once('exit', (code, signal) => {
            process.off('exit', stop);
            if (code === 0) resolve();
            else reject(new Error(`het pakket is niet gebouwd (scripts/build-pack.ts stopte met ${signal ?? `code ${code}`}; de melding staat hierboven)`));
          });
        });
        // Awaited below; until then a failure must not count as unhandled.
        pack.catch(() => {});
        /** @type {import('vite').Plugin} */
        const waitForPack = {
          name: 'tijdig-wait-for-pack',
          // Only the real build: the dev server astro sync starts would otherwise wait here when it closes.
          apply: 'build',
          applyToEnvironment: (environment) => environment.name === 'client',
          async buildEnd() {
            await pack;
          },
        };
        updateConfig({ vite: { plugins: [waitForPack] } });
      },
      // In case no client build ran: never finish before the pack.
      'astro:build:done': async () => {
        await pack;
      },
    },
  };
}

/**
 * The stand-ins below compute the same module for the client bundle and for each worker's bundle
 * (the holiday table alone takes about a second): compute each once per build.
 * @param {import('vite').Plugin} plugin
 * @returns {import('vite').Plugin}
 */
function loadOnce(plugin) {
  const load = /** @type {(this: unknown, id: string) => unknown} */ (plugin.load);
  /** @type {Map<string, unknown>} */
  const done = new Map();
  return {
    ...plugin,
    load(id) {
      if (done.has(id)) return /** @type {any} */ (done.get(id));
      const result = load.call(this, id);
      if (result != null) done.set(id, result);
      return /** @type {any} */ (result);
    },
  };
}
const browserPlugins = [loadOnce(prebuiltFrame()), loadOnce(browserHolidays())];

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
    plugins: browserPlugins,
    // Web Workers (islands/*-worker.ts) are browser code too: the same two swaps, and ES modules so a
    // worker can load its renderers on demand with import().
    worker: {
      format: 'es',
      plugins: () => browserPlugins.map(({ applyToEnvironment: _, ...plugin }) => plugin),
    },
  },
  devToolbar: { enabled: false },
  integrations: [tijdigFonts(), tijdigPack()],
});
