import { checkPathDraft, checkStepForm, EMPTY_TEXTS, newQuestion, pathColumns, type PathDraft, quizOf, reorderedSteps, stepColumns, type StepForm, wholeNumber } from './pathDraft';

const names = { 'en-us': 'Forklift licence', 'nl-nl': 'Heftruckcertificaat', 'sv-se': 'Truckkort' };
const draft = (extra: Partial<PathDraft> = {}): PathDraft => ({
  names,
  category: 'other',
  isActive: true,
  requiresPathIds: [],
  grants: [],
  validityMonths: '12',
  lapseDays: '',
  trainers: [],
  ...extra
});
const codes = (problems: ReadonlyArray<{ code: string }>): string[] => problems.map((p) => p.code);

describe('checkPathDraft', () => {
  it('accepts a complete path', () => {
    expect(checkPathDraft(draft({ grants: [{ station: 'GOT-FORK', level: 'U' }], trainers: ['ria@contoso.com'] }), [])).toEqual([]);
  });

  it('refuses a path without an English name and warns of a missing translation', () => {
    expect(checkPathDraft(draft({ names: { ...names, 'en-us': ' ', 'sv-se': '' } }), [])).toEqual([
      { code: 'nameMissing' },
      { code: 'translationMissing', language: 'sv-se', warning: true }
    ]);
  });

  it('refuses a name longer than SharePoint keeps in a title (255), in any language, with its length', () => {
    expect(checkPathDraft(draft({ names: { ...names, 'en-us': 'x'.repeat(255) } }), [])).toEqual([]);
    expect(checkPathDraft(draft({ names: { ...names, 'en-us': 'x'.repeat(2000), 'nl-nl': 'y'.repeat(256) } }), [])).toEqual([
      { code: 'nameTooLong', language: 'en-us', length: 2000 },
      { code: 'nameTooLong', language: 'nl-nl', length: 256 }
    ]);
  });

  it('refuses numbers that are not whole, a level without a station and a trainer who is no sign-in name', () => {
    const problems = checkPathDraft(draft({ validityMonths: '1.5', lapseDays: '-3', grants: [{ station: 'GOT-1', level: '' }], trainers: ['Ria'] }), []);
    expect(codes(problems)).toEqual(['validityMonths', 'lapseDays', 'grantInvalid', 'trainerInvalid']);
  });

  it('refuses a requirement that closes a cycle, with the paths around it', () => {
    const stored = [
      { id: 1, requiresPathIds: [2] },
      { id: 2, requiresPathIds: [] }
    ];
    expect(checkPathDraft(draft({ id: 2, requiresPathIds: [1] }), stored)).toEqual([{ code: 'prerequisiteCycle', pathId: 2, cycle: [2, 1, 2] }]);
    expect(codes(checkPathDraft(draft({ id: 2, requiresPathIds: [2] }), stored))).toEqual(['requiresItself']);
    expect(codes(checkPathDraft(draft({ requiresPathIds: [1] }), stored))).toEqual([]);
  });

  it('refuses a renewal path that is not there', () => {
    expect(codes(checkPathDraft(draft({ renewalPathId: 9 }), [{ id: 1, requiresPathIds: [] }]))).toEqual(['renewalPathUnknown']);
  });

  it('stores names per language, grants and trainers as JSON', () => {
    const columns = pathColumns(draft({ grants: [{ station: ' GOT-FORK ', level: 'U' }], lapseDays: '90' }), [7]);
    expect(columns).toMatchObject({ Title: 'Forklift licence', Category: 'other', IsActive: true, ValidityMonths: 12, LapseDays: 90, TrainerIds: '[7]', Grants: '[{"station":"GOT-FORK","level":"U"}]' });
    expect(JSON.parse(columns.Translations as string)).toEqual({ 'en-us': { name: 'Forklift licence' }, 'nl-nl': { name: 'Heftruckcertificaat' }, 'sv-se': { name: 'Truckkort' } });
  });
});

describe('wholeNumber', () => {
  it('reads blank as 0 and refuses what is not a whole number in range', () => {
    expect([wholeNumber('', 5), wholeNumber(' 4 ', 5), wholeNumber('6', 5), wholeNumber('1e2', 500), wholeNumber('2.0', 5)]).toEqual([0, 4, undefined, undefined, undefined]);
  });
});

const quizForm = (extra: Partial<StepForm> = {}): StepForm => ({
  pathId: 3,
  kind: 'quiz',
  titles: { 'en-us': 'Lockout quiz', 'nl-nl': 'Quiz', 'sv-se': 'Quiz' },
  minutes: '5',
  contentUrl: '',
  vivaCourseId: '',
  questions: [
    {
      prompts: { 'en-us': 'Who locks out?', 'nl-nl': 'Wie?', 'sv-se': 'Vem?' },
      choices: [
        { 'en-us': 'You', 'nl-nl': 'Jij', 'sv-se': 'Du' },
        { 'en-us': 'Nobody', 'nl-nl': 'Niemand', 'sv-se': 'Ingen' }
      ],
      right: [0]
    }
  ],
  passMark: '1',
  ...extra
});

describe('a step form', () => {
  it('accepts a quiz with its key and keeps the key out of what the list stores', () => {
    expect(checkStepForm(quizForm(), ['contoso.sharepoint.com'])).toEqual([]);
    const columns = stepColumns(quizForm(), 20);
    expect(JSON.stringify(columns)).not.toContain('right');
    expect(JSON.parse(columns.Quiz as string)).toEqual(quizOf(quizForm()).quiz);
    expect(quizOf(quizForm()).answerKey).toEqual({ q1: [0] });
  });

  it('refuses a quiz question without a right choice, and a pass mark above the questions', () => {
    const problems = checkStepForm(quizForm({ questions: [{ ...quizForm().questions[0], right: [] }], passMark: '2' }), []);
    expect(codes(problems).sort()).toEqual(['answerKey', 'passMark']);
  });

  it('refuses a quiz without questions, and a new question without its texts', () => {
    expect(codes(checkStepForm(quizForm({ questions: [] }), []))).toContain('questionCount');
    expect(codes(checkStepForm(quizForm({ questions: [newQuestion()] }), []))).toContain('promptMissing');
  });

  it('refuses a read step whose link leaves the tenant, and minutes out of range', () => {
    const read: StepForm = { ...quizForm(), kind: 'read', titles: { ...EMPTY_TEXTS, 'en-us': 'Sheet' }, contentUrl: 'https://evil.example.com/x', minutes: '0', questions: [] };
    const problems = checkStepForm(read, ['contoso.sharepoint.com']);
    expect(codes(problems.filter((p) => !('severity' in p) || p.severity === 'error')).sort()).toEqual(['contentUrlOutsideTenant', 'minutesOutOfRange']);
    expect(stepColumns({ ...read, contentUrl: '/sites/engage/x.aspx', minutes: '7' }, 10)).toMatchObject({ Kind: 'read', ContentUrl: '/sites/engage/x.aspx', EstimatedMinutes: 7, Quiz: null, RequiresSignOff: false });
  });
});

describe('reorderedSteps', () => {
  const steps = [
    { id: 5, sortOrder: 10 },
    { id: 6, sortOrder: 20 },
    { id: 7, sortOrder: 30 }
  ];
  it('moves a step and renumbers only what changes', () => {
    expect(reorderedSteps(steps, 2, -1)).toEqual([
      { id: 7, sortOrder: 20 },
      { id: 6, sortOrder: 30 }
    ]);
  });
  it('moves nothing past either end', () => {
    expect(reorderedSteps(steps, 0, -1)).toEqual([]);
    expect(reorderedSteps(steps, 2, 1)).toEqual([]);
  });
});
