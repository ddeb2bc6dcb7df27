/** The text renderer as the format registry loads it. */
import type { RenderInput } from '../formats.ts';
import { renderText } from './index.ts';

export const renderFile = (input: RenderInput): string => renderText(input.filled);
