/**
 * The command line's arguments, read into options (pure: no disk, no process). Every mistake is a
 * CliError with exit code 2 and a Dutch sentence that says what to type instead.
 */
import type { Delimiter } from '../bulk/parse.ts';
import { FORMATS, type Format } from '../render/formats.ts';
import { CliError } from './errors.ts';

export interface ReminderOptions {
  command: 'herinneringen';
  input: string;
  /** Workflow id; default 'standaard'. */
  draaiboek: string;
  /** Output zip; default tijdig-herinneringen-<datum>.zip in the working directory. */
  uit?: string;
  /** YYYY-MM-DD sending date; default today (local time). */
  datum?: string;
  afzender?: string;
  kolommen?: string;
  land?: 'be' | 'nl';
  klanttype?: 'onderneming' | 'consument';
  /** 'automatisch' or a 1-based step number for everybody. */
  stap: 'automatisch' | number;
  /** Days after the invoice date when a row has no due date. */
  betaaltermijn?: number;
  /** The payment term a message gives, in days. */
  termijn?: number;
  formaten?: Format[];
  scheidingsteken?: Delimiter;
  betaallink?: string;
  /** Skip rows with an error (listed in 00_meldingen.csv) instead of stopping. */
  slaFoutenOver: boolean;
  /** Also remind of invoices that are not due yet. */
  nogNietVervallen: boolean;
  stil: boolean;
}

export type Parsed = { command: 'help' } | { command: 'versie' } | ReminderOptions;

const VALUE_OPTIONS = ['--draaiboek', '--uit', '--datum', '--afzender', '--kolommen', '--land', '--klanttype', '--stap', '--betaaltermijn', '--termijn', '--formaten', '--scheidingsteken', '--betaallink'] as const;
const FLAGS = ['--sla-fouten-over', '--nog-niet-vervallen', '--stil', '--help', '-h', '--versie'] as const;

const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && y >= 2000 && y <= 2099;
};

function days(option: string, value: string): number {
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 365)) throw new CliError(2, `${option} verwacht een aantal dagen van 1 tot 365, niet "${value}".`);
  return n;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError(2, `${name} verwacht een waarde, bijvoorbeeld ${example(name)}.`);
      values.set(name, value);
    } else if ((FLAGS as readonly string[]).includes(arg)) flags.add(arg);
    else if (arg.startsWith('-') && arg !== '-') throw new CliError(2, `Onbekende optie ${arg}. Zie tijdig --help.`);
    else positional.push(arg);
  }
  if (flags.has('--help') || flags.has('-h') || positional[0] === 'help' || argv.length === 0) return { command: 'help' };
  if (flags.has('--versie')) return { command: 'versie' };
  const [command, input, ...extra] = positional;
  if (command !== 'herinneringen') throw new CliError(2, `Onbekende opdracht "${command ?? ''}". Tijdig kent: herinneringen. Zie tijdig --help.`);
  if (!input) throw new CliError(2, 'Geef het CSV-bestand met de openstaande facturen, bijvoorbeeld: tijdig herinneringen facturen.csv');
  if (extra.length) throw new CliError(2, `Eén CSV-bestand per keer; "${extra[0]}" is te veel.`);

  const options: ReminderOptions = {
    command: 'herinneringen',
    input,
    draaiboek: values.get('--draaiboek') ?? 'standaard',
    stap: 'automatisch',
    slaFoutenOver: flags.has('--sla-fouten-over'),
    nogNietVervallen: flags.has('--nog-niet-vervallen'),
    stil: flags.has('--stil'),
  };
  const uit = values.get('--uit');
  if (uit !== undefined) {
    if (!/\.zip$/i.test(uit)) throw new CliError(2, `--uit verwacht de naam van een zip-bestand (eindigt op .zip), niet "${uit}".`);
    options.uit = uit;
  }
  const datum = values.get('--datum');
  if (datum !== undefined) {
    if (!isoDate(datum)) throw new CliError(2, `--datum verwacht een datum als jjjj-mm-dd, bijvoorbeeld 2026-11-23, niet "${datum}".`);
    options.datum = datum;
  }
  for (const [option, key] of [['--afzender', 'afzender'], ['--kolommen', 'kolommen']] as const) {
    const value = values.get(option);
    if (value !== undefined) options[key] = value;
  }
  const land = values.get('--land');
  if (land !== undefined) {
    const l = land.toLowerCase();
    if (l !== 'be' && l !== 'nl') throw new CliError(2, `--land verwacht be (België) of nl (Nederland), niet "${land}".`);
    options.land = l;
  }
  const klanttype = values.get('--klanttype');
  if (klanttype !== undefined) {
    if (klanttype !== 'onderneming' && klanttype !== 'consument') throw new CliError(2, `--klanttype verwacht onderneming of consument, niet "${klanttype}".`);
    options.klanttype = klanttype;
  }
  const stap = values.get('--stap');
  if (stap !== undefined && stap !== 'automatisch') {
    const n = /^\d{1,2}$/.test(stap) ? Number(stap) : NaN;
    if (!(n >= 1)) throw new CliError(2, `--stap verwacht automatisch of het nummer van een stap (1, 2, …), niet "${stap}".`);
    options.stap = n;
  }
  const betaaltermijn = values.get('--betaaltermijn');
  if (betaaltermijn !== undefined) options.betaaltermijn = days('--betaaltermijn', betaaltermijn);
  const termijn = values.get('--termijn');
  if (termijn !== undefined) options.termijn = days('--termijn', termijn);
  const formaten = values.get('--formaten');
  if (formaten !== undefined) {
    const list = formaten.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
    const unknown = list.filter((f) => !(FORMATS as string[]).includes(f));
    if (!list.length || unknown.length) throw new CliError(2, `--formaten verwacht een lijst uit ${FORMATS.join(', ')} (met komma's), niet "${formaten}".`);
    options.formaten = [...new Set(list)] as Format[];
  }
  const scheidingsteken = values.get('--scheidingsteken');
  if (scheidingsteken !== undefined) {
    const d = scheidingsteken === 'tab' || scheidingsteken === '\\t' ? '\t' : scheidingsteken;
    if (d !== ';' && d !== ',' && d !== '\t') throw new CliError(2, `--scheidingsteken verwacht ";", "," of tab, niet "${scheidingsteken}".`);
    options.scheidingsteken = d;
  }
  const betaallink = values.get('--betaallink');
  if (betaallink !== undefined) {
    if (!/^https:\/\/[^\s"<>]+\.[^\s"<>]+$/i.test(betaallink)) throw new CliError(2, `--betaallink verwacht een volledig webadres dat met https:// begint, niet "${betaallink}".`);
    options.betaallink = betaallink;
  }
  return options;
}

function example(option: string): string {
  const examples: Record<string, string> = {
    '--draaiboek': 'standaard',
    '--uit': 'herinneringen.zip',
    '--datum': '2026-11-23',
    '--afzender': 'afzender.yaml',
    '--kolommen': 'kolommen.json',
    '--land': 'be',
    '--klanttype': 'onderneming',
    '--stap': 'automatisch',
    '--betaaltermijn': '30',
    '--termijn': '14',
    '--formaten': 'pdf,eml',
    '--scheidingsteken': '";"',
    '--betaallink': 'https://betalen.voorbeeld.be',
  };
  return `${option} ${examples[option] ?? '…'}`;
}
