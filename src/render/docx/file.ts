/** The DOCX renderer as the format registry loads it. */
import type { RenderInput } from '../formats.ts';
import { renderDocx } from './index.ts';

export const renderFile = ({ filled, envelope, fixedDate }: RenderInput): Promise<Uint8Array> => renderDocx(filled, { envelope, ...(fixedDate ? { fixedDate } : {}) });
