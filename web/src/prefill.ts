// A name carried from the redaction view to the people view ("add to the map"): held in memory only, taken once.

let pending: string | null = null;

export function prefillPerson(name: string): void {
  pending = name;
}

export function takePrefilledPerson(): string | null {
  const name = pending;
  pending = null;
  return name;
}
