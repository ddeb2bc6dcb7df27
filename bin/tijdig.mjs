#!/usr/bin/env node
// Launcher for `npx tijdig`: Node 24 runs the TypeScript sources directly (type stripping), as scripts/ do.
//
// The command runs in a child process with a bounded heap: left alone, V8 lets the heap fill with
// garbage on a long run (peak 400-670 MiB for 10,000-200,000 invoices while the live data stays
// near 60 MiB); with these limits it collects sooner and the peak stays flat (src/cli/reminders.ts
// has the figures). Whoever starts Node with flags of their own (NODE_OPTIONS, `node --… tijdig.mjs`)
// keeps them: the command then runs in this process, unchanged.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`tijdig: Node 24 is nodig (dit is Node ${process.version}). Start het in de map van Tijdig met: bash scripts/env.sh npx tijdig --help\n`);
  process.exit(2);
}

/** Old space: live data ~60 MiB plus one bucket being grouped, with room to spare (TIJDIG_HEAP_MIB sets another, internal, for tests). */
const OLD_SPACE_MIB = Number(process.env['TIJDIG_HEAP_MIB']) > 0 ? Number(process.env['TIJDIG_HEAP_MIB']) : 256;
/** Young space: 16 MiB per semi-space (32 gave a higher peak, 364-495 MiB for 10,000-200,000 invoices, for no clear gain in time). */
const HEAP_FLAGS = [`--max-old-space-size=${OLD_SPACE_MIB}`, '--max-semi-space-size=16'];
const CHILD = 'TIJDIG_CHILD';
const ownFlags = Boolean(process.env['NODE_OPTIONS']?.trim()) || process.execArgv.length > 0;

if (process.env[CHILD] === '1' || ownFlags) {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} else {
  // The child's temporary folder goes inside one of ours, so that whatever ends it (even a full
  // heap, which runs no cleanup) this process removes what it left, and its temporary zip.
  let scratch;
  try {
    scratch = mkdtempSync(join(tmpdir(), 'tijdig-'));
  } catch (error) {
    process.stderr.write(`tijdig: de tijdelijke map ${tmpdir()} is niet bruikbaar (${error.code ?? error.message}); er is geen zip geschreven. Kies een andere map met TMPDIR=<map>.\n`);
    process.exit(1);
  }
  const tidy = (pid) => {
    try {
      for (const folder of readdirSync(scratch)) {
        let zip = '';
        try {
          zip = readFileSync(join(scratch, folder, 'zip-pad'), 'utf8');
        } catch {
          // not writing yet
        }
        if (zip && basename(zip).endsWith(`.${pid}.tmp`)) rmSync(zip, { force: true });
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  // stdio inherited: the child sees the terminal (progress bar) and writes straight to it.
  const env = { ...process.env, [CHILD]: '1', TMPDIR: scratch, TMP: scratch, TEMP: scratch };
  const child = spawn(process.execPath, [...HEAP_FLAGS, process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit', env });
  // Ctrl+C in a terminal reaches both processes; a signal sent to this one alone (kill, a job
  // scheduler) is passed on. Either way the child cleans up and ends, and this one follows it.
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    tidy(-1);
    process.stderr.write(`tijdig: kon Node niet starten (${error.message}).\n`);
    process.exit(3);
  });
  child.on('exit', (code, signal) => {
    tidy(child.pid);
    // V8 aborts when the heap is full: say what to do, in Dutch, with the exit code of a fault in Tijdig.
    if (signal === 'SIGABRT' || code === 134) {
      process.stderr.write(`tijdig: het geheugen voor deze run (${OLD_SPACE_MIB} MB) was te klein; er is geen zip geschreven. Geef Node meer geheugen, bijvoorbeeld: NODE_OPTIONS=--max-old-space-size=2048 npx tijdig …\n`);
      process.exit(3);
    }
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}
