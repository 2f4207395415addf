import type { Transfer, Transfers } from '../image/types.js';

/** Redraw at most this often: a terminal line, not a log. */
const REDRAW_MS = 250;
const CLEAR = '\r\u001b[K';

interface Stream {
  write(text: string): unknown;
  columns?: number;
}

/**
 * One status line on a terminal's stderr while registry blobs and engine save streams flow: how many are in flight,
 * how many are done, and the bytes so far against the sizes the manifests declared. It is
 * redrawn in place and cleared before any other line is written to stderr, and at the end.
 */
export class TerminalProgress implements Transfers {
  private active = 0;
  private finished = 0;
  private received = 0;
  private expected = 0;
  private shown = false;
  private last = 0;

  constructor(
    private readonly stream: Stream,
    private readonly now: () => number = Date.now,
  ) {}

  begin(_label: string, total: number | undefined): Transfer {
    this.active += 1;
    this.expected += total ?? 0;
    let open = true;
    return {
      add: (bytes) => {
        this.received += bytes;
        this.draw(false);
      },
      end: () => {
        if (!open) return;
        open = false;
        this.active -= 1;
        this.finished += 1;
        this.draw(true);
      },
    };
  }

  /** Write a line of its own: the status line is cleared first and comes back on the next redraw. */
  line(text: string): void {
    this.clear();
    this.stream.write(text);
  }

  /** Remove the status line for good (the run is over). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR);
    this.shown = false;
  }

  private draw(force: boolean): void {
    const now = this.now();
    if (!force && now - this.last < REDRAW_MS) return;
    this.last = now;
    const size = this.expected > 0 ? `${mebibytes(this.received)} of ${mebibytes(this.expected)}` : mebibytes(this.received);
    const text = `pkgrepo-diff: reading images: ${this.finished} done, ${this.active} in flight, ${size}`;
    const width = this.stream.columns ?? 80;
    this.stream.write(`${CLEAR}${text.slice(0, Math.max(0, width - 1))}`);
    this.shown = true;
  }
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
