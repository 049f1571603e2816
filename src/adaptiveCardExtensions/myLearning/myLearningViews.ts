/**
 * What the "My learning" card shows: pure functions of the person's learning (as read), their
 * Viva Learning courses, the time, the language and time zone, and the strings of that language
 * (passed in, so tests check every language with the strings SharePoint would load). The plan is
 * the core's (`learningPlan`), the step lines and path words the My learning part's
 * (`learningWords`), the courses' words `vivaWords`: the card says what the part says.
 */
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveElement, type AdaptiveOpenUrlAction, type CardContext, type CardFace, type CardState, type QuickViewModel } from '../../app/host/cardTypes';
import { type CardLearning, coursesDue, dueDayText, learningCardSummary, learningPageLink } from '../../app/learningCard';
import type { VivaCourse, VivaCourses } from '../../app/vivaLearning';
import type { OpenStep } from '../../core/learning/nextStep';
import { pathName, stepWording } from '../../core/learning/wording';
import type { ItemId } from '../../core/models/common';
import { format, formatCount } from '../../ui/format';
import { failureCodeOf, learningWords, type LearningWords } from '../../ui/learning/learningWords';
import { courseDue, courseOverdue, courseStatus, courseTitle, dayIn, vivaFailureOf, vivaWords } from '../../ui/learning/vivaWords';

export type MyLearningStrings = IMyLearningAdaptiveCardExtensionStrings;

export interface IMyLearningCardProps {
  /** Card bar title; empty = the localised "My learning". */
  title: string;
  /** The My learning page the quick view's button opens; empty = no button. */
  pageUrl: string;
}

export const DEFAULT_PROPERTIES: IMyLearningCardProps = { title: '', pageUrl: '' };

/** The Viva Learning courses on the card: read as the quick view opens, then kept. */
export type CardCourses =
  | { readonly state: 'toRead' }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'read'; readonly courses: VivaCourses };

export interface MyLearningCardData {
  readonly learning: CardLearning;
  readonly courses: CardCourses;
  /** The web the card is on: where a server-relative page address points. */
  readonly webUrl: string;
}

export const DETAILS_BUTTON_ID = 'details';
export const RETRY_BUTTON_ID = 'retry';
/** The quick view's "Try again" when the Viva Learning courses could not be read. */
export const RETRY_COURSES_ACTION_ID = 'retryCourses';
export const OPEN_PAGE_ACTION_ID = 'openPage';

function cardTitle(properties: IMyLearningCardProps, strings: MyLearningStrings): string {
  const title = typeof properties.title === 'string' ? properties.title.trim() : '';
  return title || strings.Title;
}

function stepOf(learning: CardLearning, id: ItemId): CardLearning['steps'][number] | undefined {
  return learning.steps.filter((step) => step.id === id)[0];
}

function nameOf(learning: CardLearning, id: ItemId, locale: string): string {
  const path = learning.paths.filter((p) => p.id === id)[0];
  return path ? pathName(path, locale) : '';
}

/** "7 min: read “Lockout procedure”", as the My learning part says it. */
export function stepLine(learning: CardLearning, open: OpenStep, words: LearningWords, locale: string): string {
  const step = stepOf(learning, open.stepId);
  return format(words.stepLine[open.kind], open.minutes, step ? stepWording(step, locale).title : '');
}

/** "Due 20 Dec" or "Overdue since 5 Dec"; undefined without a due date. */
function dueText(open: Pick<OpenStep, 'dueDate' | 'overdue'>, words: LearningWords, context: CardContext<IMyLearningCardProps>): string | undefined {
  return open.dueDate ? format(open.overdue ? words.overdue : words.due, dueDayText(open.dueDate, context.locale, context.timeZone)) : undefined;
}

function readyFace(data: MyLearningCardData, context: CardContext<IMyLearningCardProps>, strings: MyLearningStrings): CardFace {
  const words = learningWords(context.locale);
  const { plan } = learningCardSummary(data.learning, context.now);
  const base = {
    status: 'ready',
    title: cardTitle(context.properties, strings),
    buttons: [{ id: DETAILS_BUTTON_ID, title: strings.ShowDetails, action: { kind: 'quickView' } }],
    onSelect: { kind: 'quickView' }
  } as const;
  const next = plan.next;
  if (!next) {
    return { ...base, primaryText: strings.NothingToDo, description: data.learning.assignments.length === 0 ? words.nothingAssigned : words.nothingOpen };
  }
  return {
    ...base,
    primaryText: stepLine(data.learning, next, words, context.locale),
    description: dueText(next, words, context) ?? format(words.stepOf, next.position, next.stepCount, nameOf(data.learning, next.pathId, context.locale))
  };
}

/** The card face in each state. */
export function myLearningCardView(
  state: CardState<MyLearningCardData>,
  context: CardContext<IMyLearningCardProps>,
  strings: MyLearningStrings
): CardFace {
  const title = cardTitle(context.properties, strings);
  const words = learningWords(context.locale);
  switch (state.status) {
    case 'loading':
      return { status: 'loading', title, primaryText: words.loading, buttons: [] };
    case 'setup':
      return { status: 'setup', title, primaryText: strings.SetupPrimary, description: words.errors.notSetUp, buttons: [] };
    case 'error':
      return {
        status: 'error',
        title,
        primaryText: strings.ErrorPrimary,
        description: words.errors[failureCodeOf(state.error)],
        buttons: [{ id: RETRY_BUTTON_ID, title: words.tryAgain, action: { kind: 'retry' }, style: 'positive' }],
        onSelect: { kind: 'retry' }
      };
    case 'ready':
      return readyFace(state.data, context, strings);
  }
}

function heading(text: string, separator: boolean): AdaptiveElement {
  return { type: 'TextBlock', text, style: 'heading', size: 'medium', weight: 'bolder', wrap: true, separator, spacing: separator ? 'large' : 'default' };
}

function subtle(text: string, id?: string): AdaptiveElement {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true, spacing: 'small', ...(id ? { id } : {}) };
}

type Summary = ReturnType<typeof learningCardSummary>;

function nextSection(data: MyLearningCardData, { plan }: Summary, context: CardContext<IMyLearningCardProps>, words: LearningWords): AdaptiveElement[] {
  const body: AdaptiveElement[] = [heading(words.nextHeading, false)];
  const next = plan.next;
  if (!next) {
    body.push(subtle(data.learning.assignments.length === 0 ? words.nothingAssigned : words.nothingOpen, 'next-step'));
    return body;
  }
  body.push({ type: 'TextBlock', id: 'next-step', text: stepLine(data.learning, next, words, context.locale), wrap: true, weight: 'bolder' });
  body.push(subtle(format(words.stepOf, next.position, next.stepCount, nameOf(data.learning, next.pathId, context.locale))));
  const due = dueText(next, words, context);
  if (due) {
    body.push({ type: 'TextBlock', text: due, wrap: true, spacing: 'small', ...(next.overdue ? { color: 'attention' as const } : {}) });
  }
  return body;
}

function pathsSection(data: MyLearningCardData, { plan, paths }: Summary, context: CardContext<IMyLearningCardProps>, words: LearningWords): AdaptiveElement[] {
  if (paths.length === 0) {
    return [];
  }
  const locale = context.locale;
  const items: AdaptiveElement[] = paths.map((path) => {
    const lines: AdaptiveElement[] = [{ type: 'TextBlock', text: nameOf(data.learning, path.pathId, locale), wrap: true, weight: 'bolder' }];
    lines.push(subtle(path.finished ? words.finished : formatCount(locale, path.total, words.stepsDone, path.done)));
    const waiting = plan.waiting.filter((w) => w.pathId === path.pathId)[0];
    if (waiting) {
      lines.push(subtle(format(words.waitingFor, waiting.waitingFor.map((id) => nameOf(data.learning, id, locale)).filter((n) => n !== '').join(', '))));
    }
    plan.awaitingSignOff
      .filter((a) => a.pathId === path.pathId)
      .forEach((a) => {
        const step = stepOf(data.learning, a.stepId);
        lines.push(subtle(format(words.awaitingSignOff, step ? stepWording(step, locale).title : '')));
      });
    return { type: 'Container', id: `path-${path.pathId}`, items: lines, spacing: 'medium' };
  });
  return [heading(words.pathsHeading, true), ...items];
}

/** Courses to list as due: from the courses when they are read. */
function readCourses(data: MyLearningCardData): readonly VivaCourse[] {
  return data.courses.state === 'read' && data.courses.courses.available ? data.courses.courses.courses : [];
}

function dueSection(
  data: MyLearningCardData,
  { due }: Summary,
  context: CardContext<IMyLearningCardProps>,
  strings: MyLearningStrings,
  words: LearningWords
): AdaptiveElement[] {
  const viva = vivaWords(context.locale);
  const today = dayIn(context.now, context.timeZone);
  const lines: AdaptiveElement[] = due.map((open) => ({
    type: 'TextBlock',
    text: format(strings.DueItem, nameOf(data.learning, open.pathId, context.locale), dueText(open, words, context) ?? ''),
    wrap: true,
    spacing: 'small',
    ...(open.overdue ? { color: 'attention' as const } : {})
  }));
  coursesDue(readCourses(data)).forEach((course) => {
    lines.push({
      type: 'TextBlock',
      text: format(strings.DueItem, courseTitle(course, data.learning.steps, context.locale, viva), courseDue(course, today, context.locale, viva) ?? ''),
      wrap: true,
      spacing: 'small',
      ...(courseOverdue(course, today) ? { color: 'attention' as const } : {})
    });
  });
  return [heading(strings.DueHeading, true), ...(lines.length > 0 ? [{ type: 'Container', id: 'due', items: lines } as const] : [subtle(strings.NothingDue, 'due')])];
}

function coursesSection(data: MyLearningCardData, context: CardContext<IMyLearningCardProps>): AdaptiveElement[] {
  const viva = vivaWords(context.locale);
  const body: AdaptiveElement[] = [heading(viva.heading, true)];
  const courses = data.courses;
  if (courses.state === 'toRead') {
    body.push(subtle(viva.loading, 'courses'));
  } else if (courses.state === 'failed') {
    body.push(subtle(viva.failed[vivaFailureOf(courses.error)], 'courses'));
    body.push({
      type: 'ActionSet',
      id: 'courses-retry',
      actions: [{ type: 'Action.Submit', id: RETRY_COURSES_ACTION_ID, title: viva.tryAgain, associatedInputs: 'none' }]
    });
  } else if (!courses.courses.available) {
    body.push(subtle(viva.notAvailable, 'courses'));
  } else if (courses.courses.courses.length === 0) {
    body.push(subtle(viva.none, 'courses'));
  } else {
    const today = dayIn(context.now, context.timeZone);
    body.push({
      type: 'Container',
      id: 'courses',
      items: courses.courses.courses.map((course): AdaptiveElement => {
        const due = courseDue(course, today, context.locale, viva);
        return {
          type: 'Container',
          spacing: 'medium',
          items: [
            { type: 'TextBlock', text: courseTitle(course, data.learning.steps, context.locale, viva), wrap: true, weight: 'bolder' },
            subtle(due ? `${courseStatus(course, viva)} · ${due}` : courseStatus(course, viva))
          ]
        };
      })
    });
  }
  return body;
}

/** The quick view: the next step, progress per path, what is due, the Viva Learning courses, and a button to the My learning page. */
export function myLearningQuickView(data: MyLearningCardData, context: CardContext<IMyLearningCardProps>, strings: MyLearningStrings): QuickViewModel {
  const words = learningWords(context.locale);
  const summary = learningCardSummary(data.learning, context.now);
  const body: AdaptiveElement[] = [
    ...nextSection(data, summary, context, words),
    ...pathsSection(data, summary, context, words),
    ...dueSection(data, summary, context, strings, words),
    ...coursesSection(data, context)
  ];
  const page = learningPageLink(context.properties.pageUrl, data.webUrl);
  const actions: AdaptiveOpenUrlAction[] = page ? [{ type: 'Action.OpenUrl', id: OPEN_PAGE_ACTION_ID, title: strings.OpenPage, url: page }] : [];
  return {
    title: cardTitle(context.properties, strings),
    template: { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body, ...(actions.length > 0 ? { actions } : {}) },
    data: { next: summary.plan.next, paths: summary.paths, courses: data.courses.state }
  };
}
