// The one confidence line (DESIGN §5.8): at or above it the anonymiser replaces, and a finding left in a text fails the check.

/** Detections at or above this confidence are replaced by the anonymiser; a finding at or above it fails the check. */
export const REPLACE_AT = 0.5;
