import { RosterService } from './rosterService';
import type { CrewMember, RosterSource, Shift, TimeOff, TimeRange } from './types';

class FixedRoster implements RosterSource {
  public crewAsked: string[] = [];
  public constructor(
    private readonly shifts: Shift[],
    private readonly timeOff: TimeOff[],
    private readonly crew: Record<string, CrewMember[]>
  ) {}
  public async myShifts(range: TimeRange): Promise<Shift[]> {
    return this.shifts.filter((s) => Date.parse(s.end) > range.start.getTime() && Date.parse(s.start) < range.end.getTime());
  }
  public async myTimeOff(): Promise<TimeOff[]> {
    return this.timeOff;
  }
  public async crewOnShift(shift: Shift): Promise<CrewMember[]> {
    this.crewAsked.push(shift.id);
    return this.crew[shift.id] ?? [];
  }
}

const now = new Date('2026-11-21T10:00:00Z');
const s = (id: string, start: string, end: string): Shift => ({ id, start, end, status: 'scheduled' });

describe('RosterService.nextShiftView', () => {
  it('shows the shift now, the next one with its crew sorted by name, and upcoming time off', async () => {
    const source = new FixedRoster(
      [s('now', '2026-11-21T05:00:00Z', '2026-11-21T13:00:00Z'), s('later', '2026-11-22T21:00:00Z', '2026-11-23T05:00:00Z'), s('old', '2026-11-19T05:00:00Z', '2026-11-19T13:00:00Z')],
      [
        { id: 'past', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' },
        { id: 'soon', start: '2026-11-28T00:00:00Z', end: '2026-12-01T00:00:00Z' }
      ],
      { later: [{ personId: 'b', displayName: 'Ünal, Leyla' }, { personId: 'a', displayName: "O'Brien, Seán" }] }
    );
    const view = await new RosterService(source, () => now).nextShiftView();
    expect(view.current?.id).toBe('now');
    expect(view.next?.id).toBe('later');
    expect(view.crew.map((c) => c.personId)).toEqual(['a', 'b']);
    expect(view.timeOff.map((o) => o.id)).toEqual(['soon']);
    expect(source.crewAsked).toEqual(['later']);
  });

  it('looks further ahead when there is no shift in the next few days', async () => {
    const source = new FixedRoster([s('far', '2026-12-01T05:00:00Z', '2026-12-01T13:00:00Z')], [], {});
    const view = await new RosterService(source, () => now).nextShiftView(14);
    expect(view.next?.id).toBe('far');
    expect(await new RosterService(source, () => now).nextShiftView(3)).toMatchObject({ next: undefined });
  });

  it('leaves the crew to crewOf when asked to, and crewOf reads it for the same shift', async () => {
    const source = new FixedRoster(
      [s('now', '2026-11-21T05:00:00Z', '2026-11-21T13:00:00Z'), s('later', '2026-11-22T21:00:00Z', '2026-11-23T05:00:00Z')],
      [],
      { later: [{ personId: 'b', displayName: 'Bo' }, { personId: 'a', displayName: 'Ann' }], now: [{ personId: 'c', displayName: 'Cai' }] }
    );
    const roster = new RosterService(source, () => now);
    const view = await roster.nextShiftView(14, { crew: false });
    expect(view).toMatchObject({ current: { id: 'now' }, next: { id: 'later' }, crew: [], crewToRead: 'pending' });
    expect(source.crewAsked).toEqual([]);
    expect((await roster.crewOf(view)).map((c) => c.displayName)).toEqual(['Ann', 'Bo']);
    // No next shift: the crew of the one now.
    expect(await roster.crewOf({ current: view.current })).toEqual([{ personId: 'c', displayName: 'Cai' }]);
    expect(source.crewAsked).toEqual(['later', 'now']);
  });

  it('has nothing to show when there are no shifts ahead', async () => {
    const view = await new RosterService(new FixedRoster([], [], {}), () => now).nextShiftView();
    expect(view).toEqual({ current: undefined, next: undefined, crew: [], timeOff: [] });
  });
});
