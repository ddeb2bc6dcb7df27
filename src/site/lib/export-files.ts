/**
 * The pack's exports for other tools, for the export pages, the downloads page and the Word merge
 * letters served on their own. `astro build` builds the pack before it renders pages, so the file
 * list comes from the pack's manifest and each merge letter from tijdig-exports.zip: the same
 * bytes as in the pack, and the site no longer makes every export again (the merge letters' DOCX
 * took seconds, three times over). Without a pack (astro dev, TIJDIG_PACK=0 on a clean clone) they
 * are made here, once per build. Build time only.
 */
import { buildExports, type ExportFile } from '../../export/index.ts';
import { WORD_MERGE_DIR } from '../../export/word-merge.ts';
import { EXPORTS, EXPORTS_ZIP_NAME } from '../../pack/groups.ts';
import { DEFAULT_PACK_DATE, SAMPLE_DUE_DATE } from '../../pack/layout.ts';
import { readPackFile, readPackManifest } from '../../pack/manifest.ts';
import { getContent } from './content.ts';

/** The zip with every export (src/pack/groups.ts). */
export const EXPORTS_ZIP = `${EXPORTS_ZIP_NAME}.zip`;

let made: Promise<ExportFile[]> | undefined;

/** Every export file with its bytes, made here (the pack's default date, as the pack without SOURCE_DATE_EPOCH). */
function madeHere(): Promise<ExportFile[]> {
  made ??= buildExports(getContent(), { dueDate: SAMPLE_DUE_DATE, dtstamp: DEFAULT_PACK_DATE });
  return made;
}

/** The paths of every export file, in the pack's order. */
export async function exportPaths(): Promise<string[]> {
  const listed = readPackManifest()?.bestanden;
  if (listed) return listed.filter((f) => f.workflow === EXPORTS).map((f) => f.path);
  return (await madeHere()).map((f) => f.path);
}

/** One merge letter, the same bytes as in the pack's exports/word-samenvoegen/ folder. */
export async function mergeLetterFile(id: string): Promise<Uint8Array> {
  const path = `exports/${WORD_MERGE_DIR}/${id}.docx`;
  const packed = readPackFile(EXPORTS_ZIP, path);
  if (packed) return packed;
  const file = (await madeHere()).find((f) => f.path === path);
  if (!file || typeof file.data === 'string') throw new Error(`geen samenvoegbrief ${path} in de exports`);
  return file.data;
}
