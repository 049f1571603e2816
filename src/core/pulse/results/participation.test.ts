import { audienceCounts, audienceKnown, parseAudienceCounts, participationOf } from './participation';

const member = (site: string, line: string, crew: string): { site: string; line: string; crew: string } => ({ site, line, crew });

describe('the audience of a round, counted per group', () => {
  const members = [
    member('got', 'got-weld2', 'a'),
    member('got', 'got-weld2', 'a'),
    member('got', 'got-weld2', 'b'),
    member('got', 'unknown', 'b'),
    member('ein', 'ein-mould', 'c')
  ];
  const patterns = { a: 'continuous', b: 'weekday', c: 'continuous' };

  it('counts those asked in each group whose members the rosters tell, by the rule the answers are grouped by', () => {
    const cells = ['plant', 'site=got', 'line=got-weld2', 'line=unknown', 'crew=a', 'shiftPattern=continuous', 'site=got&shiftPattern=weekday'];
    expect(audienceCounts(members, patterns, cells)).toEqual({
      plant: 5,
      'site=got': 4,
      'line=got-weld2': 3,
      'line=unknown': 1,
      'crew=a': 2,
      'shiftPattern=continuous': 3,
      'site=got&shiftPattern=weekday': 2
    });
  });

  it('leaves out groups on what the rosters do not tell, and groups nobody in them was asked', () => {
    const cells = ['employmentType=agency', 'tenureBand=1-3', 'site=got&employmentType=employee', 'crew=none', 'crew=zz', 'shiftPattern=unknown'];
    expect(audienceCounts(members, patterns, cells)).toEqual({});
    expect(audienceKnown('plant')).toBe(true);
    expect(audienceKnown('line=got-weld2')).toBe(true);
    expect(audienceKnown('line=got-weld2&employmentType=agency')).toBe(false);
    expect(audienceKnown('not a cell')).toBe(false);
  });
});

describe('a shown group’s participation', () => {
  it('carries the rate against its audience, and no rate where there is no audience or more answered than were counted', () => {
    expect(participationOf('plant', 31, { plant: 43 })).toEqual({ key: 'plant', respondents: 31, audience: 43, rate: 31 / 43 });
    expect(participationOf('crew=a', 12, { plant: 43 })).toEqual({ key: 'crew=a', respondents: 12 });
    expect(participationOf('plant', 31, undefined)).toEqual({ key: 'plant', respondents: 31 });
    expect(participationOf('plant', 44, { plant: 43 })).toEqual({ key: 'plant', respondents: 44 });
    expect(participationOf('plant', 43, { plant: 43 })).toEqual({ key: 'plant', respondents: 43, audience: 43, rate: 1 });
  });

  it('reads sealed counts back as whole positive numbers of groups the rosters tell, and nothing else', () => {
    expect(parseAudienceCounts({ plant: 43, 'crew=a': 7, 'employmentType=agency': 4, 'line=x': 2.5, 'site=got': -1, 'crew=b': '9', bad: 3 })).toEqual({ plant: 43, 'crew=a': 7 });
    expect(parseAudienceCounts(undefined)).toEqual({});
    expect(parseAudienceCounts([1, 2])).toEqual({});
  });
});
