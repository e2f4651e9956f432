// A growing set of text ranges with an overlap test: what the pipeline has already taken in one text.

export class Intervals<T extends { start: number; end: number }> {
  private readonly items: T[] = [];

  add(item: T): void {
    this.items.push(item);
  }

  /** Does any range taken so far overlap `start..end`? (A text holds few; a scan beats a tree here.) */
  overlaps(start: number, end: number): boolean {
    for (const x of this.items) if (x.start < end && start < x.end) return true;
    return false;
  }
}
