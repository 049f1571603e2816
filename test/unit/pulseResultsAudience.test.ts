/**
 * Who a closed round asked, as the relay counts it when it publishes the round
 * (relay/src/pulse/resultsAudience.ts): from the crews' rosters, each rostered person the audience
 * takes in, grouped as their answer would be; nothing when the rosters cannot tell the audience.
 */
import { parsePlantMap } from '../../src/core/plant/plantMap';
import { groupAttributes } from '../../src/core/pulse/audience';
import type { CrewRoster } from '../../relay/src/pulse/crews';
import { audienceOfRosters, roundAudience, rostersTellAudience } from '../../relay/src/pulse/resultsAudience';

const MAP = parsePlantMap(
  JSON.stringify({
    sites: [
      { code: 'GOT', name: 'Gothenburg', officeLocations: ['Göteborg plant'] },
      { code: 'EIN', name: 'Eindhoven', officeLocations: ['Eindhoven plant'] }
    ],
    lines: [
      { code: 'GOT-WELD2', name: 'Weld cell 2', siteCode: 'GOT', departments: ['Weld cell 2'] },
      { code: 'EIN-MOULD', name: 'Moulding', siteCode: 'EIN', departments: ['Moulding'] }
    ],
    shifts: []
  })
);

const NOW = new Date('2026-05-04T08:00:00Z');
/** A weekday morning shift and a Saturday one: a continuous crew has both. */
const WEEKDAY = { id: 's1', start: '2026-05-05T04:00:00Z', end: '2026-05-05T12:00:00Z', status: 'scheduled' as const };
const SATURDAY = { id: 's2', start: '2026-05-09T04:00:00Z', end: '2026-05-09T12:00:00Z', status: 'scheduled' as const };

const WELD: CrewRoster = {
  teamId: 'AAAA-weld',
  name: 'Weld A',
  shifts: [WEEKDAY, SATURDAY],
  people: [
    { department: 'Weld cell 2', officeLocation: 'Göteborg plant' },
    { department: 'Weld cell 2', officeLocation: 'Göteborg plant' },
    { department: 'Painting', officeLocation: 'Göteborg plant' },
    {}
  ]
};
const MOULD: CrewRoster = {
  teamId: 'BBBB-mould',
  name: 'Mould B',
  shifts: [WEEKDAY],
  people: [
    { department: 'Moulding', officeLocation: 'Eindhoven plant' },
    { department: 'Moulding', officeLocation: 'Eindhoven plant' }
  ]
};

describe('who a round asked, from the rosters', () => {
  it('takes everyone rostered the audience takes in, grouped by the rule their answers are grouped by', () => {
    const everyone = audienceOfRosters([WELD, MOULD], MAP, {}, NOW);
    expect(everyone).toHaveLength(6);
    const first = groupAttributes({ siteCode: 'GOT', department: 'Weld cell 2', crewKeys: [WELD.teamId] }, { plantMap: MAP, now: NOW });
    expect(everyone[0]).toEqual({ site: first.site, line: first.line, crew: first.crew });
    expect(everyone[0]).toEqual({ site: 'got', line: 'got-weld2', crew: 'aaaa-weld' });
    // A department the map does not know, and a person the directory tells nothing of: as their answers would be.
    expect(everyone[2]).toEqual({ site: 'got', line: 'unknown', crew: 'aaaa-weld' });
    expect(everyone[3]).toEqual({ site: 'unknown', line: 'unknown', crew: 'aaaa-weld' });
  });

  it('leaves out whom the audience does not take in: another site, another department, a crew not named', () => {
    expect(audienceOfRosters([WELD, MOULD], MAP, { siteCodes: ['EIN'] }, NOW).map((m) => m.crew)).toEqual(['bbbb-mould', 'bbbb-mould']);
    expect(audienceOfRosters([WELD, MOULD], MAP, { departments: ['Weld cell 2'] }, NOW)).toHaveLength(2);
    expect(audienceOfRosters([WELD, MOULD], MAP, { crewKeys: ['aaaa-WELD'] }, NOW)).toHaveLength(4);
  });

  it('counts the groups the release shows, with the crews\' shift patterns from their rosters, and not on employment type', () => {
    const shown = ['plant', 'site=got', 'line=got-weld2', 'crew=aaaa-weld', 'shiftPattern=continuous', 'shiftPattern=weekday', 'employmentType=agency'];
    const log = jest.fn();
    expect(roundAudience([WELD, MOULD], MAP, { roundId: 4, audience: { siteCodes: ['GOT', 'EIN'] } }, shown, NOW, log)).toEqual({
      plant: 5,
      'site=got': 3,
      'line=got-weld2': 2,
      'crew=aaaa-weld': 3,
      'shiftPattern=continuous': 3,
      'shiftPattern=weekday': 2
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('counts nothing when the audience asks by employment type, which no roster tells, and says so', () => {
    expect(rostersTellAudience({ employmentTypes: ['', '  '] })).toBe(true);
    expect(rostersTellAudience({ employmentTypes: ['Employee'] })).toBe(false);
    const log = jest.fn();
    expect(roundAudience([WELD, MOULD], MAP, { roundId: 4, audience: { employmentTypes: ['Employee'] } }, ['plant'], NOW, log)).toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('round 4'));
  });
});
