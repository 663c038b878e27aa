import { SingleBar } from 'cli-progress';
import { decimalSize } from '../lib/byte-size.ts';

export interface ProgressBar {
  /** One more file uploaded, of `bytes`. */
  advance(bytes: number): void;
  /** Takes the bar off the screen. */
  stop(): void;
}

/**
 * A bar on standard error for a wave of `files` uploads, for a person watching a terminal (the
 * caller checks it is one: never in logs, pipes or cron mail).
 */
export function terminalBar(name: string, files: number): ProgressBar {
  const bar = new SingleBar({ stream: process.stderr, format: `uploading ${name} [{bar}] {value}/{total} · {size}`, hideCursor: true, clearOnComplete: true });
  let bytes = 0;
  bar.start(files, 0, { size: decimalSize(0) });
  return {
    advance(size) {
      bytes += size;
      bar.increment(1, { size: decimalSize(bytes) });
    },
    stop: () => bar.stop(),
  };
}
