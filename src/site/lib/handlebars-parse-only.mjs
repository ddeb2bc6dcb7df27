// Browser build only (see astro.config.mjs): src/model/parse.ts needs Handlebars.parse and
// nothing else, so the browser gets Handlebars' own parser without its compiler, runtime and
// source-map dependency. Same parser, same AST; about 100 kB less JavaScript.
import { parse } from 'handlebars/dist/cjs/handlebars/compiler/base.js';

export default { parse };
