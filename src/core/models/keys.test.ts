import {
  assignmentKey,
  participationKey,
  personKey,
  progressKey,
  reactionKey,
  recognitionRequestKey,
  reportKey,
  roundKey,
  skillKey
} from './keys';

describe('unique keys', () => {
  it('join the parts with a colon, in the documented order', () => {
    expect(reactionKey(12, 7)).toBe('12:7');
    expect(reportKey(12, 7)).toBe('12:7');
    expect(recognitionRequestKey('3f2a', 7)).toBe('3f2a:7');
    expect(roundKey(4, 2)).toBe('4:2');
    expect(participationKey(9, 7)).toBe('9:7');
    expect(assignmentKey(5, 7)).toBe('5:7');
    expect(progressKey(31, 7)).toBe('31:7');
    expect(skillKey('weld-03', 7)).toBe('weld-03:7');
  });

  it('compares login names case-insensitively', () => {
    expect(personKey(' i:0#.f|membership|Anna@Contoso.com ')).toBe('i:0#.f|membership|anna@contoso.com');
  });
});
