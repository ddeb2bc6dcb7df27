/**
 * The zips of the downloads page, from the pack's own plan and zip groups (src/pack/groups.ts). Sizes come from the pack manifest
 * when one is found at build time: TIJDIG_PACK_MANIFEST, or public/downloads/manifest.json (the pack is built before the site).
 */
import { EXPORTS, FORMAT_DESCRIPTION, zipGroups } from '../../pack/groups.ts';
import { planSituations, planWorkflow, type PlannedFile } from '../../pack/layout.ts';
import { readPackManifest } from '../../pack/manifest.ts';

export { FORMAT_DESCRIPTION };
import { getContent } from './content.ts';
import { exportPaths } from './export-files.ts';

export interface ZipInfo {
  name: string;
  title: string;
  description: string;
  files: { path: string; format: string }[];
  formats: string[];
  /** Known only when the pack manifest was found at build time. */
  bytes?: number;
  sha256?: string;
}

/** The pack builder's exports for other tools (their file names do not depend on these dates). */
async function exportFiles(): Promise<{ path: string; format: string }[]> {
  try {
    return (await exportPaths()).map((path) => ({ path, format: path.split('.').pop() ?? '' }));
  } catch (error) {
    console.warn(`downloads page: exports not listed (${(error as Error).message})`);
    return [];
  }
}

/** The zips in the pack builder's order (src/pack/build.ts), with their planned contents. */
export async function zips(): Promise<ZipInfo[]> {
  const { workflows, templates } = getContent();
  const planned: PlannedFile[] = [...workflows.flatMap((w) => planWorkflow(w, templates)), ...planSituations(templates, workflows)];
  const exports = await exportFiles();
  const formatsOf = (list: { format: string }[]) => [...new Set(list.map((f) => f.format))].sort();
  const groups = zipGroups(workflows, [...planned, ...exports.map((f) => ({ ...f, workflow: EXPORTS }))]).map((g) => ({ ...g, name: `${g.name}.zip` }));
  const manifest = readPackManifest();
  return groups.map((g) => {
    const info: ZipInfo = { ...g, formats: formatsOf(g.files) };
    const known = manifest?.zips.find((z) => z.name === g.name);
    if (known) {
      info.bytes = known.bytes;
      info.sha256 = known.sha256;
    }
    return info;
  });
}
