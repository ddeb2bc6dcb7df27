/**
 * The original invoice PDFs from the reconcile page to bulk mode. Too large for sessionStorage, so
 * they go into this browser's IndexedDB (same origin, never sent anywhere), written by the reconcile
 * worker when it hands over the open invoices and read by the bulk worker when it makes the zip.
 * A PDF is used only for an invoice with the same number, open amount and customer as handed over,
 * so another file with the same invoice numbers never gets them. The record is overwritten by the
 * next hand-over, removed by "Alles wissen" and ignored (and removed) after MAX_AGE_MS.
 */

export interface HandedPdf {
  naam: string;
  bytes: Uint8Array;
  /** Cents still open and the customer's name, as in the handed-over CSV. */
  openstaand: number;
  klant: string;
}

interface StoredRecord {
  saved: number;
  pdfs: Map<string, HandedPdf>;
}

const DB_NAME = 'tijdig-afletteren';
const STORE = 'bijlagen';
const RECORD = 'open-facturen';
/** A working day: the PDFs are the user's invoices and need not stay longer. */
export const MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** The handed-over PDFs that belong to the invoices of this run (same number, open amount and customer). */
export function pdfsForRun(stored: StoredRecord | undefined, invoices: readonly { nummer: string; openstaand: number; naam: string }[], now: number): Map<string, { naam: string; bytes: Uint8Array }> {
  const out = new Map<string, { naam: string; bytes: Uint8Array }>();
  if (!stored || now - stored.saved > MAX_AGE_MS || now < stored.saved) return out;
  for (const inv of invoices) {
    const pdf = stored.pdfs.get(inv.nummer);
    if (pdf && pdf.openstaand === inv.openstaand && pdf.klant === inv.naam) out.set(inv.nummer, { naam: pdf.naam, bytes: pdf.bytes });
  }
  return out;
}

function request<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('geen IndexedDB'));
    const opening = indexedDB.open(DB_NAME, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const req = act(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => {
        resolve(req.result);
        db.close();
      };
      req.onerror = () => {
        reject(req.error);
        db.close();
      };
    };
  });
}

/** Stores the PDFs (or removes the old ones when there are none). False when this browser keeps nothing. */
export async function handOffPdfs(pdfs: Map<string, HandedPdf>): Promise<boolean> {
  try {
    if (!pdfs.size) await request('readwrite', (s) => s.delete(RECORD));
    else await request('readwrite', (s) => s.put({ saved: Date.now(), pdfs } satisfies StoredRecord, RECORD));
    return true;
  } catch {
    return false;
  }
}

export async function clearHandedOffPdfs(): Promise<void> {
  await handOffPdfs(new Map()).catch(() => undefined);
}

/** For the bulk run: the PDFs of its invoices; none when nothing was handed over or storage is blocked. */
export async function handedOffPdfs(invoices: readonly { nummer: string; openstaand: number; naam: string }[]): Promise<Map<string, { naam: string; bytes: Uint8Array }>> {
  try {
    const stored = await request<StoredRecord | undefined>('readonly', (s) => s.get(RECORD) as IDBRequest<StoredRecord | undefined>);
    const now = Date.now();
    if (stored && now - stored.saved > MAX_AGE_MS) await clearHandedOffPdfs();
    return pdfsForRun(stored, invoices, now);
  } catch {
    return new Map();
  }
}
