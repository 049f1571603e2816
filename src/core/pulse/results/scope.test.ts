import { canSee, canSeeInside, orgTreeOf, Viewer } from './scope';

const tree = orgTreeOf(['got|got-weld2|crew-a|p1|employee|1-3', 'got|got-weld2|crew-b|p2|agency|1-3', 'got|got-paint|crew-c|p1|employee|1-3', 'ein|ein-log|crew-d|p1|employee|1-3']);
const crewLeader: Viewer = { role: 'leader', leads: [{ dimension: 'crew', value: 'crew-a' }] };
const lineLeader: Viewer = { role: 'leader', leads: [{ dimension: 'line', value: 'got-weld2' }] };

describe('who sees what', () => {
  it('shows HR everything and employees the plant only', () => {
    expect(canSee({ role: 'hr' }, tree, 'shiftPattern=p1&tenureBand=1-3')).toBe(true);
    expect(canSee({ role: 'employee' }, tree, 'plant')).toBe(true);
    expect(canSee({ role: 'employee' }, tree, 'site=got')).toBe(false);
  });

  it('shows a crew leader their crew and the org groups above it, nothing beside or across', () => {
    expect(canSee(crewLeader, tree, 'crew=crew-a')).toBe(true);
    expect(canSee(crewLeader, tree, 'line=got-weld2')).toBe(true);
    expect(canSee(crewLeader, tree, 'site=got')).toBe(true);
    expect(canSee(crewLeader, tree, 'plant')).toBe(true);
    expect(canSee(crewLeader, tree, 'crew=crew-b')).toBe(false);
    expect(canSee(crewLeader, tree, 'line=got-weld2&employmentType=agency')).toBe(false);
    expect(canSee(crewLeader, tree, 'shiftPattern=p1')).toBe(false);
    expect(canSee(crewLeader, tree, 'site=ein')).toBe(false);
  });

  it('shows a line leader the line’s crews and slices, and comments inside the line only', () => {
    expect(canSee(lineLeader, tree, 'crew=crew-b')).toBe(true);
    expect(canSee(lineLeader, tree, 'line=got-weld2&tenureBand=1-3')).toBe(true);
    expect(canSee(lineLeader, tree, 'site=got&employmentType=agency')).toBe(false);
    expect(canSeeInside(lineLeader, tree, 'line=got-weld2')).toBe(true);
    expect(canSeeInside(lineLeader, tree, 'site=got')).toBe(false);
    expect(canSeeInside({ role: 'employee' }, tree, 'plant')).toBe(false);
  });
});
