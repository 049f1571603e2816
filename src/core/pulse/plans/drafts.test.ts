import { memoryStore } from '../../storage';
import { newRequestId } from '../../requestId';
import { PlanDrafts } from './drafts';
import { PLAN_KEY } from './wire';
import type { PlanFields } from './types';

const fields: PlanFields = {
  headline: 'Handover at every shift change',
  driver: 'leadership',
  source: { kind: 'comment', threadId: `k1:${'ab'.repeat(32)}` },
  youSaid: 'We lose information between shifts.',
  weWillDo: '',
  owner: { name: '', login: '' },
  dueDate: '',
  status: 'planned',
  groupKey: 'crew=team-a',
  roundId: 7
};

describe('plan drafts on the device', () => {
  it('keeps what was typed until the relay stored it, newest first, per plan key', () => {
    let clock = 1000;
    const store = memoryStore();
    const drafts = new PlanDrafts(store, 'se-pulse-plan-drafts:eva', () => clock);
    drafts.keep({ planKey: 'a'.repeat(32), fields });
    clock += 1;
    drafts.keep({ planKey: 'b'.repeat(32), id: 12, version: '"3"', fields: { ...fields, headline: 'Changed' } });
    clock += 1;
    drafts.keep({ planKey: 'a'.repeat(32), fields: { ...fields, weWillDo: 'A five-minute handover at the line board.' } });
    expect(drafts.list().map((d) => [d.planKey[0], d.keptAt])).toEqual([
      ['a', 1002],
      ['b', 1001]
    ]);
    expect(drafts.find({ id: 12 })?.fields.headline).toBe('Changed');
    expect(drafts.find({ planKey: 'a'.repeat(32) })?.fields.weWillDo).toBe('A five-minute handover at the line board.');
    // A page opened later reads the same drafts.
    expect(new PlanDrafts(store, 'se-pulse-plan-drafts:eva').list()).toHaveLength(2);
    drafts.forget('a'.repeat(32));
    drafts.forget('b'.repeat(32));
    expect(drafts.list()).toEqual([]);
    expect(store.data.size).toBe(0);
  });

  it('keeps a quoted comment by its thread id, never its words (nor words an older version kept)', () => {
    const store = memoryStore();
    const drafts = new PlanDrafts(store, 'k');
    const threadId = `k1:${'cd'.repeat(32)}`;
    drafts.keep({ planKey: 'a'.repeat(32), fields: { ...fields, source: { kind: 'comment', threadId, text: 'The microwave in hall 2 is broken again.' } } });
    expect(drafts.list()[0].fields.source).toEqual({ kind: 'comment', threadId });
    expect(store.data.get('k')).not.toContain('microwave');
    // A draft an older version kept with the comment's words.
    store.write('k', JSON.stringify([{ planKey: 'b'.repeat(32), fields: { ...fields, source: { kind: 'comment', text: 'Words kept before' } }, keptAt: 1 }]));
    expect(drafts.list()[0].fields.source).toEqual({ kind: 'comment' });
    drafts.keep({ planKey: 'c'.repeat(32), fields });
    expect(store.data.get('k')).not.toContain('Words kept before');
  });

  it('reads nothing from a store holding something else', () => {
    const store = memoryStore([['k', '{not json']]);
    expect(new PlanDrafts(store, 'k').list()).toEqual([]);
    store.write('k', JSON.stringify([{ planKey: 'x', fields: { headline: 1 }, keptAt: 1 }, 'x']));
    expect(new PlanDrafts(store, 'k').list()).toEqual([]);
  });

  it('takes the device\'s request ids as plan keys', () => {
    expect(PLAN_KEY.test(newRequestId())).toBe(true);
  });
});
