/**
 * The learning timer's run around its renewal step: the report with the run's instant, and a
 * step that fails logged and reported, never thrown at the Functions host.
 */
import type { SPFI } from '@pnp/sp';

import type { RenewalStep } from '../../relay/src/learning/renewalStep';
import { createLearningTimer } from '../../relay/src/learning/renewalTimer';

const site = {} as unknown as SPFI;

describe('the learning timer', () => {
  it("runs the renewal step at the given instant, or the relay's clock, and reports it", async () => {
    const seen: Date[] = [];
    const renewals: RenewalStep = async (_sp, now) => {
      seen.push(now);
      return { status: 'done', assigned: ['6:10'], notified: ['k:2027-03-28:10'] };
    };
    const lines: string[] = [];
    const timer = createLearningTimer({ site: () => site, renewals, now: () => Date.parse('2027-02-26T09:00:00Z'), log: (line) => lines.push(line) });

    expect(await timer.tick()).toEqual({ at: '2027-02-26T09:00:00.000Z', status: 'done', assigned: ['6:10'], notified: ['k:2027-03-28:10'] });
    expect((await timer.tick(new Date('2027-03-01T00:00:00Z'))).at).toBe('2027-03-01T00:00:00.000Z');
    expect(seen.map((d) => d.toISOString())).toEqual(['2027-02-26T09:00:00.000Z', '2027-03-01T00:00:00.000Z']);
    expect(lines[0]).toBe('learning timer: 1 renewal(s) assigned, 1 notice(s) sent.');
  });

  it('logs and reports a run that failed', async () => {
    const lines: string[] = [];
    const timer = createLearningTimer({
      site: () => site,
      renewals: async () => {
        throw new Error('SharePoint answered 503');
      },
      log: (line) => lines.push(line)
    });
    const report = await timer.tick(new Date('2027-02-26T09:00:00Z'));
    expect(report).toEqual({ at: '2027-02-26T09:00:00.000Z', status: 'failed', assigned: [], notified: [], message: 'SharePoint answered 503' });
    expect(lines).toEqual(['learning timer: the run failed and is tried again at the next one: SharePoint answered 503']);
  });
});
