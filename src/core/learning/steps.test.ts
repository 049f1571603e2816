import type { Quiz } from '../models/learning';
import { isTenantAddress, MAX_STEP_MINUTES, StepDraft, stepsInOrder, validateStep } from './steps';
import { pathName, stepWording } from './wording';

const HOSTS = ['contoso.sharepoint.com'];
const words = { 'en-us': { title: 'Read the lockout procedure' }, 'nl-nl': { title: 'Lees de lockout-procedure' }, 'sv-se': { title: 'Läs LOTO-rutinen' } };
const read: StepDraft = { title: 'Read the lockout procedure', kind: 'read', translations: words, contentUrl: '/sites/engage/SitePages/loto.aspx', requiresSignOff: false, estimatedMinutes: 7 };
const quiz: Quiz = {
  questions: [{ key: 'q1', translations: { 'en-us': { prompt: 'First?', options: ['Lock', 'Run'] }, 'nl-nl': { prompt: 'Eerst?', options: ['Vergrendelen', 'Starten'] }, 'sv-se': { prompt: 'Först?', options: ['Lås', 'Kör'] } } }],
  passMark: 1
};

describe('step kinds', () => {
  it('accepts each kind with what it needs', () => {
    const steps: StepDraft[] = [
      read,
      { ...read, kind: 'watch', contentUrl: 'https://contoso.sharepoint.com/sites/engage/video.mp4' },
      { ...read, kind: 'viva-course', contentUrl: undefined, vivaCourseId: 'course-42' },
      { ...read, kind: 'quiz', contentUrl: undefined, quiz },
      { ...read, kind: 'practice', contentUrl: undefined, requiresSignOff: true, estimatedMinutes: 480 }
    ];
    expect(steps.map((step) => validateStep(step, HOSTS))).toEqual([[], [], [], [], []]);
  });

  it('refuses a step missing what its kind needs', () => {
    const codes = (step: StepDraft): string[] => validateStep(step, HOSTS).map((p) => p.code);
    expect(codes({ ...read, contentUrl: ' ' })).toEqual(['contentUrlMissing']);
    expect(codes({ ...read, kind: 'viva-course', contentUrl: undefined })).toEqual(['vivaCourseMissing']);
    expect(codes({ ...read, kind: 'quiz' })).toEqual(['quizMissing']);
    expect(codes({ ...read, kind: 'quiz', quiz: { ...quiz, passMark: 2 } })).toEqual(['quizInvalid']);
    expect(codes({ ...read, kind: 'practice' })).toEqual(['practiceNeedsSignOff']);
  });

  it('checks a quiz against the answer key HR is editing', () => {
    expect(validateStep({ ...read, kind: 'quiz', quiz }, HOSTS, { q1: [3] }).map((p) => p.code)).toEqual(['quizInvalid']);
  });

  it('keeps minutes whole, at least one and at most a long shift', () => {
    for (const minutes of [0, 2.5, MAX_STEP_MINUTES + 1]) {
      expect([minutes, validateStep({ ...read, estimatedMinutes: minutes }, HOSTS).map((p) => p.code)]).toEqual([minutes, ['minutesOutOfRange']]);
    }
    expect(validateStep({ ...read, estimatedMinutes: MAX_STEP_MINUTES }, HOSTS)).toEqual([]);
  });

  it('warns for each shipped language without a title of its own, and refuses an empty title', () => {
    const english = { ...read, title: ' ', translations: { 'en-us': { title: 'Read' } } };
    expect(validateStep(english, HOSTS)).toEqual([
      { code: 'titleMissing', severity: 'error' },
      { code: 'translationMissing', severity: 'warning', language: 'nl-nl' },
      { code: 'translationMissing', severity: 'warning', language: 'sv-se' }
    ]);
  });

  it('takes content only from inside the tenant', () => {
    expect(isTenantAddress('/sites/engage/doc.pdf', HOSTS)).toBe(true);
    expect(isTenantAddress('https://CONTOSO.sharepoint.com/x', HOSTS)).toBe(true);
    for (const url of ['//evil.example/x', 'https://contoso.sharepoint.com.evil.example/', 'http://contoso.sharepoint.com/x', ['javascript', 'alert(1)'].join(':'), 'https://user@contoso.sharepoint.com/', '/\\evil']) {
      expect([url, isTenantAddress(url, HOSTS)]).toEqual([url, false]);
    }
  });
});

describe('wording in the reader language', () => {
  it('uses the exact tag, then the language, then English, then the Title', () => {
    const step = { title: 'Title', translations: { 'nl-nl': { title: 'Lees', body: 'Tekst' }, 'en-us': { title: 'Read' } } };
    expect(stepWording(step, 'nl-be')).toEqual({ title: 'Lees', body: 'Tekst' });
    expect(stepWording(step, 'sv-se')).toEqual({ title: 'Read' });
    expect(stepWording({ title: 'Title', translations: { 'sv-se': { title: ' ' } } }, 'sv-se')).toEqual({ title: 'Title' });
    expect(pathName({ title: 'Forklift licence', translations: { 'sv-se': { name: 'Truckkort' } } }, 'sv-se')).toBe('Truckkort');
  });
});

describe('order of steps', () => {
  it('sorts one path by SortOrder, then ID', () => {
    const steps = [
      { id: 5, pathId: 1, sortOrder: 20 },
      { id: 4, pathId: 1, sortOrder: 10 },
      { id: 3, pathId: 2, sortOrder: 0 },
      { id: 2, pathId: 1, sortOrder: 10 }
    ];
    expect(stepsInOrder(steps, 1).map((s) => s.id)).toEqual([2, 4, 5]);
  });
});
