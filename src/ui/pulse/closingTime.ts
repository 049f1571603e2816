import { clock, dayLabel } from '../roster/shiftTime';

/** The close as the reader's language names a day, on the 24-hour clock the other parts use, in the reader's time zone. */
export function closingTime(iso: string, language: string, timeZone: string): string {
  const at = new Date(iso);
  return isNaN(at.getTime()) ? iso : `${dayLabel(at, { locale: language, timeZone })} ${clock(at, timeZone)}`;
}
