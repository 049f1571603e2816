/**
 * The learning reader through real PnPjs, SharePoint's answers scripted at the send step: one
 * `$batch` for the first read, only the relay's assignment and progress rows counted, nothing
 * read before Engage Setup, and the quiz's questions without any answer.
 */
import type { Queryable } from '@pnp/queryable';
import { spfi, SPBrowser } from '@pnp/sp';

import { RecognitionStoreError } from '../../../core/recognition/ports';
import { SharePointLearningReader } from './learningReader';

const SITE = 'https://contoso.sharepoint.com/sites/engage';
const RELAY = { Name: 'i:0i.t|ms.sp.ext|6b1f0c2e-0000-4000-8000-000000000001@72f988bf-0000-4000-8000-000000000002' };
const MEMBER = { Name: 'i:0#.f|membership|ann@contoso.com' };

/** One answer per list title (`getByTitle('…')`, its items or one item). */
type Answers = Readonly<Record<string, unknown>>;

const SET_UP: Answers = {
  'SE_Progress:list': { WriteSecurity: 4 },
  'SE_Assignments:list': { WriteSecurity: 4 },
  'SE_Assignments:items': [
    { ID: 1, PathId: 10, DueDate: '2026-12-20T23:00:00Z', Created: '2026-11-01T08:00:00Z', Editor: RELAY },
    // A member's own row (written before setup): counts for nothing.
    { ID: 2, PathId: 11, Created: '2026-11-02T08:00:00Z', Editor: MEMBER }
  ],
  'SE_Progress:items': [
    { ID: 5, StepId: 100, PathId: 10, Status: 'completed', CompletedAt: '2026-11-03T08:00:00Z', Editor: RELAY },
    { ID: 6, StepId: 101, PathId: 10, Status: 'signed-off', Editor: MEMBER },
    { ID: 7, StepId: 102, PathId: 10, Status: 'made-up', Editor: RELAY }
  ],
  'SE_Skills:items': [
    { ID: 30, Station: 'GOT-P1', Level: 'O', ExpiresAt: '2027-01-01T00:00:00Z', PathId: 10, Editor: RELAY },
    // A member's own level (written before setup): counts for nothing.
    { ID: 31, Station: 'GOT-P2', Level: 'O', Editor: MEMBER },
    { ID: 32, Station: 'GOT-P3', Level: 'Z', Editor: RELAY }
  ],
  'SE_LearningPaths:items': [
    { ID: 10, Title: 'Lockout/tagout', Translations: '{"nl-NL":{"name":"Vergrendelen"}}', IsActive: true, RequiresPathIds: '[11]', Grants: '[{"station":"GOT-P1","level":"U"}]', TrainerIds: '[7]', LapseDays: 60 },
    { ID: 11, Title: 'Onboarding', Translations: 'not json', IsActive: false, RequiresPathIds: null }
  ],
  'SE_LearningSteps:items': [
    { ID: 100, Title: 'Lockout procedure', PathId: 10, SortOrder: 10, Kind: 'read', EstimatedMinutes: 7, ContentUrl: '/sites/engage/SitePages/loto.aspx', RequiresSignOff: false },
    { ID: 101, Title: 'Lock out press 1', PathId: 10, SortOrder: 20, Kind: 'practice', EstimatedMinutes: 30, RequiresSignOff: true },
    { ID: 103, Title: 'Unknown', PathId: 10, SortOrder: 30, Kind: 'dance', EstimatedMinutes: 3 }
  ],
  'SE_LearningSteps:item': {
    ID: 104,
    Quiz: JSON.stringify({ questions: [{ key: 'q1', translations: { 'en-us': { prompt: 'First?', options: ['Safe', 'Start'] } } }], passMark: 1, answers: { q1: [0] } })
  }
};

function answerFor(answers: Answers, url: string): { status: number; body: unknown } {
  const path = decodeURIComponent(new URL(url).pathname);
  const match = /getByTitle\('([^']+)'\)(\/items(\(\d+\))?)?$/.exec(path);
  const key = match ? `${match[1]}:${match[3] ? 'item' : match[2] ? 'items' : 'list'}` : path;
  return answers[key] !== undefined ? { status: 200, body: answers[key] } : { status: 404, body: { 'odata.error': { message: { value: `unscripted ${key}` } } } };
}

function batchAnswer(parts: ReadonlyArray<{ status: number; body: unknown }>): string {
  const boundary = 'batchresponse_learning';
  const lines = parts.flatMap((part) => [
    `--${boundary}`,
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    `HTTP/1.1 ${part.status} ${part.status < 300 ? 'OK' : 'Error'}`,
    'CONTENT-TYPE: application/json;odata=nometadata;charset=utf-8',
    '',
    JSON.stringify(part.body)
  ]);
  return [...lines, `--${boundary}--`, ''].join('\r\n');
}

/** A reader over PnPjs whose requests SharePoint answers from `answers`; what left is recorded. */
function readerOver(answers: Answers, siteUserId: number | 'unknown' = 42): { reader: SharePointLearningReader; requests: string[]; inBatch: string[] } {
  const requests: string[] = [];
  const inBatch: string[] = [];
  const send = (instance: Queryable): Queryable => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      requests.push(decodeURIComponent(url.pathname));
      if (url.pathname.endsWith('/_api/contextinfo')) {
        return new Response(JSON.stringify({ FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 }));
      }
      if (url.pathname.endsWith('/_api/$batch')) {
        const urls = Array.from(String(init.body).matchAll(/^GET (\S+) HTTP\/1\.1\r?$/gm), (m) => m[1]);
        inBatch.push(...urls.map((u) => decodeURIComponent(u.replace(/\+/g, ' '))));
        return new Response(batchAnswer(urls.map((u) => answerFor(answers, u))), {
          headers: { 'content-type': 'multipart/mixed; boundary=batchresponse_learning' }
        });
      }
      if (/\/_api\/web\/currentuser$/i.test(url.pathname)) {
        return new Response(JSON.stringify({ Id: 77 }));
      }
      const single = answerFor(answers, url.toString());
      return new Response(JSON.stringify(single.body), { status: single.status });
    });
    return instance;
  };
  const sp = spfi(SITE).using(SPBrowser({ baseUrl: SITE }), send);
  return { reader: new SharePointLearningReader({ sp, ...(siteUserId === 'unknown' ? {} : { siteUserId }) }), requests, inBatch };
}

describe('SharePointLearningReader', () => {
  it('reads the person\'s assignments, progress, the paths and steps in one $batch, filtered to the person', async () => {
    const { reader, requests, inBatch } = readerOver(SET_UP);
    const read = await reader.read();
    expect(requests.filter((r) => !r.endsWith('/contextinfo'))).toEqual(['/sites/engage/_api/$batch']);
    expect(inBatch).toHaveLength(7);
    expect(inBatch.filter((u) => /SE_Skills'\)\/items/.test(u))[0]).toContain('$filter=PersonId eq 42');
    expect(inBatch.filter((u) => /SE_Assignments'\)\/items/.test(u))[0]).toContain('$filter=LearnerId eq 42');
    expect(inBatch.filter((u) => /SE_Progress'\)\/items/.test(u))[0]).toContain('$filter=LearnerId eq 42');
    // The sealed columns are never asked for.
    expect(inBatch.join('\n')).not.toMatch(/QuizKey|QuizResult|Quiz[,&]/);
    expect(read.assignments).toEqual([{ pathId: 10, dueDate: '2026-12-20T23:00:00Z', created: '2026-11-01T08:00:00Z' }]);
    expect(read.progress).toEqual([{ stepId: 100, pathId: 10, status: 'completed', completedAt: '2026-11-03T08:00:00Z' }]);
    expect(read.paths).toEqual([
      { id: 10, title: 'Lockout/tagout', translations: { 'nl-nl': { name: 'Vergrendelen' } }, isActive: true, requiresPathIds: [11], grants: [{ station: 'GOT-P1', level: 'U' }], trainerIds: [7], lapseDays: 60 },
      { id: 11, title: 'Onboarding', translations: {}, isActive: false, requiresPathIds: [], grants: [], trainerIds: [], lapseDays: 0 }
    ]);
    expect(read.personId).toBe(42);
    expect(read.skills).toEqual([{ station: 'GOT-P1', level: 'O', expiresAt: new Date('2027-01-01T00:00:00Z'), pathId: 10 }]);
    expect(read.steps.map((s) => [s.id, s.kind, s.estimatedMinutes, s.contentUrl])).toEqual([
      [100, 'read', 7, '/sites/engage/SitePages/loto.aspx'],
      [101, 'practice', 30, undefined]
    ]);
  });

  it('reads the practice colleagues asked to have signed off, per path by the indexed PathId, in one $batch, only the relay\'s rows', async () => {
    const learner = (id: number, name: string): Record<string, unknown> => ({ Id: id, Title: name, Name: `i:0#.f|membership|${name.toLowerCase()}@contoso.com` });
    const { reader, requests, inBatch } = readerOver({
      ...SET_UP,
      'SE_Progress:items': [
        { ID: 8, StepId: 101, PathId: 10, Status: 'completed', CompletedAt: '2026-11-05T08:00:00Z', Learner: learner(51, 'Bo'), Editor: RELAY },
        { ID: 9, StepId: 101, PathId: 10, Status: 'completed', CompletedAt: '2026-11-04T08:00:00Z', Learner: learner(52, 'Ann'), Editor: RELAY },
        { ID: 10, StepId: 101, PathId: 10, Status: 'completed', Learner: learner(53, 'Forger'), Editor: MEMBER },
        { ID: 11, StepId: 101, PathId: 10, Status: 'completed', Editor: RELAY }
      ]
    });
    const rows = await reader.signOffRequests([10, 12]);
    expect(requests.filter((r) => !r.endsWith('/contextinfo'))).toEqual(['/sites/engage/_api/$batch']);
    expect(inBatch).toHaveLength(2);
    expect(inBatch[0]).toContain("$filter=PathId eq 10 and Status eq 'completed'");
    expect(inBatch[1]).toContain("$filter=PathId eq 12 and Status eq 'completed'");
    expect(inBatch[0]).toContain('$expand=Learner,Editor');
    // Both paths answered with the same scripted rows: each row twice, oldest asked first.
    expect(rows.map((r) => [r.learnerId, r.learnerName, r.learnerLogin, r.stepId])).toEqual([
      [52, 'Ann', 'i:0#.f|membership|ann@contoso.com', 101],
      [52, 'Ann', 'i:0#.f|membership|ann@contoso.com', 101],
      [51, 'Bo', 'i:0#.f|membership|bo@contoso.com', 101],
      [51, 'Bo', 'i:0#.f|membership|bo@contoso.com', 101]
    ]);
    expect(await reader.signOffRequests([])).toEqual([]);
  });

  it('asks who is signed in first when the page does not know their site user id', async () => {
    const { reader, requests, inBatch } = readerOver(SET_UP, 'unknown');
    await reader.read();
    expect(requests.filter((r) => !r.endsWith('/contextinfo'))).toEqual(['/sites/engage/_api/web/currentUser', '/sites/engage/_api/$batch']);
    expect(inBatch.filter((u) => /SE_Progress'\)\/items/.test(u))[0]).toContain('LearnerId eq 77');
  });

  it.each([
    ['progress', 'SE_Progress:list'],
    ['assignments', 'SE_Assignments:list']
  ])('counts nothing before Engage Setup has secured the %s list (notSetUp)', async (_name, key) => {
    const { reader } = readerOver({ ...SET_UP, [key]: { WriteSecurity: 1 } });
    const failure = await reader.read().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RecognitionStoreError);
    expect((failure as RecognitionStoreError).code).toBe('notSetUp');
  });

  it('fails with a store code when SharePoint refuses the batch', async () => {
    const { reader } = readerOver({ ...SET_UP, 'SE_Progress:items': undefined });
    const failure = await reader.read().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RecognitionStoreError);
    expect((failure as RecognitionStoreError).code).toBe('notFound');
  });

  it('reads a quiz\'s questions and choices, never answers put into the column', async () => {
    const { reader, requests } = readerOver(SET_UP);
    const quiz = await reader.quiz(104);
    expect(requests).toEqual(["/sites/engage/_api/web/lists/getByTitle('SE_LearningSteps')/items(104)"]);
    expect(quiz).toEqual({ questions: [{ key: 'q1', translations: { 'en-us': { prompt: 'First?', options: ['Safe', 'Start'] } } }], passMark: 1 });
  });

  it('says notFound for a step without questions', async () => {
    const { reader } = readerOver({ ...SET_UP, 'SE_LearningSteps:item': { ID: 104, Quiz: null } });
    await expect(reader.quiz(104)).rejects.toMatchObject({ code: 'notFound' });
  });
});
