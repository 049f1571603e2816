/**
 * Viva Learning courses' words in every shipped language (the "Viva Learning" list under the
 * paths in My learning, and the My learning card's quick view), and the pure pieces both show a
 * course with: its title, its status, how far it is and when it is due. Each language must have
 * every word: the type says so.
 */
import { stepWording } from '../../core/learning/wording';
import type { LearningStep } from '../../core/models/learning';
import { wallTimeAt } from '../../core/zonedTime';
import { format, wordsFor } from '../format';

/** A course as the parts show it (structural: the UI needs no connector). */
export interface ShownCourse {
  readonly id: string;
  /** The course (`learningContentId`), as a `viva-course` step names it in `VivaCourseId`. */
  readonly contentId: string;
  readonly assigned: boolean;
  readonly status: 'notStarted' | 'inProgress' | 'completed' | 'unknown';
  /** 0–100. */
  readonly percent: number;
  /** `YYYY-MM-DD`. */
  readonly dueDay?: string;
}

/** What the parts read: the courses, or that Viva Learning cannot be read for the person here. */
export type ShownCourses = { readonly available: true; readonly courses: readonly ShownCourse[] } | { readonly available: false };

/** A step that may name a course: where a course's title comes from. */
export type CourseStep = Pick<LearningStep, 'title' | 'translations'> & { readonly vivaCourseId?: string };

export type VivaFailure = 'unavailable' | 'unexpected';

export interface VivaWords {
  readonly heading: string;
  readonly loading: string;
  /** Graph refused the courses: the scopes are not approved, or no Viva Learning for the person. */
  readonly notAvailable: string;
  readonly none: string;
  /** A course no learning step names (Graph gives its title only with a tenant-wide admin scope). */
  readonly untitled: string;
  readonly status: {
    /** Assigned and not started. */
    readonly assigned: string;
    readonly notStarted: string;
    readonly inProgress: string;
    readonly completed: string;
    readonly unknown: string;
  };
  /** {0}: percent complete. */
  readonly percent: string;
  /** {0}: a date. */
  readonly due: string;
  readonly overdue: string;
  readonly failed: { readonly [code in VivaFailure]: string };
  readonly tryAgain: string;
}

const en: VivaWords = {
  heading: 'Your Viva Learning courses',
  loading: 'Loading your Viva Learning courses…',
  notAvailable: 'Viva Learning courses cannot be shown here. Your IT admin can allow it.',
  none: 'You have no Viva Learning courses right now.',
  untitled: 'Viva Learning course',
  status: { assigned: 'Assigned', notStarted: 'Not started', inProgress: 'In progress', completed: 'Completed', unknown: 'Status not known' },
  percent: '{0}% done',
  due: 'Due {0}',
  overdue: 'Overdue since {0}',
  failed: {
    unavailable: 'Your Viva Learning courses could not be loaded. Check the connection and try again.',
    unexpected: 'Something went wrong while loading your Viva Learning courses. Try again.'
  },
  tryAgain: 'Try again'
};

const nl: VivaWords = {
  heading: 'Je Viva Learning-cursussen',
  loading: 'Je Viva Learning-cursussen worden geladen…',
  notAvailable: 'Viva Learning-cursussen kunnen hier niet worden getoond. Je IT-beheerder kan dat toestaan.',
  none: 'Je hebt nu geen Viva Learning-cursussen.',
  untitled: 'Viva Learning-cursus',
  status: { assigned: 'Toegewezen', notStarted: 'Niet begonnen', inProgress: 'Bezig', completed: 'Afgerond', unknown: 'Status onbekend' },
  percent: '{0}% gedaan',
  due: 'Klaar vóór {0}',
  overdue: 'Te laat sinds {0}',
  failed: {
    unavailable: 'Je Viva Learning-cursussen konden niet worden geladen. Controleer de verbinding en probeer het opnieuw.',
    unexpected: 'Er ging iets mis bij het laden van je Viva Learning-cursussen. Probeer het opnieuw.'
  },
  tryAgain: 'Opnieuw proberen'
};

const sv: VivaWords = {
  heading: 'Dina kurser i Viva Learning',
  loading: 'Dina kurser i Viva Learning laddas…',
  notAvailable: 'Kurser i Viva Learning kan inte visas här. Din IT-administratör kan tillåta det.',
  none: 'Du har inga kurser i Viva Learning just nu.',
  untitled: 'Kurs i Viva Learning',
  status: { assigned: 'Tilldelad', notStarted: 'Inte påbörjad', inProgress: 'Pågår', completed: 'Slutförd', unknown: 'Okänd status' },
  percent: '{0} % klart',
  due: 'Klart senast {0}',
  overdue: 'Försenad sedan {0}',
  failed: {
    unavailable: 'Dina kurser i Viva Learning kunde inte laddas. Kontrollera anslutningen och försök igen.',
    unexpected: 'Något gick fel när dina kurser i Viva Learning laddades. Försök igen.'
  },
  tryAgain: 'Försök igen'
};

const WORDS = { en, nl, sv };

export function vivaWords(locale: string): VivaWords {
  return wordsFor(WORDS, locale);
}

/** A failure to read the courses in words: the service busy or out of reach, or anything else. */
export function vivaFailureOf(error: unknown): VivaFailure {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'throttled' || code === 'network' || code === 'timeout' ? 'unavailable' : 'unexpected';
}

/** The course's title: the learning step that names it, in the reader's language; else "Viva Learning course". */
export function courseTitle(course: Pick<ShownCourse, 'contentId'>, steps: readonly CourseStep[], locale: string, words: VivaWords): string {
  const step = steps.filter((s) => s.vivaCourseId !== undefined && s.vivaCourseId.trim().toLowerCase() === course.contentId.toLowerCase())[0];
  const title = step ? stepWording(step, locale).title.trim() : '';
  return title || words.untitled;
}

/** "In progress · 40% done" ("Assigned" for an assignment not started; a finished course is just "Completed"). */
export function courseStatus(course: Pick<ShownCourse, 'assigned' | 'status' | 'percent'>, words: VivaWords): string {
  const status = course.status === 'notStarted' && course.assigned ? words.status.assigned : words.status[course.status];
  return course.status === 'inProgress' ? `${status} · ${format(words.percent, course.percent)}` : status;
}

/** The day `YYYY-MM-DD` in the reader's language ("20 Dec"); the text as it is when it is not a day. */
export function courseDayText(day: string, locale: string): string {
  const at = new Date(`${day}T12:00:00Z`);
  if (isNaN(at.getTime())) {
    return day;
  }
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at);
  } catch {
    return day;
  }
}

/** Today as `YYYY-MM-DD` in `timeZone`. */
export function dayIn(now: Date, timeZone: string): string {
  try {
    const wall = wallTimeAt(now.getTime(), timeZone);
    const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
    return `${wall.year}-${two(wall.month)}-${two(wall.day)}`;
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A course due after today's day is due; on a day before it, overdue. */
export function courseOverdue(course: Pick<ShownCourse, 'dueDay' | 'status'>, today: string): boolean {
  return course.dueDay !== undefined && course.status !== 'completed' && course.dueDay < today;
}

/** "Due 20 Dec" or "Overdue since 5 Dec"; undefined without a due day or once completed. */
export function courseDue(course: Pick<ShownCourse, 'dueDay' | 'status'>, today: string, locale: string, words: VivaWords): string | undefined {
  if (course.dueDay === undefined || course.status === 'completed') {
    return undefined;
  }
  return format(courseOverdue(course, today) ? words.overdue : words.due, courseDayText(course.dueDay, locale));
}
