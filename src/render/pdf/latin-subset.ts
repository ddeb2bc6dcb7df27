/** Build time: the Latin subset fonts the browser fetches first (see latin.ts). */
import { LATIN_RANGES } from './latin.ts';
import { readCmap, readTrueType, subsetTrueType, writeCmap } from './truetype.ts';

/**
 * A TrueType font with only the glyphs of LATIN_RANGES (and the components of composite glyphs),
 * without hinting, and a cmap for those code points; name, OS/2 and post (without glyph names)
 * come from the original. Build-time work, but pure bytes like the rest of the renderer.
 */
export function latinSubset(bytes: Uint8Array): Uint8Array {
  const tables = readTrueType(bytes);
  const cmap = readCmap(tables);
  const byCodePoint = new Map<number, number>();
  const glyphs = [0];
  const seen = new Set([0]);
  for (const [from, to] of LATIN_RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const gid = cmap(cp);
      if (gid <= 0 || gid >= tables.numGlyphs) continue;
      byCodePoint.set(cp, gid);
      if (!seen.has(gid)) {
        seen.add(gid);
        glyphs.push(gid);
      }
    }
  }
  return subsetTrueType(tables, glyphs, (order) => {
    const newId = new Map<number, number>();
    order.forEach((gid, i) => {
      if (!newId.has(gid)) newId.set(gid, i);
    });
    const map = new Map([...byCodePoint].map(([cp, gid]) => [cp, newId.get(gid)!]));
    const extra: [string, Uint8Array][] = [['cmap', writeCmap(map)]];
    for (const tag of ['name', 'OS/2']) {
      const table = tables.table.get(tag);
      if (table) extra.push([tag, table]);
    }
    const post = tables.table.get('post');
    if (post && post.length >= 32) {
      const head = new Uint8Array(post.subarray(0, 32));
      new DataView(head.buffer).setUint32(0, 0x00030000); // version 3: no glyph names
      extra.push(['post', head]);
    }
    return extra;
  });
}
