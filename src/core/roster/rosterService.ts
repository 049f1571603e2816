import { currentShift, mayPromptNow, nextShift, overlaps, PromptDecision, PromptSettings, DEFAULT_PROMPT_SETTINGS } from './rules';
import type { CrewMember, RosterSource, Shift, TimeOff, TimeRange } from './types';

export interface NextShiftView {
  /** The shift running now, if any. */
  readonly current?: Shift;
  /** The next shift after now (after the current one). */
  readonly next?: Shift;
  /** Colleagues on the next shift (or the current one when there is no next); empty while `crewToRead`. */
  readonly crew: CrewMember[];
  /**
   * The crew is still to be read (`RosterService.crewOf`): `pending` when the view was asked for
   * without it, `failed` when reading it failed. Absent: `crew` is complete.
   */
  readonly crewToRead?: 'pending' | 'failed';
  /** Time off that overlaps the look-ahead window. */
  readonly timeOff: TimeOff[];
}

export interface NextShiftOptions {
  /**
   * Read the crew on the shift with the view (default). `false` leaves it to `crewOf`, for what
   * shows the crew only on request (a card's quick view) or not at all: it is a round trip of
   * its own after the roster (the names of the people on the shift).
   */
  readonly crew?: boolean;
}

/** How far ahead the first, small roster read looks. */
const NEAR_DAYS = 3;

/** The roster questions the product asks, over any source. */
export class RosterService {
  public constructor(
    private readonly source: RosterSource,
    private readonly now: () => Date = () => new Date()
  ) {}

  public window(daysBack: number, daysAhead: number): TimeRange {
    const t = this.now().getTime();
    return { start: new Date(t - daysBack * 86_400_000), end: new Date(t + daysAhead * 86_400_000) };
  }

  public async myShifts(range: TimeRange): Promise<Shift[]> {
    const shifts = await this.source.myShifts(range);
    return shifts.filter((s) => overlaps(s, range)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  private async roster(shiftRange: TimeRange, timeOffRange: TimeRange): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }> {
    if (this.source.myRoster) {
      return this.source.myRoster(shiftRange, timeOffRange);
    }
    const [shifts, timeOff] = await Promise.all([this.source.myShifts(shiftRange), this.source.myTimeOff(timeOffRange)]);
    return { shifts, timeOff };
  }

  /**
   * "My next shift": the shift now and next, the crew on it, and time off, looking `daysAhead`.
   * Shifts are looked for in the next few days first (one small read for the common case of a
   * rotating roster) and over the whole look-ahead only when none is found there.
   */
  public async nextShiftView(daysAhead = 14, options: NextShiftOptions = {}): Promise<NextShiftView> {
    const nearDays = Math.min(NEAR_DAYS, daysAhead);
    const first = await this.roster(this.window(1, nearDays), this.window(0, daysAhead));
    let shifts = first.shifts;
    const timeOff = first.timeOff;
    const now = this.now();
    if (!nextShift(shifts, now) && daysAhead > nearDays) {
      shifts = await this.source.myShifts(this.window(1, daysAhead));
    }
    const current = currentShift(shifts, now);
    const next = nextShift(shifts, now);
    const view: NextShiftView = {
      current,
      next,
      crew: [],
      timeOff: timeOff.filter((o) => Date.parse(o.end) > now.getTime()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    };
    if (!current && !next) {
      return view;
    }
    return options.crew === false ? { ...view, crewToRead: 'pending' } : { ...view, crew: await this.crewOf(view) };
  }

  /** The colleagues on the view's next shift (or the current one when there is no next), by name. */
  public async crewOf(view: Pick<NextShiftView, 'current' | 'next'>): Promise<CrewMember[]> {
    const focus = view.next ?? view.current;
    const crew = focus ? await this.source.crewOnShift(focus) : [];
    return [...crew].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  public async mayPromptNow(settings: PromptSettings = DEFAULT_PROMPT_SETTINGS): Promise<PromptDecision> {
    const range = this.window(1, 1);
    const [shifts, timeOff] = await Promise.all([this.source.myShifts(range), this.source.myTimeOff(range)]);
    return mayPromptNow(this.now(), shifts, timeOff, settings);
  }
}
