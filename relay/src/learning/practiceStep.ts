/**
 * The learning timer's practice step (docs/learning.md "Expiry and renewal", use it or lose it;
 * docs/relay.md "The learning timer"): a level lapses after `LapseDays` without practice, counted
 * from sign-offs and, where the roster tells it, rostered shifts at that station. This step moves
 * `SE_Skills.LastPractisedAt` forward from the roster, before the renewal step reads it, so a
 * level practised on the job is not renewed nor shown lapsed.
 *
 * - **Where the roster tells the station**: a Shifts activity (`sharedShift.activities[].code`)
 *   that is the station's code, for the activity's time, on a published shift not staged for
 *   deletion (`stationShifts`, `src/core/learning/rosterPractice.ts`). A shift's name, theme or
 *   notes name no station (the demo plant's notes name the line, which has several stations), so
 *   a roster without activities moves nothing: nothing is guessed.
 * - **Forward only** (`practisedSince`): to the last practice before now (an activity's end, or
 *   now while it runs) when that is later than the stored `LastPractisedAt` (else `AssessedAt`,
 *   from which the renewal step counts): an older shift never moves it back, and a second run
 *   writes nothing.
 * - **Which levels**: those at the stations the roster's activities name (`Station`, indexed),
 *   of the people who worked them, that count; only shifts in the crew the level is kept under
 *   (its `CrewKey`, the Teams team) count for it: anyone can make a team, add a colleague and
 *   roster them, and such a shift must not keep a level alive; only those the relay wrote last are changed, with
 *   the ETag read. A level HR or a site owner changed by hand is HR's and is reported
 *   (`handWritten`), as for crew moves.
 */
import type { SPFI } from '@pnp/sp';

import { practisedSince, stationShifts } from '../../../src/core/learning/rosterPractice';
import { LISTS } from '../../../src/core/schema/lists';
import type { LearningRosterRead } from './crewMovesRoster';
import { errorMessage, graphRefused, pagedRows, personUpn, relayWrote, updateWithEtag, type RosterStepOptions, type RosterStepStatus } from './crewMovesRows';
import { odataText } from './store';

const SKILLS = LISTS.skills;

export interface PracticeReport extends RosterStepStatus {
  /** Keys of the levels whose `LastPractisedAt` moved forward this run (`SkillKey`). */
  readonly practised: readonly string[];
}

export type PracticeStep = (sp: SPFI, now: Date) => Promise<PracticeReport>;

export type PracticeStepOptions = RosterStepOptions;

const dateOf = (value: unknown): Date | undefined => {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !isNaN(at.getTime()) ? at : undefined;
};

export function practiceStep(options: PracticeStepOptions): PracticeStep {
  const log = options.log ?? ((): void => undefined);
  return async (sp, now) => {
    if (await options.gate.refusal()) {
      log('practice: Engage Setup has not secured the learning lists on this site; no practice is recorded.');
      return { status: 'notSetUp', practised: [], handWritten: [] };
    }
    let roster: LearningRosterRead;
    try {
      roster = await options.roster(now);
    } catch (error) {
      if (!graphRefused(error)) throw error;
      const message = `Microsoft Graph refused the relay (${errorMessage(error)}): grant its identity Team.ReadBasic.All, Schedule.Read.All and User.Read.All (docs/relay.md). Practice from the roster is not recorded.`;
      log(`practice: ${message}`);
      return { status: 'notGranted', practised: [], handWritten: [], message };
    }
    // The people (by user principal name) who worked each station the roster names, with their practice there.
    const practice = new Map<string, ReturnType<typeof stationShifts>>();
    new Set(roster.shifts.map((shift) => shift.personId.toLowerCase())).forEach((personId) => {
      const upn = roster.people.get(personId);
      const shifts = stationShifts(roster.shifts, personId);
      if (upn && shifts.length > 0) practice.set(upn, shifts);
    });
    // Each station once, as the roster spells it first (SharePoint compares text without case).
    const stations = new Map<string, string>();
    [...practice.values()].forEach((shifts) => shifts.forEach((s) => stations.set(s.station.toLowerCase(), stations.get(s.station.toLowerCase()) ?? s.station)));
    const practised: string[] = [];
    const handWritten: string[] = [];
    if (stations.size === 0) {
      return { status: 'done', practised, handWritten };
    }
    const mine = await relayWrote(sp);
    for (const station of stations.values()) {
      const rows = await pagedRows(
        sp,
        SKILLS.title,
        [SKILLS.fields.skillKey, SKILLS.fields.station, SKILLS.fields.crewKey, SKILLS.fields.lastPractisedAt, SKILLS.fields.assessedAt, `${SKILLS.fields.person}/Name`],
        [SKILLS.fields.person],
        `${SKILLS.fields.station} eq ${odataText(station)}`,
        log
      );
      for (const row of rows) {
        const upn = personUpn(row, SKILLS.fields.person);
        const crew = String(row[SKILLS.fields.crewKey] ?? '').toLowerCase();
        const shifts = upn ? practice.get(upn)?.filter((shift) => crew !== '' && shift.teamId.toLowerCase() === crew) : undefined;
        const stored = dateOf(row[SKILLS.fields.lastPractisedAt]) ?? dateOf(row[SKILLS.fields.assessedAt]);
        const next = shifts ? practisedSince(String(row[SKILLS.fields.station] ?? station), shifts, now, stored) : undefined;
        if (!next) continue;
        const key = String(row[SKILLS.fields.skillKey] ?? row.ID);
        if (!mine(row)) {
          handWritten.push(key);
          log(`practice: ${SKILLS.title} ${key} was changed by hand last; its last practice stays as HR left it.`);
        } else if (await updateWithEtag(sp, SKILLS.title, row, { [SKILLS.fields.lastPractisedAt]: next.toISOString() })) {
          practised.push(key);
        }
      }
    }
    if (practised.length > 0) log(`practice: ${practised.length} level(s) practised on the roster since their last practice.`);
    return { status: 'done', practised, handWritten };
  };
}
