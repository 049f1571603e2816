/**
 * The Learning admin part's connectors over real HTTP against the local tenant and its relay:
 * HR reads paths, steps and their right in one SharePoint round trip, creates a path and a quiz
 * step (SharePoint as HR), and the answer key is sealed by the relay (never readable in the
 * list); a path whose requirements would close a cycle is refused before anything is written;
 * an operator's start says they may not edit, and SharePoint refuses their write.
 */
import { learningKeyring, openQuizKey } from '../../relay/src/learning/keys';
import { LOCAL_LEARNING_KEYS } from '../../local/relay/learningKeys';
import type { RunningTenant } from '../../local/server/tenant';
import { RelayLearningAdmin } from '../../src/connectors/relay/relayLearningAdmin';
import { SharePointLearningAdmin } from '../../src/connectors/sharepoint/learning/learningAdminStore';
import { checkPathDraft, EMPTY_TEXTS, isError, type PathDraft, quizOf, type StepForm } from '../../src/core/learning/pathDraft';
import { RecognitionStoreError } from '../../src/core/recognition/ports';
import { persona, relayClientAs, requestsDuring, spAs, startTestTenant } from '../support/tenant';

const KEYS = learningKeyring(LOCAL_LEARNING_KEYS);

const names = (en: string): PathDraft['names'] => ({ 'en-us': en, 'nl-nl': `${en} (nl)`, 'sv-se': `${en} (sv)` });
const pathDraft = (en: string, extra: Partial<PathDraft> = {}): PathDraft => ({
  names: names(en),
  category: 'other',
  isActive: true,
  requiresPathIds: [],
  grants: [{ station: 'GOT-ADMIN-TEST', level: 'U' }],
  validityMonths: '12',
  lapseDays: '90',
  trainers: [],
  ...extra
});

describe('the Learning admin part against the local tenant', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTestTenant();
    // PnPjs asks for a request digest before its first $batch; a SharePoint page has one already.
    await new SharePointLearningAdmin(spAs(tenant, persona(tenant, 'hr'))).start();
  }, 60_000);
  afterAll(async () => tenant?.close());

  it('reads paths, steps and HR\'s right in one SharePoint round trip', async () => {
    const store = new SharePointLearningAdmin(spAs(tenant, persona(tenant, 'hr')));
    let start: Awaited<ReturnType<SharePointLearningAdmin['start']>> | undefined;
    const requests = await requestsDuring(tenant, 'sharepoint', async () => {
      start = await store.start();
    });
    expect(requests).toBe(1);
    expect(start?.mayEdit).toBe(true);
    expect(start?.paths.length).toBeGreaterThan(0);
    expect(start?.steps.some((step) => step.kind === 'quiz' && step.keySealed)).toBe(true);
  });

  it('lets HR create a path and a quiz step whose key only the relay seals', async () => {
    const hr = persona(tenant, 'hr');
    const store = new SharePointLearningAdmin(spAs(tenant, hr));
    const relay = new RelayLearningAdmin(relayClientAs(tenant, hr));
    const before = await store.start();
    const draft = pathDraft('Press 7 qualification', { category: 'machine-qualification', trainers: [persona(tenant, 'teamLeader').userPrincipalName] });
    expect(checkPathDraft(draft, before.paths).filter(isError)).toEqual([]);
    const pathId = await store.savePath(draft);

    const form: StepForm = {
      pathId,
      kind: 'quiz',
      titles: { ...EMPTY_TEXTS, 'en-us': 'Press 7 quiz', 'nl-nl': 'Pers 7 quiz', 'sv-se': 'Press 7 quiz' },
      minutes: '5',
      contentUrl: '',
      vivaCourseId: '',
      questions: [
        {
          prompts: { 'en-us': 'Who may run press 7?', 'nl-nl': 'Wie mag pers 7 bedienen?', 'sv-se': 'Vem får köra press 7?' },
          choices: [
            { 'en-us': 'Anyone at U', 'nl-nl': 'Iedereen op U', 'sv-se': 'Alla på U' },
            { 'en-us': 'Anyone', 'nl-nl': 'Iedereen', 'sv-se': 'Alla' }
          ],
          right: [0]
        }
      ],
      passMark: '1'
    };
    const stepId = await store.saveStep(form, 10);
    await relay.sealQuizKey(stepId, quizOf(form).answerKey);

    const after = await store.start();
    const path = after.paths.filter((p) => p.id === pathId)[0];
    expect(path).toMatchObject({ title: 'Press 7 qualification', category: 'machine-qualification', isActive: true, validityMonths: 12, lapseDays: 90, grants: [{ station: 'GOT-ADMIN-TEST', level: 'U' }] });
    expect(path.trainerIds).toHaveLength(1);
    expect(await store.trainersOf(path.trainerIds)).toEqual([persona(tenant, 'teamLeader').userPrincipalName]);
    const step = after.steps.filter((s) => s.id === stepId)[0];
    expect(step).toMatchObject({ kind: 'quiz', keySealed: true, title: 'Press 7 quiz' });
    // The list holds the questions and a sealed key: never which choice is right in the open.
    const stored = tenant.context.sp.item('SE_LearningSteps', stepId)?.values ?? {};
    expect(String(stored.Quiz)).not.toContain('right');
    expect(String(stored.QuizKey)).toMatch(/^pe1\./);
    expect(openQuizKey(KEYS, stepId, String(stored.QuizKey))).toEqual({ q1: [0] });
  });

  it('refuses a requirement that closes a cycle before anything is written', async () => {
    const store = new SharePointLearningAdmin(spAs(tenant, persona(tenant, 'hr')));
    const first = await store.savePath(pathDraft('Cycle A'));
    const second = await store.savePath(pathDraft('Cycle B', { requiresPathIds: [first] }));
    const { paths } = await store.start();
    const problems = checkPathDraft({ ...pathDraft('Cycle A', { requiresPathIds: [second] }), id: first }, paths);
    expect(problems).toEqual([{ code: 'prerequisiteCycle', pathId: first, cycle: [first, second, first] }]);
    expect((await store.start()).paths.filter((p) => p.id === first)[0].requiresPathIds).toEqual([]);
  });

  it('tells an operator they may not edit, and SharePoint refuses their write', async () => {
    const store = new SharePointLearningAdmin(spAs(tenant, persona(tenant, 'operator')));
    expect((await store.start()).mayEdit).toBe(false);
    await expect(store.savePath(pathDraft('Not mine'))).rejects.toMatchObject({ code: 'accessDenied' });
    await expect(store.savePath(pathDraft('Not mine'))).rejects.toBeInstanceOf(RecognitionStoreError);
  });
});
