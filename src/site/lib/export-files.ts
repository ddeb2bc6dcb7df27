/**
 * The pack's exports for other tools (buildExports), made once per site build and shared: the
 * export pages and the downloads page list their paths, the Word page serves each merge letter's
 * bytes from them. Each of the three made them on its own before (the merge letters' DOCX is most
 * of the site build's time). Build time only.
 */
import { buildExports, type ExportFile } from '../../export/index.ts';
import { WORD_MERGE_DIR } from '../../export/word-merge.ts';
import { DEFAULT_PACK_DATE, SAMPLE_DUE_DATE } from '../../pack/layout.ts';
import { getContent } from './content.ts';

/** Fixed date of the exports and of the merge letters served on their own: the pack's default date. */
const MERGE_LETTER_DATE = DEFAULT_PACK_DATE;

let made: Promise<ExportFile[]> | undefined;

/** Every export file with its bytes (the file names do not depend on the dates). */
export function exportFiles(): Promise<ExportFile[]> {
  made ??= buildExports(getContent(), { dueDate: SAMPLE_DUE_DATE, dtstamp: MERGE_LETTER_DATE });
  return made;
}

/** One merge letter, the same bytes as in the pack's exports/word-samenvoegen/ folder. */
export async function mergeLetterFile(id: string): Promise<Uint8Array> {
  const path = `exports/${WORD_MERGE_DIR}/${id}.docx`;
  const file = (await exportFiles()).find((f) => f.path === path);
  if (!file || typeof file.data === 'string') throw new Error(`geen samenvoegbrief ${path} in de exports`);
  return file.data;
}
