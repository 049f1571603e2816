/**
 * A person's learning as the page reads it, for the card's tests: Lockout/tagout (two steps, one
 * done, due) before Forklift licence (waiting for Onboarding, which has a practice step waiting
 * for a trainer), and a finished 5S path; and Viva Learning courses, one named by a step.
 */
import type { CardLearning } from '../../../app/learningCard';
import type { VivaCourse } from '../../../app/vivaLearning';

export const NOW = new Date('2026-12-07T08:00:00Z');

export const LOCKOUT = 1;
export const ONBOARDING = 2;
export const FORKLIFT = 3;
export const FIVE_S = 4;

export const FORKLIFT_COURSE = 'c0ffee00-0000-4000-8000-000000000001';

const path = (id: number, title: string, nl: string, sv: string, requiresPathIds: number[] = []): CardLearning['paths'][number] => ({
  id,
  title,
  translations: { 'nl-nl': { name: nl }, 'sv-se': { name: sv } },
  isActive: true,
  requiresPathIds
});

export const LEARNING: CardLearning = {
  paths: [
    path(LOCKOUT, 'Lockout/tagout', 'Vergrendelen en labelen', 'Lås och märk'),
    path(ONBOARDING, 'Onboarding', 'Introductie', 'Introduktion'),
    path(FORKLIFT, 'Forklift licence', 'Heftruckcertificaat', 'Truckkort', [ONBOARDING]),
    path(FIVE_S, '5S', '5S', '5S')
  ],
  steps: [
    { id: 11, pathId: LOCKOUT, title: 'Lockout intro', translations: {}, sortOrder: 1, kind: 'watch', estimatedMinutes: 4, requiresSignOff: false },
    {
      id: 12,
      pathId: LOCKOUT,
      title: 'Lockout procedure',
      translations: { 'nl-nl': { title: 'Vergrendelprocedure' }, 'sv-se': { title: 'Låsrutinen' } },
      sortOrder: 2,
      kind: 'read',
      estimatedMinutes: 7,
      requiresSignOff: false
    },
    { id: 21, pathId: ONBOARDING, title: 'Site tour', translations: {}, sortOrder: 1, kind: 'practice', estimatedMinutes: 30, requiresSignOff: true },
    {
      id: 31,
      pathId: FORKLIFT,
      title: 'Forklift safety basics',
      translations: { 'nl-nl': { title: 'Heftruckveiligheid' } },
      sortOrder: 1,
      kind: 'viva-course',
      estimatedMinutes: 20,
      requiresSignOff: false,
      vivaCourseId: FORKLIFT_COURSE
    },
    { id: 41, pathId: FIVE_S, title: '5S quiz', translations: {}, sortOrder: 1, kind: 'quiz', estimatedMinutes: 5, requiresSignOff: false }
  ],
  assignments: [
    { pathId: LOCKOUT, created: '2026-11-01T08:00:00Z', dueDate: '2026-12-20T23:00:00Z' },
    { pathId: FORKLIFT, created: '2026-11-02T08:00:00Z' },
    { pathId: ONBOARDING, created: '2026-10-01T08:00:00Z' },
    { pathId: FIVE_S, created: '2026-09-01T08:00:00Z' }
  ],
  progress: [
    { stepId: 11, pathId: LOCKOUT, status: 'completed' },
    { stepId: 21, pathId: ONBOARDING, status: 'completed' },
    { stepId: 41, pathId: FIVE_S, status: 'completed' }
  ]
};

export const COURSES: readonly VivaCourse[] = [
  { id: 'a1', contentId: FORKLIFT_COURSE, assigned: true, status: 'inProgress', percent: 40, dueDay: '2026-12-01' },
  { id: 'a2', contentId: 'unknown-course', assigned: true, status: 'notStarted', percent: 0, dueDay: '2026-12-24' },
  { id: 's1', contentId: 'another-course', assigned: false, status: 'completed', percent: 100, completedAt: '2026-11-20T10:00:00Z' }
];
