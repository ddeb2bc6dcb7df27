/**
 * What an export was checked against: the tool's own source, at a commit, and the fields read
 * there. Each target has one such record; the tests build the export and hold it against it, and
 * the export pages print the versions and files from it.
 */
export interface SourceFile {
  /** owner/name of the public repository. */
  repo: string;
  /** Branch or tag as named in the repository. */
  ref: string;
  commit: string;
  /** Date of that commit (YYYY-MM-DD), when known. */
  date?: string;
  paths: readonly string[];
}

export type FieldType = 'char' | 'text' | 'html' | 'integer' | 'float' | 'boolean' | 'selection' | 'many2one' | 'many2many' | 'one2many' | 'string' | 'bool' | 'int';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Allowed values of a selection. */
  values?: readonly string[];
}

export interface CheckedVersion {
  /** Version label as users know it ("16", "v5"). */
  version: string;
  /** "source": read in the public source; "copy": only in an unofficial copy; "none": not checked. */
  checked: 'source' | 'copy' | 'docs' | 'none';
  /** What was found, in Dutch: the export pages print it. */
  note: string;
}
