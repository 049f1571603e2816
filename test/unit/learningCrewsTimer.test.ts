/**
 * The learning timer's run with its roster steps: crew moves and practice run before the
 * renewals (which then see the fresh crews and practice), each reports under its own name, and a
 * step that fails is reported without stopping the others.
 */
import type { SPFI } from '@pnp/sp';

import type { CrewMovesStep } from '../../relay/src/learning/crewMovesStep';
import type { PracticeStep } from '../../relay/src/learning/practiceStep';
import type { RenewalStep } from '../../relay/src/learning/renewalStep';
import { createLearningTimer } from '../../relay/src/learning/renewalTimer';

const site = {} as unknown as SPFI;
const AT = new Date('2027-02-26T09:00:00Z');

describe('the learning timer with its roster steps', () => {
  it('moves crews, records practice, then renews, and reports each', async () => {
    const order: string[] = [];
    const crewMoves: CrewMovesStep = async (_sp, now) => {
      order.push(`crews ${now.toISOString()}`);
      return { status: 'done', moved: ['6:10'], handWritten: [] };
    };
    const practice: PracticeStep = async () => {
      order.push('practice');
      return { status: 'done', practised: ['GOT-PRESS1-DIE:10'], handWritten: ['GOT-PRESS1-QC:11'] };
    };
    const renewals: RenewalStep = async () => {
      order.push('renewals');
      return { status: 'done', assigned: [], notified: [] };
    };
    const timer = createLearningTimer({ site: () => site, renewals, crewMoves, practice });

    expect(await timer.tick(AT)).toEqual({
      at: AT.toISOString(),
      status: 'done',
      assigned: [],
      notified: [],
      crewMoves: { status: 'done', moved: ['6:10'], handWritten: [] },
      practice: { status: 'done', practised: ['GOT-PRESS1-DIE:10'], handWritten: ['GOT-PRESS1-QC:11'] }
    });
    expect(order).toEqual([`crews ${AT.toISOString()}`, 'practice', 'renewals']);
  });

  it("reports a step that failed and still runs the others", async () => {
    const lines: string[] = [];
    const ran: string[] = [];
    const timer = createLearningTimer({
      site: () => site,
      crewMoves: async () => {
        throw new Error('Graph answered 503 for the teams.');
      },
      practice: async () => {
        ran.push('practice');
        return { status: 'done', practised: [], handWritten: [] };
      },
      renewals: async () => {
        ran.push('renewals');
        return { status: 'done', assigned: ['6:10'], notified: [] };
      },
      log: (line) => lines.push(line)
    });
    const report = await timer.tick(AT);
    expect(ran).toEqual(['practice', 'renewals']);
    expect(report).toMatchObject({ status: 'done', assigned: ['6:10'], crewMoves: { status: 'failed', moved: [], handWritten: [], message: 'Graph answered 503 for the teams.' }, practice: { status: 'done' } });
    expect(lines[0]).toBe('learning timer: moving learning rows to their crews failed and is tried again at the next run: Graph answered 503 for the teams.');

    const failedRenewals = createLearningTimer({
      site: () => site,
      practice: async () => {
        throw new Error('SharePoint answered 500');
      },
      renewals: async () => {
        throw new Error('SharePoint answered 503');
      }
    });
    expect(await failedRenewals.tick(AT)).toEqual({
      at: AT.toISOString(),
      status: 'failed',
      assigned: [],
      notified: [],
      message: 'SharePoint answered 503',
      practice: { status: 'failed', practised: [], handWritten: [], message: 'SharePoint answered 500' }
    });
  });
});
