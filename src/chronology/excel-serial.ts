// Excel's serial day numbers as UTC instants, in both date systems, with Lotus's phantom 29/02/1900: the one place
// both the date parser and the xlsx readers turn serials (and exceljs's naive conversions of them) into dates.

export const MS_PER_DAY = 86_400_000;
/** Day zero of the 1900 system for serials from 61 on: 1899-12-30 makes serial 61 = 1900-03-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Day zero of the 1904 system (old Mac Excel): serial 0 = 1904-01-01. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serial 60 in the 1900 system is 29/02/1900, a day that never was (kept from Lotus 1-2-3). */
const PHANTOM_SERIAL = 60;
/** Days between the two systems' day zeros. */
export const DAYS_1900_TO_1904 = 1462;

/** Days 1 to 59 (01/01/1900 to 28/02/1900), which sit one day later than the common epoch gives. */
const beforePhantom = (serial: number): boolean => serial >= 1 && serial < PHANTOM_SERIAL;

/**
 * The UTC instant of a serial (its fraction is the time of day), or null for the phantom 29/02/1900. Serials 1–59
 * count from one day later than the common epoch, so 1 = 01/01/1900 and 59 = 28/02/1900, as Excel shows them; a
 * serial below 1 is a time alone, on day zero (1899-12-30), as exceljs gives time cells.
 */
export function serialToUtcMillis(serial: number, date1904: boolean): number | null {
  if (date1904) return EPOCH_1904 + serial * MS_PER_DAY;
  if (serial >= PHANTOM_SERIAL && serial < PHANTOM_SERIAL + 1) return null;
  return (beforePhantom(serial) ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900) + serial * MS_PER_DAY;
}

/**
 * exceljs converts 1900-system date cells from the common epoch alone, so its dates before 01/03/1900 are a day
 * early and its 28/02/1900 is really the phantom 29th. This gives the date Excel shows, or the phantom serial (60)
 * as a number for the date parser to explain. Times alone, later dates and the 1904 system are returned as they are.
 * (A cell stored as an ISO date, `t="d"`, before March 1900 would be moved a day too: no chronology has one.)
 */
export function fromNaiveExcelDate(d: Date, date1904: boolean): Date | number {
  if (date1904) return d;
  const serial = (d.getTime() - EPOCH_1900) / MS_PER_DAY;
  if (serial >= PHANTOM_SERIAL && serial < PHANTOM_SERIAL + 1) return serial;
  return beforePhantom(serial) ? new Date(d.getTime() + MS_PER_DAY) : d;
}
