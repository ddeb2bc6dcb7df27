/** Exit codes of the command line: 0 done, 1 bad input (a file, a row, a value), 2 wrong use (options). */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** An error the user can fix, with its exit code; the message is Dutch and printed as is. */
export class CliError extends Error {
  readonly code: 1 | 2;
  constructor(code: 1 | 2, message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}
