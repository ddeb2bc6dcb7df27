/**
 * The command line's entry: reads the arguments, runs the command, turns errors into a Dutch
 * message on stderr and an exit code (0 done, 1 bad input, 2 wrong use, 3 a fault in Tijdig).
 */
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parseArgs } from './args.ts';
import { CliError, EXIT } from './errors.ts';
import type { Io } from './reminders.ts';

/** The repository this file is part of: its content/ holds the templates and playbooks. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Loaded after the arguments are read, so a typing mistake is answered at once. */
async function loadContent() {
  const [{ readContent }, { formatIssue }] = await Promise.all([import('../pack/read-content.ts'), import('../content/errors.ts')]);
  const loaded = readContent(ROOT);
  if (!loaded.ok) throw new CliError(1, `De sjablonen van Tijdig zijn ongeldig:\n${loaded.issues.slice(0, 10).map(formatIssue).join('\n')}`);
  return loaded.content;
}

function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    onInterrupt(cleanup) {
      // Ctrl+C can arrive twice (from the terminal and passed on by the launcher): the handler
      // stays registered while it cleans up, so a second signal cannot kill the run half-way.
      let stopping = false;
      const handler = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        cleanup();
        process.stderr.write('\ntijdig: gestopt; er is geen zip geschreven.\n');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.removeListener('SIGINT', handler);
        process.removeListener('SIGTERM', handler);
      };
    },
  };
}

/**
 * TIJDIG_MEMORY_TRACE=<ms>: process.memoryUsage() in MiB as a JSON line on stderr every <ms> (internal,
 * to find what grows on a long run; scripts/bench-bulk.ts reads the peak from /proc instead).
 */
function traceMemory(): () => void {
  const every = Number(process.env['TIJDIG_MEMORY_TRACE']);
  if (!(every > 0)) return () => {};
  const started = performance.now();
  const mib = (n: number) => Math.round(n / 1048576);
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    process.stderr.write(`${JSON.stringify({ s: Math.round(performance.now() - started) / 1000, rss: mib(m.rss), heapTotal: mib(m.heapTotal), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers), heapLimit: mib(getHeapStatistics().heap_size_limit) })}\n`);
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const stopTrace = traceMemory();
  try {
    const args = parseArgs(argv);
    if (args.command === 'versie') {
      io.stdout.write('tijdig 0.1.0\n');
      return EXIT.ok;
    }
    const content = await loadContent();
    if (args.command === 'help') {
      const { helpText } = await import('./help.ts');
      io.stdout.write(helpText(content.workflows));
      return EXIT.ok;
    }
    const { runReminders } = await import('./reminders.ts');
    await runReminders(args, content, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`tijdig: ${error.message}\n`);
      return error.code;
    }
    io.stderr.write(`tijdig: er ging iets mis in Tijdig zelf; meld het met deze tekst:\n${(error as Error).stack ?? String(error)}\n`);
    return 3;
  } finally {
    stopTrace();
  }
}
