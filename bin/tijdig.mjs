#!/usr/bin/env node
// Launcher for `npx tijdig`: Node 24 runs the TypeScript sources directly (type stripping), as scripts/ do.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`tijdig: Node 24 is nodig (dit is Node ${process.version}). Start het in de map van Tijdig met: bash scripts/env.sh npx tijdig --help\n`);
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
