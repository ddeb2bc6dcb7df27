/**
 * A small XML reader for invoices and bank statements: elements by local name (prefixes are
 * dropped, the default namespace of the root is kept), attributes, text. Hand code rather than
 * DOMParser so the same reader runs in a Web Worker and in Node. No DTDs: a document with a
 * DOCTYPE is refused (no entity expansion, so no "billion laughs").
 */

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities resolved, not trimmed. */
  text: string;
}

export class XmlError extends Error {}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescape(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ent] ?? whole;
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);
const WHITESPACE = /^\s*$/;
const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses a whole document and returns its root element; throws XmlError (Dutch) on malformed input. */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const n = text.length;
  const fail = (what: string, at: number): never => {
    throw new XmlError(`ongeldige XML op regel ${lineOf(text, at)}: ${what}`);
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const chunk = text.slice(i, end);
      // Indentation between elements is never a value; skipping it saves most of the garbage.
      if (!WHITESPACE.test(chunk)) {
        if (stack.length) stack[stack.length - 1]!.text += unescape(chunk);
        else fail('tekst buiten het hoofdelement', i);
      }
    }
    if (lt === -1) break;
    const next = text[lt + 1];
    if (next === '?') {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) fail('een verwerkingsinstructie wordt niet afgesloten', lt);
      i = close + 2;
    } else if (next === '!') {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close === -1) fail('commentaar wordt niet afgesloten', lt);
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close === -1 || !stack.length) fail('een CDATA-blok is niet goed geplaatst of niet afgesloten', lt);
        stack[stack.length - 1]!.text += text.slice(lt + 9, close);
        i = close + 3;
      } else {
        fail('een DOCTYPE of andere declaratie wordt niet gelezen', lt);
      }
    } else if (next === '/') {
      const close = text.indexOf('>', lt + 2);
      if (close === -1) fail('een sluittag wordt niet afgesloten', lt);
      const name = localName(text.slice(lt + 2, close).trim());
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> sluit ${open ? `<${open.name}>` : 'niets'}`, lt);
      i = close + 1;
    } else {
      // Find the end of the tag, skipping '>' inside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < n; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= n) fail('een tag wordt niet afgesloten', lt);
      const selfClosing = text[j - 1] === '/';
      const body = text.slice(lt + 1, selfClosing ? j - 1 : j);
      let nameEnd = 0;
      while (nameEnd < body.length && body.charCodeAt(nameEnd) > 32 && body[nameEnd] !== '/') nameEnd++;
      const qname = body.slice(0, nameEnd);
      if (!qname) fail('een tag zonder naam', lt);
      const attrs: Record<string, string> = {};
      if (nameEnd < body.length && body.includes('=', nameEnd)) for (const m of body.slice(nameEnd).matchAll(ATTR)) attrs[m[1]!] = unescape(m[3] ?? m[4] ?? '');
      const el: XmlElement = { name: localName(qname), attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else if (root) fail('een tweede hoofdelement', lt);
      else root = el;
      if (!selfClosing) stack.push(el);
      i = j + 1;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]!.name}> wordt niet afgesloten`, n);
  if (!root) throw new XmlError('het bestand bevat geen XML-element');
  return root;
}

// ---------------------------------------------------------------- navigation

/** First child with this local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Follows a path of local names ("PaymentMeans/PayeeFinancialAccount/ID"), first match at each step. */
const PATHS = new Map<string, string[]>();
const parts = (path: string) => {
  let found = PATHS.get(path);
  if (!found) PATHS.set(path, (found = path.split('/')));
  return found;
};

export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = el;
  for (const part of parts(path)) cur = child(cur, part);
  return cur;
}

/** Every element at the end of a path, following all matches at each step. */
export function all(el: XmlElement | undefined, path: string): XmlElement[] {
  let cur: XmlElement[] = el ? [el] : [];
  for (const part of parts(path)) cur = cur.flatMap((c) => childrenNamed(c, part));
  return cur;
}

/** Text at a path, runs of whitespace made one space, or undefined when absent or empty. */
export function textAt(el: XmlElement | undefined, path: string): string | undefined {
  const found = at(el, path);
  const t = found?.text.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

const LATIN1 = new TextDecoder('latin1');

/** Reads the declared encoding of an XML byte stream and decodes it (UTF-8 by default, BOMs honoured). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = LATIN1.decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  let label = declared && declared !== 'utf8' ? declared : 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    label = 'utf-8';
    return new TextDecoder(label).decode(bytes);
  }
}
