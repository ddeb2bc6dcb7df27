/**
 * Astro renders the guides' Markdown. The data itself, validated with the cross-file checks, comes
 * from readContent() in lib/content.ts; this collection reuses the same zod schema and only exists
 * so Astro turns the guide bodies into HTML. Loading this file validates all content first, so an
 * invalid file stops `astro build` (and sync) with the friendly, formatted list of issues.
 */
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { GuideFrontmatter } from '../content/schema.ts';
import { contentRoot, getContent } from './lib/content.ts';

getContent();

const gidsen = defineCollection({
  loader: glob({ pattern: '*.md', base: join(contentRoot(), 'content', 'guides') }),
  schema: GuideFrontmatter,
});

export const collections = { gidsen };
