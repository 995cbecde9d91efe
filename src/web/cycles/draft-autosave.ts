/**
 * Saving a side as it is written, without a save button: a change is sent once the person has
 * paused typing for a moment, never two saves at once, and the latest words always win. Leaving
 * the page or marking the side done flushes what is waiting. Timers are passed in, so tests
 * decide when time passes.
 */

/** How long after the last change a draft is saved, in milliseconds. */
export const DRAFT_SAVE_DELAY_MS = 1_200;

/** Where the draft stands, for a quiet status line. */
export type DraftStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly message: string };

/** The timers the saver uses (the browser's by default). */
export interface SaverTimers {
  set(run: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const BROWSER_TIMERS: SaverTimers = {
  set: (run, delayMs) => setTimeout(run, delayMs),
  clear: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** What the saver needs. `save` resolves with null when saved, or a sentence when not. */
export interface DraftSaverOptions<T> {
  readonly save: (value: T) => Promise<string | null>;
  readonly onStatus: (status: DraftStatus) => void;
  readonly delayMs?: number;
  readonly timers?: SaverTimers;
}

/** A debounced, one-at-a-time saver of the latest value. */
export class DraftSaver<T> {
  private latest: { value: T } | null = null;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly options: DraftSaverOptions<T>) {}

  /** The person changed something: save it after a pause in their typing. */
  change(value: T): void {
    this.latest = { value };
    this.options.onStatus({ kind: 'waiting' });
    this.timerRestart();
  }

  /**
   * Saves whatever is waiting now and resolves once nothing is on its way: true when every change
   * is saved, false when the last try failed (the words are kept for the next one).
   */
  async flush(): Promise<boolean> {
    this.timerStop();
    await this.settled();
    if (this.latest !== null) {
      this.saveNext();
      await this.settled();
    }
    return this.latest === null;
  }

  /** Resolves once no save is on its way (a save may start the next one when it ends). */
  private async settled(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
  }

  /** Whether a change is waiting or on its way. */
  get busy(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }

  /** Forgets what is waiting (the page is going away and the side was not theirs to save). */
  cancel(): void {
    this.timerStop();
    this.latest = null;
  }

  private timerRestart(): void {
    this.timerStop();
    const timers = this.options.timers ?? BROWSER_TIMERS;
    this.timer = timers.set(() => {
      this.timer = null;
      if (this.inFlight === null) this.saveNext();
    }, this.options.delayMs ?? DRAFT_SAVE_DELAY_MS);
  }

  private timerStop(): void {
    if (this.timer === null) return;
    (this.options.timers ?? BROWSER_TIMERS).clear(this.timer);
    this.timer = null;
  }

  private saveNext(): void {
    const next = this.latest;
    if (next === null) return;
    this.latest = null;
    this.options.onStatus({ kind: 'saving' });
    this.inFlight = this.options
      .save(next.value)
      .catch(() => 'Your side could not be saved just now. It will be tried again as you go on.')
      .then((problem) => {
        this.inFlight = null;
        if (problem !== null) {
          // Keep the unsaved words, unless newer ones arrived meanwhile, for the next try.
          this.latest ??= next;
          this.options.onStatus({ kind: 'failed', message: problem });
          return;
        }
        if (this.latest === null) this.options.onStatus({ kind: 'saved' });
        else if (this.timer === null) this.saveNext();
      });
  }
}
