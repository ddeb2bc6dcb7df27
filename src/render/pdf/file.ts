/** The PDF renderer as the format registry loads it; the caller's font loader sees every string printed. */
import type { RenderInput } from '../formats.ts';
import { documentRuns } from '../../model/walk.ts';
import { renderPdf } from './index.ts';

export async function renderFile({ filled, envelope, fixedDate, fonts }: RenderInput): Promise<Uint8Array> {
  const texts = [filled.title, ...documentRuns(filled).flatMap((runs) => runs.map((r) => r.text))];
  return renderPdf(filled, { fonts: await fonts(texts), envelope, ...(fixedDate ? { fixedDate } : {}) });
}
