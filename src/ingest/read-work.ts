// What reading one upload cost, counted in the worker where the work is done and reported with its outcome, so the
// bound on a hostile file's work can be seen from outside (the upload's log line): bytes inflated from its zip.
export interface ReadWork {
  /** Bytes the zip guard inflated, every part together (0 for a file that is not a zip, or refused before inflating). */
  inflatedBytes: number;
}

/** This thread's count for the read under way (a worker reads one upload at a time). */
export const readWork: ReadWork = { inflatedBytes: 0 };

export function startReadWork(): void {
  readWork.inflatedBytes = 0;
}
