/**
 * HR's pulse admin store through the real PnPjs over HTTP against the local tenant: the first
 * read in one `$batch`, HR saving, pausing and closing a survey and adding a question, and a
 * member refused by SharePoint itself (not only by the part).
 */
import { SharePointPulseAdmin } from '../../src/connectors/sharepoint/pulseAdminStore';
import { surveyStepChange } from '../../src/core/pulse/adminPorts';
import { validateSurvey } from '../../src/core/pulse/surveyRules';
import type { RunningTenant } from '../../local/server/tenant';
import { persona, requestsDuring, secureProductLists, spAs, startTestTenant } from '../support/tenant';

describe('Pulse admin store against the local tenant', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTestTenant();
    await secureProductLists(tenant);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  it('reads surveys, rounds, the question bank, the plant map and the rights in one round trip', async () => {
    const store = new SharePointPulseAdmin(spAs(tenant, persona(tenant, 'hr')));
    let start: Awaited<ReturnType<SharePointPulseAdmin['start']>> | undefined;
    const requests = await requestsDuring(tenant, 'sharepoint', async () => {
      start = await store.start();
    });
    expect(requests).toBe(1);
    expect(start!.rights).toEqual({ surveys: true });
    expect(start!.questions.filter((q) => q.isActive).length).toBeGreaterThanOrEqual(3);
    expect(start!.questions.find((q) => q.questionKey === 'part-of-team')?.translations['sv-se']?.text).toBeTruthy();
    expect(start!.plantMap.sites.length).toBeGreaterThan(0);
  });

  it('HR saves a survey, pauses, resumes and closes it; it reads back as saved', async () => {
    const store = new SharePointPulseAdmin(spAs(tenant, persona(tenant, 'hr')));
    const { questions, plantMap } = await store.start();
    const keys = questions.filter((q) => q.isActive && q.kind === 'likert5').slice(0, 3).map((q) => q.questionKey);
    const checked = validateSurvey(
      {
        title: 'Spring pulse — Göteborg',
        cadence: 'monthly',
        minGroupSize: 6,
        minCommentGroupSize: 10,
        definition: { questionKeys: keys, languages: ['en-us', 'sv-se'], audience: { siteCodes: [plantMap.sites[0].code] }, roundLengthDays: 5 }
      },
      { questions, plantMap, minimumRoundLengthDays: 4 }
    );
    if (!checked.ok) {
      throw new Error(JSON.stringify(checked.errors));
    }
    const id = await store.addSurvey(checked.draft);
    let saved = (await store.start()).surveys.find((s) => s.id === id)!;
    expect(saved).toMatchObject({ title: 'Spring pulse — Göteborg', status: 'draft', cadence: 'monthly', minGroupSize: 6, minCommentGroupSize: 10 });
    expect(saved.definition).toEqual(checked.draft.definition);

    await store.updateSurvey(id, surveyStepChange(saved, 'schedule')!);
    saved = (await store.start()).surveys.find((s) => s.id === id)!;
    expect(saved.status).toBe('scheduled');
    await store.updateSurvey(id, surveyStepChange(saved, 'pause')!);
    saved = (await store.start()).surveys.find((s) => s.id === id)!;
    expect(saved.definition.paused).toBe(true);
    expect(saved.status).toBe('scheduled');
    await store.updateSurvey(id, surveyStepChange(saved, 'resume')!);
    await store.updateSurvey(id, { status: 'closed' });
    saved = (await store.start()).surveys.find((s) => s.id === id)!;
    expect(saved).toMatchObject({ status: 'closed', definition: { paused: false } });
  });

  it('HR adds a question in three languages to the bank', async () => {
    const store = new SharePointPulseAdmin(spAs(tenant, persona(tenant, 'hr')));
    await store.addQuestion({
      questionKey: 'tools-ready-at-start',
      title: 'My tools are ready when my shift starts',
      driver: 'security-meaning',
      kind: 'likert5',
      translations: { 'nl-nl': { text: 'Mijn gereedschap is klaar als mijn dienst begint' }, 'sv-se': { text: 'Mina verktyg är redo när mitt skift börjar' } }
    });
    const added = (await store.start()).questions.find((q) => q.questionKey === 'tools-ready-at-start');
    expect(added).toMatchObject({ isActive: true, driver: 'security-meaning', kind: 'likert5' });
    expect(added?.translations['sv-se']?.text).toBe('Mina verktyg är redo när mitt skift börjar');
  });

  it('a member is told they may not, and SharePoint refuses their writes', async () => {
    const hrStore = new SharePointPulseAdmin(spAs(tenant, persona(tenant, 'hr')));
    const { surveys } = await hrStore.start();
    const target = surveys[0];
    const operator = new SharePointPulseAdmin(spAs(tenant, persona(tenant, 'operator')));
    const start = await operator.start();
    expect(start.rights).toEqual({ surveys: false });
    // The operator reads the surveys (all read) …
    expect(start.surveys.map((s) => s.id)).toContain(target.id);
    // … and SharePoint refuses each write.
    await expect(operator.updateSurvey(target.id, { status: 'closed' })).rejects.toMatchObject({ code: 'accessDenied' });
    await expect(
      operator.addSurvey({ title: 'Mine', cadence: 'once', minGroupSize: 5, minCommentGroupSize: 10, definition: target.definition })
    ).rejects.toMatchObject({ code: 'accessDenied' });
    await expect(
      operator.addQuestion({ questionKey: 'operator-question', title: 'Mine', driver: 'engagement', kind: 'likert5', translations: {} })
    ).rejects.toMatchObject({ code: 'accessDenied' });
    expect((await hrStore.start()).surveys.find((s) => s.id === target.id)?.status).toBe(target.status);
  });
});
