/**
 * A cap on the request bodies the web host holds at once. A body is kept in memory while it is
 * parsed and handled (an 80 MB upload costs several times that as a Buffer, a string, parsed
 * JSON and decoded files), so without a cap a few concurrent uploads could take gigabytes. Each
 * request leases bytes from the budget as they arrive (or all at once for a declared
 * Content-Length) and gives them back when its response is done.
 */
export class BodyBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Bytes currently leased by requests in flight. */
  get inUse(): number {
    return this.used;
  }

  lease(): BodyLease {
    let held = 0;
    let released = false;
    return {
      grow: (bytes) => {
        if (released) return false;
        if (bytes <= held) return true;
        if (this.used + (bytes - held) > this.limit) return false;
        this.used += bytes - held;
        held = bytes;
        return true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.used -= held;
        held = 0;
      },
    };
  }
}

/** One request's share of the budget. */
export interface BodyLease {
  /** Holds `bytes` in total for this request; false (holding what it held) when the budget cannot spare them. */
  grow(bytes: number): boolean;
  /** Gives everything back; later calls do nothing. */
  release(): void;
}
