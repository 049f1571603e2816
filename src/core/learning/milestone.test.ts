import { decideMilestone, learningMilestoneKey, milestoneLanguage, milestoneMessage } from './milestone';

const at = (iso: string): Date => new Date(iso);

describe('decideMilestone', () => {
  const finished = at('2026-12-07T10:00:00Z');

  it('posts a path finished after the person allowed it, or at that instant', () => {
    expect(decideMilestone({ shareLearningSince: at('2026-12-01T08:00:00Z') }, finished)).toEqual({ post: true });
    expect(decideMilestone({ shareLearningSince: finished }, finished)).toEqual({ post: true });
  });

  it('posts nothing without consent: no row, no date, or a date that is no date', () => {
    expect(decideMilestone(undefined, finished)).toEqual({ post: false, reason: 'notShared' });
    expect(decideMilestone({}, finished)).toEqual({ post: false, reason: 'notShared' });
    expect(decideMilestone({ shareLearningSince: new Date('nonsense') }, finished)).toEqual({ post: false, reason: 'notShared' });
  });

  it('never posts a path finished before the person allowed it', () => {
    expect(decideMilestone({ shareLearningSince: at('2026-12-07T10:00:00.001Z') }, finished)).toEqual({ post: false, reason: 'finishedBeforeConsent' });
  });

  it('keeps someone who is off the public wall off it', () => {
    expect(decideMilestone({ shareLearningSince: at('2026-12-01T08:00:00Z'), hideFromPublicWall: true }, finished)).toEqual({ post: false, reason: 'hiddenFromWall' });
  });
});

describe('milestone words and key', () => {
  it('says the path in the person’s language, English for others', () => {
    expect(milestoneMessage('Lockout/tagout', milestoneLanguage('nl-BE'))).toBe('Heeft het leerpad “Lockout/tagout” afgerond.');
    expect(milestoneMessage('Truck', milestoneLanguage('sv-se'))).toBe('Har slutfört utbildningsvägen ”Truck”.');
    expect(milestoneMessage('Forklift', milestoneLanguage('de-de'))).toBe('Finished the learning path “Forklift”.');
    expect(milestoneMessage('Forklift', milestoneLanguage(undefined))).toBe('Finished the learning path “Forklift”.');
  });

  it('leaves control characters out of the name', () => {
    expect(milestoneMessage('Fork\u0000lift\n', 'en-us')).toBe('Finished the learning path “Fork lift”.');
  });

  it('keys one post per path and person', () => {
    expect(learningMilestoneKey(3, 17)).toBe('learning-path:3:17');
    expect(learningMilestoneKey(3, 17)).not.toBe(learningMilestoneKey(17, 3));
  });
});
