import { cellSetOf } from './cellSet';
import { commentListsShown } from './comments';

describe('comment lists', () => {
  it('shows org groups of at least the comment minimum, and withholds a crew whose line would otherwise single out the rest', () => {
    // Line l: crew a (12), crew b (4). Lists of the plant, site, line and crew a would show a
    // comment from crew b only in the line's list: written by one of 4.
    const set = cellSetOf(
      new Map([
        ['s|l|a|p|employee|1-3', 12],
        ['s|l|b|p|employee|1-3', 4]
      ])
    );
    const release = commentListsShown(set, 10);
    expect(release.withheld.get('crew=b')).toBe('tooFew');
    expect(release.withheld.get('crew=a')).toBe('protectsAnother');
    expect(release.shown).toEqual(expect.arrayContaining(['plant', 'site=s', 'line=l']));
  });

  it('keeps a crew list when the rest of its line reaches the minimum too', () => {
    const set = cellSetOf(
      new Map([
        ['s|l|a|p|employee|1-3', 12],
        ['s|l|b|p|employee|1-3', 10]
      ])
    );
    expect(commentListsShown(set, 10).shown).toEqual(expect.arrayContaining(['crew=a', 'crew=b', 'line=l']));
  });

  it('never lists comments by shift pattern, employment type, tenure band or two filters', () => {
    const set = cellSetOf(new Map([['s|l|a|p|employee|1-3', 40]]));
    commentListsShown(set, 10).shown.forEach((cell) => expect(cell).toMatch(/^(plant|site=|line=|crew=)[^&]*$/));
  });
});
