/** The merge letters' data source with one sample row, as in the pack's exports/word-samenvoegen/. */
import type { APIRoute } from 'astro';
import { sampleFillData } from '../../../../content/schema.ts';
import { mergeDataCsv } from '../../../../export/csv.ts';

export const GET: APIRoute = () => new Response(mergeDataCsv([sampleFillData()], 'excel-nl'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
