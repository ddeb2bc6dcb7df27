/** The .eml builder lives with the renderers (render/eml) so the format registry can load it; kept here for the exports that import it. */
export { base64, buildEml, quotedPrintable, type EmlInput, type Mailbox } from '../render/eml/build.ts';
