/**
 * Colours and shared inline styles. Text pairs are chosen for WCAG AA contrast (a unit test checks
 * the ratios), and the dark variants are applied with !important from a <style> block because
 * clients that honour prefers-color-scheme also honour that override of inline styles.
 */
export const THEME = {
  font: 'Arial, Helvetica, sans-serif',
  page: '#eef0f3',
  card: '#ffffff',
  text: '#1f2937',
  muted: '#4b5563',
  rule: '#d1d5db',
  link: '#0b4f9c',
  button: '#0b4f9c',
  buttonText: '#ffffff',
  box: '#e8f0fa',
  boxBorder: '#0b4f9c',
  details: '#f6f7f9',
  missing: '#ffe94d',
  missingText: '#111111',
  dark: { page: '#111418', card: '#1c2128', text: '#e6e8eb', muted: '#b4bac2', link: '#9cc3ff', box: '#1f2f45', boxBorder: '#7fb0ff', details: '#232a33' },
} as const;

/** The marker for an unfilled placeholder: yellow, with dark text that stays dark in dark mode. */
export function missingMarker(escapedText: string): string {
  return `<span class="tj-missing" style="background-color:${THEME.missing};color:${THEME.missingText};padding:0 2px;">${escapedText}</span>`;
}

export const LINK_STYLE = `color:${THEME.link};text-decoration:underline;`;
