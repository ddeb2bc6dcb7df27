/**
 * A one-line progress bar on stderr, only when stderr is a terminal: a scheduled job's log gets
 * no escape codes. Redrawn at most ten times a second.
 */
export interface Progress {
  update(label: string, done: number, total: number, unit: string): void;
  done(): void;
}

const WIDTH = 24;

export function progressBar(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  let last = 0;
  let drawn = false;
  const started = performance.now();
  return {
    update(label, done, total, unit) {
      if (!enabled) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * WIDTH);
      const seconds = (now - started) / 1000;
      const count = `${done.toLocaleString('nl-BE')}${total ? ` van ${total.toLocaleString('nl-BE')}` : ''} ${unit}`;
      const line = `${label.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)} %  ${count}  ${seconds.toFixed(0)} s`;
      const columns = stream.columns || 100;
      stream.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
      drawn = true;
    },
    done() {
      if (enabled && drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
