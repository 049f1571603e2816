/**
 * Viva Learning for the demo plant: a small course catalogue from two providers and the
 * learningCourseActivity objects (`learningAssignment`, `learningSelfInitiatedCourse`, the
 * v1.0 types) of each person, as `GET /me/employeeExperience/learningCourseActivities` returns them.
 */
import type { Person } from './directory';
import { createRandom, hashText } from './random';

export interface Course {
  readonly learningContentId: string;
  readonly title: string;
  readonly learningProviderId: string;
}

export const LEARNING_PROVIDERS = {
  linkedIn: { id: '9e2a7b4c-1d3f-4e5a-8b6c-7d8e9f0a1b2c', displayName: 'LinkedIn Learning' },
  academy: { id: '3f1e2d4c-5b6a-4978-8a1b-2c3d4e5f6a7b', displayName: 'Contoso Plant Academy' }
} as const;

function contentId(title: string): string {
  return createRandom(hashText(`course:${title}`)).guid();
}

function course(title: string, provider: keyof typeof LEARNING_PROVIDERS): Course {
  return { learningContentId: contentId(title), title, learningProviderId: LEARNING_PROVIDERS[provider].id };
}

/** Stable across seeds: learning steps of kind `viva-course` refer to these ids. */
export const COURSES: readonly Course[] = [
  course('Forklift safety basics', 'academy'),
  course('Lockout/tagout essentials', 'academy'),
  course('Working safely next to robots', 'academy'),
  course('5S in the workplace', 'linkedIn'),
  course('Root cause analysis with the 5 Whys', 'linkedIn'),
  course('Quality inspection fundamentals', 'academy'),
  course('Giving and receiving feedback on the shop floor', 'linkedIn'),
  course('First aid at work', 'academy')
];

export function courseByTitle(title: string): Course {
  const found = COURSES.find((c) => c.title === title);
  if (!found) {
    throw new Error(`Unknown course ${title}`);
  }
  return found;
}

function dateTimeOffset(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** `dateTimeTimeZone` as Graph writes it: local date-time with seven fraction digits. */
function dateTimeTimeZone(date: Date): { dateTime: string; timeZone: string } {
  return { dateTime: date.toISOString().replace(/\.\d{3}Z$/, '.0000000'), timeZone: 'UTC' };
}

/** The course activities of one person (0–4), deterministic from the seed. */
export function courseActivitiesFor(seed: number, today: Date, person: Person): Array<Record<string, unknown>> {
  const rng = createRandom((seed ^ hashText(`courses:${person.id}`)) >>> 0);
  const count = person.role === 'operator' || person.role === 'teamLeader' ? rng.int(0, 4) : rng.int(0, 2);
  const chosen = rng.shuffle(COURSES).slice(0, count);
  const day = 86400000;
  return chosen.map((item, index) => {
    const id = `${person.id.slice(0, 8)}-${index}-${rng.guid()}`;
    const common = {
      id,
      learningContentId: item.learningContentId,
      learningProviderId: item.learningProviderId,
      learnerUserId: person.id,
      externalcourseActivityId: rng.guid()
    };
    const roll = rng.next();
    const status = roll < 0.35 ? 'notStarted' : roll < 0.65 ? 'inProgress' : 'completed';
    const completionPercentage = status === 'notStarted' ? 0 : status === 'completed' ? 100 : rng.int(1, 9) * 10;
    if (person.managerId && rng.chance(0.75)) {
      const assigned = new Date(today.getTime() - rng.int(3, 60) * day);
      // Some are due within a week, some are overdue.
      const due = new Date(assigned.getTime() + rng.pick([14, 30, 30, 45, 60]) * day);
      const completed = status === 'completed' ? new Date(Math.min(today.getTime() - day, assigned.getTime() + rng.int(1, 20) * day)) : undefined;
      return {
        '@odata.type': '#microsoft.graph.learningAssignment',
        ...common,
        status,
        completionPercentage,
        completedDateTime: completed ? dateTimeOffset(completed) : null,
        assignedDateTime: dateTimeOffset(assigned),
        assignerUserId: person.managerId,
        assignmentType: 'required',
        dueDateTime: dateTimeTimeZone(due),
        notes: { contentType: 'text', content: 'Please finish this before your next qualification review.' }
      };
    }
    const started = new Date(today.getTime() - rng.int(1, 90) * day);
    const selfStatus = status === 'notStarted' ? 'inProgress' : status;
    return {
      '@odata.type': '#microsoft.graph.learningSelfInitiatedCourse',
      ...common,
      status: selfStatus,
      completionPercentage: selfStatus === 'completed' ? 100 : Math.max(10, completionPercentage),
      completedDateTime: selfStatus === 'completed' ? dateTimeOffset(new Date(Math.min(today.getTime(), started.getTime() + 7 * day))) : null,
      startedDateTime: dateTimeOffset(started)
    };
  });
}
