const HOUR = 3_600_000;
const MAX_KEYS = 500_000;

/**
 * Remembers, for one hour, which IP hash + user agent + link has clicked, so the first click counts
 * as unique and repeats do not. Kept in memory: after a restart, the first click of a visitor seen
 * in the hour before may count as unique again (a small, bounded overcount).
 */
export class UniqueClicks {
  private readonly firstSeen = new Map<string, number>();

  /** True for the first click of the key in the hour since its last unique click. */
  isFirst(key: string, nowMs: number): boolean {
    const expiresAt = this.firstSeen.get(key);
    if (expiresAt !== undefined && expiresAt > nowMs) return false;
    if (expiresAt !== undefined) this.firstSeen.delete(key);
    if (this.firstSeen.size >= MAX_KEYS) this.sweep(nowMs);
    this.firstSeen.set(key, nowMs + HOUR);
    return true;
  }

  private sweep(nowMs: number) {
    for (const [key, expiresAt] of this.firstSeen) if (expiresAt <= nowMs) this.firstSeen.delete(key);
    // still full of live keys (a flood): forget the oldest half rather than grow without bound
    let drop = this.firstSeen.size - MAX_KEYS / 2;
    for (const key of this.firstSeen.keys()) {
      if (drop-- <= 0) break;
      this.firstSeen.delete(key);
    }
  }
}
