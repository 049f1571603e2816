import { checkLists, LIST_SECURITY, ruleFor, summarise } from './listSecurity';

describe('list security rules', () => {
  it('marks a list that is not on the site as missing', () => {
    const [check] = checkLists([{ title: 'SE_Values', exists: false }]);
    expect(check.status).toBe('missing');
    expect(check.itemCount).toBeUndefined();
  });

  it('accepts a list whose read and write access match the rule', () => {
    const [check] = checkLists([
      { title: 'SE_Participation', exists: true, itemCount: 12, readSecurity: 2, writeSecurity: 4 }
    ]);
    expect(check).toEqual({
      title: 'SE_Participation',
      status: 'ok',
      itemCount: 12,
      rule: LIST_SECURITY.SE_Participation
    });
  });

  it('flags a list whose write access is still the SharePoint default', () => {
    const [check] = checkLists([
      { title: 'SE_Values', exists: true, itemCount: 5, readSecurity: 1, writeSecurity: 1 }
    ]);
    expect(check.status).toBe('needsSecurity');
    expect(check.rule).toEqual({ read: 1, write: 4, reason: 'configuredByHr' });
  });

  it('keeps who took part in a pulse round private to that person', () => {
    expect(ruleFor('SE_Participation').read).toBe(2);
    expect(ruleFor('SE_Responses').read).toBe(2);
    expect(ruleFor('SE_Reports').read).toBe(2);
    // Comment threads: members read none (the relay writes every message).
    expect(ruleFor('SE_Comments').read).toBe(2);
  });

  it('flags a pulse list that keeps versions, and accepts one without (or whose versioning SharePoint did not say)', () => {
    const [on, off, unsaid, other] = checkLists([
      { title: 'SE_Responses', exists: true, readSecurity: 2, writeSecurity: 4, enableVersioning: true },
      { title: 'SE_Participation', exists: true, readSecurity: 2, writeSecurity: 4, enableVersioning: false },
      { title: 'SE_Responses', exists: true, readSecurity: 2, writeSecurity: 4 },
      { title: 'SE_Values', exists: true, readSecurity: 1, writeSecurity: 4, enableVersioning: true }
    ]);
    expect([on.status, off.status, unsaid.status, other.status]).toEqual(['needsSecurity', 'ok', 'ok', 'ok']);
  });

  it('keeps search out of the lists only the relay reads, and flags one search still crawls', () => {
    for (const title of ['SE_Responses', 'SE_Participation', 'SE_Reminders', 'SE_Comments']) {
      expect([title, ruleFor(title).noCrawl]).toEqual([title, true]);
    }
    expect(ruleFor('SE_Values').noCrawl).toBeUndefined();
    const [crawled, kept, unsaid, other] = checkLists([
      { title: 'SE_Reminders', exists: true, readSecurity: 2, writeSecurity: 4, noCrawl: false },
      { title: 'SE_Reminders', exists: true, readSecurity: 2, writeSecurity: 4, noCrawl: true },
      { title: 'SE_Participation', exists: true, readSecurity: 2, writeSecurity: 4 },
      { title: 'SE_Values', exists: true, readSecurity: 1, writeSecurity: 4, noCrawl: false }
    ]);
    expect([crawled.status, kept.status, unsaid.status, other.status]).toEqual(['needsSecurity', 'ok', 'ok', 'ok']);
  });

  it('lets only the relay write pulse answers, participation and comment threads, with versioning off', () => {
    for (const title of ['SE_Responses', 'SE_Participation', 'SE_Comments']) {
      expect([title, ruleFor(title).write, ruleFor(title).versioning]).toEqual([title, 4, false]);
    }
  });

  it('lets only the relay (and HR, site owners) write what someone has learnt; everyone reads it', () => {
    for (const title of ['SE_Assignments', 'SE_Progress', 'SE_Skills']) {
      expect([title, ruleFor(title)]).toEqual([title, { read: 1, write: 4, reason: 'relayWritesLearning' }]);
    }
    const [open, secured] = checkLists([
      { title: 'SE_Progress', exists: true, itemCount: 40, readSecurity: 1, writeSecurity: 1 },
      { title: 'SE_Progress', exists: true, itemCount: 40, readSecurity: 1, writeSecurity: 4 }
    ]);
    expect([open.status, secured.status]).toEqual(['needsSecurity', 'ok']);
  });

  it('summarises the checks for the admin', () => {
    const summary = summarise(
      checkLists([
        { title: 'SE_Values', exists: false },
        { title: 'SE_Reactions', exists: true, readSecurity: 1, writeSecurity: 1 },
        { title: 'SE_Skills', exists: true, readSecurity: 1, writeSecurity: 4 }
      ])
    );
    expect(summary).toEqual({ missing: 1, needsSecurity: 1, ready: false });
    expect(summarise([]).ready).toBe(true);
  });
});
