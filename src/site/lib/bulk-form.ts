/**
 * The bulk page's small rules, apart from the DOM so they can be tested: reading the settings the
 * user typed, the stored settings, a wrong file recognised by its first bytes, the progress line.
 */
import type { Workflow } from '../../content/schema.ts';
import type { Delimiter, SentState, StepChoice } from '../../bulk/index.ts';
import type { BulkProgress } from '../../bulk/run.ts';

/** The parser reads at most 20 MB; a bigger file is not an invoice export. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A sending date the run accepts: complete and in this century. */
export function isValidToday(value: string, badInput = false): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !badInput && value >= '2000-01-01' && value <= '2099-12-31';
}

/** The default payment term: empty is fine (no default), else 1 to 365 days. */
export function parseTermDays(text: string): { ok: boolean; days?: number } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true };
  const days = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : NaN;
  return days >= 1 && days <= 365 ? { ok: true, days } : { ok: false };
}

/** A general payment link: empty, or a full https address. */
export function checkPaymentLink(text: string): { ok: boolean; value?: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true };
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  return url && url.protocol === 'https:' && url.hostname.includes('.') ? { ok: true, value: trimmed } : { ok: false };
}

/** Step indexes by offset, the playbook's order on ties: the order the page lists them in. */
export const stepOrder = (workflow: Workflow): number[] => workflow.stappen.map((_, i) => i).sort((a, b) => workflow.stappen[a]!.offset - workflow.stappen[b]!.offset || a - b);

export const parseChoice = (value: string): StepChoice => (/^\d+$/.test(value) ? Number(value) : 'automatisch');

export function parseSent(value: string): SentState {
  if (/^\d+$/.test(value)) return Number(value);
  return value === 'geen' || value === 'volgens-schema' ? value : 'onbekend';
}

/** The delimiter select: '' means "recognise it". */
export function parseDelimiter(value: string): Delimiter | undefined {
  if (value === ';' || value === ',') return value;
  return value === 'tab' ? '\t' : undefined;
}

export interface BulkSettings {
  workflow?: string;
  jurisdiction?: 'be' | 'nl';
  klanttype?: 'onderneming' | 'consument';
  betaallink?: string;
  defaultTermDays?: string;
}

/** Stored settings as far as they still make sense (a playbook that no longer exists is dropped). */
export function validSettings(raw: Readonly<Record<string, unknown>>, workflowIds: readonly string[]): BulkSettings {
  const out: BulkSettings = {};
  if (typeof raw['workflow'] === 'string' && workflowIds.includes(raw['workflow'])) out.workflow = raw['workflow'];
  if (raw['jurisdiction'] === 'be' || raw['jurisdiction'] === 'nl') out.jurisdiction = raw['jurisdiction'];
  if (raw['klanttype'] === 'onderneming' || raw['klanttype'] === 'consument') out.klanttype = raw['klanttype'];
  if (typeof raw['betaallink'] === 'string') out.betaallink = raw['betaallink'];
  if (typeof raw['defaultTermDays'] === 'string') out.defaultTermDays = raw['defaultTermDays'];
  return out;
}

/** An Excel workbook or a PDF chosen by mistake, recognised by its first bytes, with what to do instead. */
export function sniffWrongFile(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'Dit is een Excel-werkmap, geen CSV-bestand. Open het in Excel, kies Opslaan als en dan CSV (gescheiden door lijstscheidingsteken), en laad dat bestand hier.';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'Dit is een PDF. Tijdig heeft een lijst nodig met één factuur per rij: exporteer de openstaande facturen als CSV uit uw boekhoudprogramma.';
  return null;
}

export function fileTooBig(size: number): string | null {
  return size > MAX_FILE_BYTES ? `Dit bestand is ${Math.round(size / 1024 / 1024)} MB groot. Een export van openstaande facturen is veel kleiner: kijk na of u het juiste bestand koos.` : null;
}

/** The line under the progress bar. */
export function progressText(p: BulkProgress): string {
  if (p.phase === 'afronden') return 'Het overzicht en de zip worden afgewerkt…';
  if (p.phase === 'klaar') return 'Klaar.';
  return p.customer ? `Klant ${p.done.toLocaleString('nl-BE')} van ${p.total.toLocaleString('nl-BE')}: ${p.customer}` : 'Bezig…';
}
