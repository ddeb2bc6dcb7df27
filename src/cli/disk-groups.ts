/**
 * Grouping on disk, so a command-line run holds one bucket of invoices at a time instead of the
 * whole file. Same result as src/bulk's groupInvoices (the same pure pieces do the work), in the
 * same order:
 *
 * 1. add(): each valid record goes, as a JSON line, to one of B bucket files chosen by a hash of
 *    its customer number; a record without one goes to a bucket by its normalised name, beside a
 *    link line (name → number) for every numbered record, so all that decides its customer is
 *    in one file.
 * 2. finish(): per name bucket, nameKeys() decides each numberless record's customer and moves it
 *    to that customer's bucket; per customer bucket, makeGroup() makes its groups, sorted, into a
 *    sorted file, and writes the generated references and invoice numbers to buckets of their
 *    own; per such bucket, what two customers share becomes a note (only those are kept).
 * 3. groups(): the sorted files merged (a heap of one group per file) in groupInvoices' order,
 *    with the shared-reference and shared-number notes applied.
 */
import { compareGroups, dropSharedReference, generatedReference, invoiceNumbers, makeGroup, nameKeys, noteSharedInvoice, numberKey, type CustomerGroup, type GroupOptions } from '../bulk/group.ts';
import type { InvoiceRecord } from '../bulk/validate.ts';
import { normalizeName } from '../lib/normalize-name.ts';
import { bucketOf, LineFiles, readLines } from './spill.ts';

/**
 * A customer's place in grouping's own order (before sorting by name), which orders the names in
 * a shared-invoice note: numbered customers by their first row, then customers by name.
 */
type Ordinal = [kind: 0 | 1, row: number, index: number];
const byOrdinal = (a: Ordinal, b: Ordinal) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** A record in a customer bucket: key, joined (after the customer's own rows), position, the name customer's ordinal. */
type KeyLine = [key: string, joined: 0 | 1, position: number, ordinal: Ordinal | null, record: InvoiceRecord];
type NameLine = ['L', name: string, key: string] | ['U', record: InvoiceRecord];
/** An invoice number of a customer: number, ordinal, index among the customer's numbers, key, name, display name, row, number as written. */
type NumberLine = [number: string, ordinal: Ordinal, index: number, key: string, naam: string | null, shown: string, row: number, nummer: string];

/** JSON in a bucket is about 3 times the CSV it came from. */
const JSON_PER_CSV_BYTE = 3;
const MAX_BUCKETS = 256;

/** Buckets for an input file of `size` bytes so that each holds about `bucketBytes` of records. */
export function bucketCount(size: number, bucketBytes: number): number {
  return Math.max(1, Math.min(MAX_BUCKETS, Math.ceil((size * JSON_PER_CSV_BYTE) / Math.max(1, bucketBytes))));
}

class Heap<T> {
  private readonly items: T[] = [];
  private readonly less: (a: T, b: T) => boolean;
  constructor(less: (a: T, b: T) => boolean) {
    this.less = less;
  }
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

export interface DiskGroups {
  /** Pass 1: a valid record, in file order. */
  add(record: InvoiceRecord): void;
  /** Pass 2: groups every bucket; resolves with the number of customers. */
  finish(options: GroupOptions): Promise<number>;
  /** Every customer in groupInvoices' order, with its bucket (each call reads the sorted files again). */
  groups(): Generator<{ group: CustomerGroup; bucket: number }>;
  readonly buckets: number;
}

/** `file(name)`: a path in the run's private temporary folder. */
export function diskGroups(file: (name: string) => string, buckets: number): DiskGroups {
  const names = (prefix: string) => Array.from({ length: buckets }, (_, i) => file(`${prefix}${i}`));
  const keyFiles = new LineFiles(names('klant-'));
  const nameFiles = new LineFiles(names('naam-'));
  let withoutNumber = 0;
  /** Customers by key whose generated reference another customer has too: how many share it. */
  const sharedReference = new Map<string, number>();
  /** Customers by key with an invoice number another customer has too. */
  const sharedNumbers = new Map<string, { order: [Ordinal, number]; row: number; nummer: string; names: string[] }[]>();

  /** A turn for the event loop between buckets, so Ctrl+C is answered. */
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  async function resolveNames(): Promise<void> {
    for (const path of nameFiles.paths) {
      await turn();
      const numberByName = new Map<string, Set<string>>();
      const records: InvoiceRecord[] = [];
      for (const text of readLines(path)) {
        const line = JSON.parse(text) as NameLine;
        if (line[0] === 'L') (numberByName.get(line[1]) ?? numberByName.set(line[1], new Set()).get(line[1])!).add(line[2]);
        else records.push(line[1]);
      }
      const { joins, groups } = nameKeys(records, numberByName);
      for (const { record, key } of joins) keyFiles.append(bucketOf(key, buckets), JSON.stringify([key, 1, record.row, null, record] satisfies KeyLine));
      // Customers by name: in grouping's order, by the name's first row, then as nameKeys lists them.
      const firstRow = new Map<string, number>();
      const count = new Map<string, number>();
      for (const { records: list } of groups) {
        const name = normalizeName(list[0]!.naam);
        let first = firstRow.get(name) ?? Infinity;
        for (const r of list) first = Math.min(first, r.row);
        firstRow.set(name, first);
      }
      for (const { key, records: list } of groups) {
        const name = normalizeName(list[0]!.naam);
        const index = count.get(name) ?? 0;
        count.set(name, index + 1);
        const ordinal: Ordinal = [1, firstRow.get(name)!, index];
        list.forEach((record, position) => keyFiles.append(bucketOf(key, buckets), JSON.stringify([key, 0, position, ordinal, record] satisfies KeyLine)));
      }
    }
    keyFiles.close();
  }

  async function makeGroups(options: GroupOptions): Promise<number> {
    const refFiles = new LineFiles(names('mededeling-'));
    const numberFiles = new LineFiles(names('factuur-'));
    let customers = 0;
    for (const [bucket, path] of keyFiles.paths.entries()) {
      await turn();
      const byKey = new Map<string, { ordinal: Ordinal | null; lines: KeyLine[] }>();
      for (const text of readLines(path)) {
        const line = JSON.parse(text) as KeyLine;
        const entry = byKey.get(line[0]) ?? byKey.set(line[0], { ordinal: line[3], lines: [] }).get(line[0])!;
        entry.lines.push(line);
      }
      const groups: CustomerGroup[] = [];
      for (const [key, { ordinal, lines }] of byKey) {
        lines.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
        const group = makeGroup(key, lines.map((l) => l[4]), options);
        groups.push(group);
        const order: Ordinal = ordinal ?? [0, lines[0]![2], 0];
        const ref = generatedReference(group);
        if (ref) refFiles.append(bucketOf(ref, buckets), JSON.stringify([ref, key]));
        let index = 0;
        for (const [nummer, invoice] of invoiceNumbers(group)) {
          numberFiles.append(bucketOf(nummer, buckets), JSON.stringify([nummer, order, index++, key, group.klant.naam ?? null, group.klant.naam ?? key, invoice.row, invoice.nummer] satisfies NumberLine));
        }
      }
      byKey.clear();
      groups.sort(compareGroups);
      const sorted = new LineFiles([file(`gesorteerd-${bucket}`)]);
      for (const g of groups) sorted.append(0, JSON.stringify(g));
      sorted.close();
      customers += groups.length;
    }
    refFiles.close();
    numberFiles.close();

    for (const path of refFiles.paths) {
      const byRef = new Map<string, string[]>();
      for (const text of readLines(path)) {
        const [ref, key] = JSON.parse(text) as [string, string];
        (byRef.get(ref) ?? byRef.set(ref, []).get(ref)!).push(key);
      }
      for (const keys of byRef.values()) if (keys.length > 1) for (const key of keys) sharedReference.set(key, keys.length);
    }
    for (const path of numberFiles.paths) {
      const byNumber = new Map<string, NumberLine[]>();
      for (const text of readLines(path)) {
        const line = JSON.parse(text) as NumberLine;
        (byNumber.get(line[0]) ?? byNumber.set(line[0], []).get(line[0])!).push(line);
      }
      for (const list of byNumber.values()) {
        if (list.length < 2) continue;
        list.sort((a, b) => byOrdinal(a[1], b[1]));
        const shown = list.map((l) => l[5]);
        // groupInvoices notes shared numbers in the order it first met them: first customer, then its number's place.
        const order: [Ordinal, number] = [list[0]![1], list[0]![2]];
        for (const l of list) (sharedNumbers.get(l[3]) ?? sharedNumbers.set(l[3], []).get(l[3])!).push({ order, row: l[6], nummer: l[7], names: shown });
      }
    }
    for (const notes of sharedNumbers.values()) notes.sort((a, b) => byOrdinal(a.order[0], b.order[0]) || a.order[1] - b.order[1]);
    return customers;
  }

  return {
    buckets,
    add(record) {
      const key = numberKey(record);
      const name = normalizeName(record.naam);
      if (key) {
        keyFiles.append(bucketOf(key, buckets), JSON.stringify([key, 0, record.row, null, record] satisfies KeyLine));
        nameFiles.append(bucketOf(name, buckets), JSON.stringify(['L', name, key] satisfies NameLine));
      } else {
        withoutNumber++;
        nameFiles.append(bucketOf(name, buckets), JSON.stringify(['U', record] satisfies NameLine));
      }
    },
    async finish(options) {
      nameFiles.close();
      // Without a record lacking a number, the name buckets decide nothing.
      if (withoutNumber) await resolveNames();
      else keyFiles.close();
      return makeGroups(options);
    },
    *groups() {
      const less = (a: { group: CustomerGroup }, b: { group: CustomerGroup }) => compareGroups(a.group, b.group) < 0;
      const heap = new Heap<{ group: CustomerGroup; bucket: number; rest: Generator<string> }>(less);
      for (let bucket = 0; bucket < buckets; bucket++) {
        const rest = readLines(file(`gesorteerd-${bucket}`));
        const first = rest.next();
        if (!first.done) heap.push({ group: JSON.parse(first.value) as CustomerGroup, bucket, rest });
      }
      while (heap.size) {
        const top = heap.pop()!;
        const { group, bucket } = top;
        const shared = sharedReference.get(group.key);
        if (shared) dropSharedReference(group, shared);
        for (const n of sharedNumbers.get(group.key) ?? []) noteSharedInvoice(group, n, n.names);
        const next = top.rest.next();
        if (!next.done) heap.push({ group: JSON.parse(next.value) as CustomerGroup, bucket, rest: top.rest });
        yield { group, bucket };
      }
    },
  };
}
