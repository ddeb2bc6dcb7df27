/** HTML escaping that is safe in text and in quoted attributes alike (all five specials). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  // NUL would be turned into U+FFFD by any HTML parser anyway; do it here so the output is predictable.
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c).replace(/\u0000/g, '\uFFFD');
}

/**
 * A value carrying bidi controls (e.g. U+202E) is wrapped in FSI…PDI: the isolate ends any
 * override at the value's end, so it cannot visually reorder the sentence around it (UAX #9 X6a).
 */
export function isolateBidi(value: string): string {
  return /[\u202A-\u202E\u2066-\u2069]/.test(value) ? `\u2068${value}\u2069` : value;
}
