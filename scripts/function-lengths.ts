// Lists the longest functions in a folder (default src/site/islands), so a controller that grows
// past ~80 lines shows up. Usage: node scripts/function-lengths.ts [folder] [count]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const folder = process.argv[2] ?? 'src/site/islands';
const count = Number(process.argv[3] ?? 10);

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });

const found: { name: string; lines: number }[] = [];
for (const file of files(folder)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node, owner: string) => {
    let name = owner;
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const declared = (node as ts.FunctionDeclaration).name?.getText(source);
      const parent = node.parent;
      const assigned = parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) ? parent.name.getText(source) : undefined;
      name = `${owner ? `${owner} › ` : ''}${declared ?? assigned ?? '(anonymous)'}`;
      const { line: start } = source.getLineAndCharacterOfPosition(node.getStart(source));
      const { line: end } = source.getLineAndCharacterOfPosition(node.getEnd());
      found.push({ name: `${relative('.', file)}: ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, (child) => visit(child, name));
  };
  visit(source, '');
}
found.sort((a, b) => b.lines - a.lines);
for (const f of found.slice(0, count)) console.log(`${String(f.lines).padStart(5)}  ${f.name}`);
console.log(`${found.filter((f) => f.lines > 80).length} functions over 80 lines`);
