/** JSON for a <script type="application/json"> element: nothing in it can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Reads and parses such an element in the browser. */
export function readJsonScript<T>(id: string): T {
  const element = document.getElementById(id);
  if (!element?.textContent) throw new Error(`Gegevens ${id} ontbreken op de pagina`);
  return JSON.parse(element.textContent) as T;
}
