// Copies the open font into public/fonts so the browser's PDF renderer uses the same font as the pack.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pkg = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
mkdirSync('public/fonts', { recursive: true });
for (const name of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) copyFileSync(join(pkg, 'ttf', name), join('public/fonts', name));
copyFileSync(join(pkg, 'LICENSE'), join('public/fonts', 'LICENSE.txt'));
