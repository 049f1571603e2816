/**
 * The learning timer's crew-move step (docs/learning.md "Assignment", docs/relay.md "The learning
 * timer"): a person moved to another crew mid-path keeps all they did; their rows follow them, so
 * the new leader sees them in the skills matrix (SE_Skills by `CrewKey`) and the crew's progress.
 *
 * - **Their crew**: the product's crew everywhere, the Teams team whose Shifts schedule has their
 *   shifts, most shifts first (`crewsFromRoster`, as the pulse's facts and the assignment's
 *   `CrewKey`), told by the shifts they work from now on: running or starting within the week
 *   ahead. Not the fortnight around now the pulse's facts count: a person moved today is the new
 *   leader's tonight, and the week behind would keep their rows under the old crew for a week.
 *   Read with the relay's identity (`crewMovesRoster.ts`). Someone with no shift in the week
 *   ahead (leave, parental leave) has no crew known: their rows stay where they are.
 * - **Which rows**: `crewMoveUpdates` (`src/core/learning/assignment.ts`): a row under a crew
 *   they no longer work in moves to their main crew; a row under any crew they still work in
 *   stays (a path assigned to one of their crews stays that crew's). Their assignments and levels
 *   are read whole (by ID, in pages); their progress only when one of those has to move, by the
 *   indexed `LearnerId`. Progress moves first, then levels, then assignments, so a run that stops
 *   midway leaves an assignment to move and the next run finds the person again.
 * - **Whose rows**: only rows the relay wrote last, with the ETag read. A row HR or a site owner
 *   changed by hand is HR's: its crew stays as HR left it (no tug of war with a correction), and
 *   its key is reported in `handWritten`. Rows that do not count are not read.
 * - **Once**: a second run finds every row under a crew the person works in and writes nothing.
 */
import type { SPFI } from '@pnp/sp';

import { crewMoveUpdates } from '../../../src/core/learning/assignment';
import { crewsFromRoster } from '../../../src/core/learning/rosterPractice';
import { LISTS } from '../../../src/core/schema/lists';
import { ROSTER_AHEAD_MS } from './crewMovesRoster';
import { errorMessage, graphRefused, pagedRows, personUpn, relayWrote, updateWithEtag, type RosterStepOptions, type RosterStepStatus } from './crewMovesRows';
import type { Row } from './store';

const ASSIGNMENTS = LISTS.assignments;
const PROGRESS = LISTS.progress;
const SKILLS = LISTS.skills;

/** The week ahead a person's crews are told by. */
const CREW_WINDOW_MS = ROSTER_AHEAD_MS;

export interface CrewMovesReport extends RosterStepStatus {
  /** Keys of the rows moved to the person's crew this run (`AssignmentKey`, `ProgressKey`, `SkillKey`). */
  readonly moved: readonly string[];
}

export type CrewMovesStep = (sp: SPFI, now: Date) => Promise<CrewMovesReport>;

export type CrewMovesStepOptions = RosterStepOptions;

/** One list's rows of a person, as crew moves take them. */
interface ListRows {
  readonly list: string;
  readonly keyColumn: string;
  readonly rows: readonly Row[];
}

/** The rows as the rule takes them: id and `CrewKey` (the same column in the three lists). */
const crewRows = (rows: readonly Row[]): Array<{ id: number; crewKey?: string }> =>
  rows.map((row) => {
    const crew = row[ASSIGNMENTS.fields.crewKey];
    return { id: Number(row.ID), ...(typeof crew === 'string' && crew.trim() !== '' ? { crewKey: crew } : {}) };
  });

export function crewMovesStep(options: CrewMovesStepOptions): CrewMovesStep {
  const log = options.log ?? ((): void => undefined);

  /** Rows of `list` grouped by their person's user principal name. */
  async function byPerson(sp: SPFI, list: string, personField: string, columns: readonly string[]): Promise<Map<string, Row[]>> {
    const rows = await pagedRows(sp, list, [...columns, `${personField}/Name`, `${personField}Id`], [personField], undefined, log);
    const out = new Map<string, Row[]>();
    rows.forEach((row) => {
      const upn = personUpn(row, personField);
      if (!upn) return;
      const mine = out.get(upn);
      if (mine) mine.push(row);
      else out.set(upn, [row]);
    });
    return out;
  }

  return async (sp, now) => {
    if (await options.gate.refusal()) {
      log('crew moves: Engage Setup has not secured the learning lists on this site; no row is moved.');
      return { status: 'notSetUp', moved: [], handWritten: [] };
    }
    let crewsByUpn: Map<string, string[]>;
    try {
      const roster = await options.roster(now);
      // Running or coming within the week: the crews they work in from now on.
      const ahead = roster.shifts.filter((shift) => shift.end.getTime() > now.getTime() && shift.start.getTime() < now.getTime() + CREW_WINDOW_MS);
      crewsByUpn = new Map();
      crewsFromRoster(ahead).forEach((crews, personId) => {
        const upn = roster.people.get(personId);
        if (upn) crewsByUpn.set(upn, crews);
      });
    } catch (error) {
      if (!graphRefused(error)) throw error;
      const message = `Microsoft Graph refused the relay (${errorMessage(error)}): grant its identity Team.ReadBasic.All, Schedule.Read.All and User.Read.All (docs/relay.md). No row is moved.`;
      log(`crew moves: ${message}`);
      return { status: 'notGranted', moved: [], handWritten: [], message };
    }
    if (crewsByUpn.size === 0) {
      return { status: 'done', moved: [], handWritten: [] };
    }
    const mine = await relayWrote(sp);
    const assignments = await byPerson(sp, ASSIGNMENTS.title, ASSIGNMENTS.fields.learner, [ASSIGNMENTS.fields.assignmentKey, ASSIGNMENTS.fields.crewKey]);
    const skills = await byPerson(sp, SKILLS.title, SKILLS.fields.person, [SKILLS.fields.skillKey, SKILLS.fields.crewKey]);
    const moved: string[] = [];
    const handWritten: string[] = [];

    /** The rows of one list to move to `main`; each written (the relay's) or reported (HR's). */
    async function move(rows: ListRows, main: string, others: readonly string[]): Promise<void> {
      const updates = new Set(crewMoveUpdates(crewRows(rows.rows), main, others).map((u) => u.id));
      for (const row of rows.rows.filter((r) => updates.has(Number(r.ID)))) {
        const key = String(row[rows.keyColumn] ?? row.ID);
        if (!mine(row)) {
          handWritten.push(key);
          log(`crew moves: ${rows.list} ${key} was changed by hand last; its crew stays as HR left it.`);
        } else if (await updateWithEtag(sp, rows.list, row, { [ASSIGNMENTS.fields.crewKey]: main })) {
          moved.push(key);
        }
      }
    }

    const people = [...new Set([...assignments.keys(), ...skills.keys()])].sort();
    for (const upn of people) {
      const crews = crewsByUpn.get(upn);
      if (!crews || crews.length === 0) continue;
      const [main, ...others] = crews;
      const own: ListRows[] = [
        { list: SKILLS.title, keyColumn: SKILLS.fields.skillKey, rows: skills.get(upn) ?? [] },
        { list: ASSIGNMENTS.title, keyColumn: ASSIGNMENTS.fields.assignmentKey, rows: assignments.get(upn) ?? [] }
      ];
      const off = own.some((rows) => crewMoveUpdates(crewRows(rows.rows), main, others).length > 0);
      if (!off) continue;
      const first = own.flatMap((rows) => rows.rows)[0];
      const siteId = Number(first[`${ASSIGNMENTS.fields.learner}Id`] ?? first[`${SKILLS.fields.person}Id`]);
      const progress = Number.isSafeInteger(siteId) && siteId > 0 ? await pagedRows(sp, PROGRESS.title, [PROGRESS.fields.progressKey, PROGRESS.fields.crewKey], [], `${PROGRESS.fields.learner}Id eq ${siteId}`, log) : [];
      // Progress first, the assignment last: a run stopped midway leaves the person found again.
      await move({ list: PROGRESS.title, keyColumn: PROGRESS.fields.progressKey, rows: progress }, main, others);
      for (const rows of own) await move(rows, main, others);
    }
    if (moved.length > 0) log(`crew moves: ${moved.length} learning row(s) moved to their person's crew.`);
    return { status: 'done', moved, handWritten };
  };
}
