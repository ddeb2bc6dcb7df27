/**
 * The text renderer as the format registry loads it: the plain text every caller already made
 * once (RenderInput.text is renderText of the filled document), not a second rendering of it.
 */
import type { RenderInput } from '../formats.ts';

export const renderFile = (input: RenderInput): string => input.text;
