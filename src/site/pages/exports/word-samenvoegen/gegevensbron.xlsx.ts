/** The merge letters' data source with one sample row, as in the pack's exports/word-samenvoegen/. */
import type { APIRoute } from 'astro';
import { sampleFillData } from '../../../../content/schema.ts';
import { mergeDataRows } from '../../../../export/csv.ts';
import { xlsxWorkbook } from '../../../../export/xlsx.ts';

export const GET: APIRoute = () =>
  new Response(new Blob([xlsxWorkbook(mergeDataRows([sampleFillData()], "excel-nl")) as Uint8Array<ArrayBuffer>]), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
