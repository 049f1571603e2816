import { checkPlan, publishable, QUOTE_COPY_MIN, repeatsQuote, type PlanCheckContext } from './validate';
import { PLAN_LIMITS, type PlanFields } from './types';

const HR: PlanCheckContext = { today: '2026-12-07', writer: { role: 'hr' }, purpose: 'publish' };

const plan: PlanFields = {
  headline: 'Shift swaps in Teams Shifts',
  driver: 'schedule-influence',
  source: { kind: 'driver' },
  youSaid: 'Swapping a shift means chasing three people and a paper form.',
  weWillDo: 'Swaps are requested and approved in Teams Shifts within a day.',
  owner: { name: 'Eva Lind', login: 'eva.lind@contoso.com' },
  dueDate: '2027-01-15',
  status: 'planned',
  groupKey: 'line=got-weld2',
  roundId: 12
};

const codes = (input: unknown, context: PlanCheckContext = HR): string[] => {
  const check = checkPlan(input, context);
  return check.ok ? [] : check.errors.map((e) => `${e.field}:${e.code}`);
};

describe('checking an action plan', () => {
  it('takes a complete plan and normalises its text', () => {
    const check = checkPlan({ ...plan, headline: '  Shift swaps\nin Teams Shifts\u200B ', owner: { name: ' Eva Lind ', login: ' Eva.Lind@Contoso.com ' } }, HR);
    expect(check.ok && check.fields.headline).toBe('Shift swaps in Teams Shifts');
    expect(check.ok && check.fields.owner).toEqual({ name: 'Eva Lind', login: 'eva.lind@contoso.com' });
  });

  it('names each broken rule once, by field, with a code the UI can put into words', () => {
    expect(
      codes({ ...plan, headline: ' \u200B ', driver: 'pay', youSaid: '', weWillDo: 'x'.repeat(PLAN_LIMITS.weWillDo + 1), status: 'maybe', groupKey: 'line=got-weld2&crew=a', roundId: 0 })
    ).toEqual(['headline:headlineEmpty', 'driver:driverUnknown', 'youSaid:youSaidEmpty', 'weWillDo:weWillDoTooLong', 'status:statusUnknown', 'group:groupInvalid', 'round:roundInvalid']);
    expect(codes({ ...plan, headline: 'x'.repeat(PLAN_LIMITS.headline + 1) })).toEqual(['headline:headlineTooLong']);
    expect(codes('not a plan')).toContain('headline:headlineEmpty');
  });

  it('measures text in UTF-16 code units, as SharePoint does (an emoji is two)', () => {
    expect(codes({ ...plan, headline: '👍'.repeat(PLAN_LIMITS.headline / 2) })).toEqual([]);
    expect(codes({ ...plan, headline: `${'👍'.repeat(PLAN_LIMITS.headline / 2)}x` })).toEqual(['headline:headlineTooLong']);
  });

  it('lets a draft wait for what will be done, the owner and the due day; publishing needs them', () => {
    const draft = { ...plan, weWillDo: '', owner: { name: '', login: '' }, dueDate: '' };
    expect(codes(draft, { ...HR, purpose: 'draft' })).toEqual([]);
    expect(codes(draft)).toEqual(['weWillDo:weWillDoEmpty', 'owner:ownerNameEmpty', 'dueDate:dueDateEmpty']);
    expect(codes({ ...plan, owner: { name: 'Eva', login: '' } })).toEqual(['owner:ownerLoginEmpty']);
    expect(codes({ ...plan, owner: { name: 'Eva', login: 'eva lind' } }, { ...HR, purpose: 'draft' })).toEqual(['owner:ownerLoginInvalid']);
  });

  it('refuses a due day before the plant\'s today when created or moved, and keeps an overdue one', () => {
    expect(codes({ ...plan, dueDate: '2026-12-06' })).toEqual(['dueDate:dueDatePast']);
    expect(codes({ ...plan, dueDate: '2026-12-07' })).toEqual([]);
    expect(codes({ ...plan, dueDate: '2026-12-06' }, { ...HR, storedDueDate: '2026-12-06' })).toEqual([]);
    expect(codes({ ...plan, dueDate: '2026-12-05' }, { ...HR, storedDueDate: '2026-12-06' })).toEqual(['dueDate:dueDatePast']);
    expect(codes({ ...plan, dueDate: '2027-02-30' })).toEqual(['dueDate:dueDateInvalid']);
    expect(codes({ ...plan, dueDate: '15/01/2027' })).toEqual(['dueDate:dueDateInvalid']);
  });

  it('takes a released comment by its thread id as the source, never words sent with it, and refuses any other', () => {
    const threadId = `k1:${'ab'.repeat(32)}`;
    const check = checkPlan({ ...plan, source: { kind: 'comment', threadId, text: 'Words the page sent' } }, HR);
    expect(check.ok && check.fields.source).toEqual({ kind: 'comment', threadId });
    // Words alone name no comment: a comment whose words are not known (only a plan stored so may keep it; the relay decides).
    const wordsOnly = checkPlan({ ...plan, source: { kind: 'comment', text: 'The microwave in hall 2 is broken again.' } }, HR);
    expect(wordsOnly.ok && wordsOnly.fields.source).toEqual({ kind: 'comment' });
    for (const source of [{ kind: 'comment', threadId: 'not-a-thread' }, { kind: 'comment', threadId: 7 }, { kind: 'rumour' }, 'comment']) {
      expect([source, codes({ ...plan, source })]).toEqual([source, ['source:sourceInvalid']]);
    }
  });

  it('refuses "you said" holding the quoted comment word for word, not a short one a writer would say the same', () => {
    const source = { kind: 'comment', threadId: `k1:${'ab'.repeat(32)}` };
    const quote = 'The microwave in hall 2 is broken again.';
    expect(codes({ ...plan, source, youSaid: `You said:  the MICROWAVE in hall 2\nis broken again. We heard it.` }, { ...HR, quote })).toEqual(['youSaid:youSaidRepeatsComment']);
    expect(codes({ ...plan, source, youSaid: 'The microwave in hall 2 keeps breaking.' }, { ...HR, quote })).toEqual([]);
    expect(codes({ ...plan, source, youSaid: 'You asked for more breaks.' }, { ...HR, quote: 'More breaks' })).toEqual([]);
    // Without a quote source, or without the quote's words, nothing to compare.
    expect(codes({ ...plan, youSaid: quote }, { ...HR, quote })).toEqual([]);
    expect(codes({ ...plan, source, youSaid: quote }, HR)).toEqual([]);
    expect(repeatsQuote('x'.repeat(QUOTE_COPY_MIN), 'x'.repeat(QUOTE_COPY_MIN))).toBe(true);
    expect(repeatsQuote('x'.repeat(QUOTE_COPY_MIN), 'x'.repeat(QUOTE_COPY_MIN - 1))).toBe(false);
  });

  it('lets a leader write for the crews they lead only, never the line, site or plant above', () => {
    const leader: PlanCheckContext = { ...HR, writer: { role: 'leader', crews: ['7F3C-Team'] } };
    expect(codes({ ...plan, groupKey: 'crew=7f3c-team' }, leader)).toEqual([]);
    for (const groupKey of ['crew=another-team', 'line=got-weld2', 'site=got', 'plant', 'employmentType=agency']) {
      expect([groupKey, codes({ ...plan, groupKey }, leader)]).toEqual([groupKey, ['group:groupNotYours']]);
    }
    expect(codes({ ...plan, groupKey: 'plant' }, { ...HR, writer: { role: 'employee' } })).toEqual(['group:groupNotYours']);
  });

  it('checks a stored plan for publishing with its own due day allowed to be past', () => {
    expect(publishable({ ...plan, dueDate: '2026-11-01' }, '2026-12-07', { role: 'hr' }).ok).toBe(true);
    expect(publishable({ ...plan, weWillDo: '' }, '2026-12-07', { role: 'hr' }).ok).toBe(false);
  });
});
