/** The crew part's counted words ("1 day", "10 years"), in the page's language and plural rules. */
import * as strings from 'CrewRecognitionWebPartStrings';

import { formatCount } from '../../../ui/format';

export function daysText(locale: string, days: number): string {
  return formatCount(locale, days, { one: strings.DaysOne, other: strings.Days });
}

export function yearsText(locale: string, years: number): string {
  return formatCount(locale, years, { one: strings.YearsOne, other: strings.Years });
}
