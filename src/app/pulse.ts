/**
 * Pulse answering for the page's parts (the Pulse web part, the Pulse card, the on-shift prompt):
 * the relay's pulse routes, the person's outbox and dismissed prompts on the device, and the
 * roster for "only while I am on shift". Without a relay nothing is collected.
 */
import { RelayPulse } from '../connectors/relay/relayPulse';
import { readQuietHours } from '../connectors/sharepoint/pulse/quietHours';
import type { PromptMemo } from '../core/pulse/promptNow';
import { PulseAnswers } from '../core/pulse/pulseAnswers';
import type { RosterService } from '../core/roster/rosterService';
import type { QuietHours } from '../core/roster/rules';
import { relayOf } from './relay';
import { rosterOf } from './roster';
import type { EngageServices } from './services';


export interface PulseServices {
  readonly answers: PulseAnswers;
  readonly roster: () => RosterService;
  /** The person's quiet hours (their own SE_Preferences item) in `timeZone`. */
  readonly quietHours: (timeZone: string) => Promise<QuietHours[]>;
  /** The prompt's "nothing to prompt for until …", kept for the tab's session. */
  readonly promptMemo: PromptMemo;
}

export function pulseOf(services: EngageServices): PulseServices {
  return services.capability('pulse', (all) => ({
    answers: new PulseAnswers({
      relay: new RelayPulse(relayOf(all)),
      store: all.device.local,
      outboxKey: all.keyFor('pulse-outbox'),
      dismissedKey: all.keyFor('pulse-dismissed')
    }),
    roster: () => rosterOf(all),
    promptMemo: {
      read: () => {
        const until = Number(all.device.session.read(all.keyFor('pulse-prompt-quiet')));
        return Number.isFinite(until) && until > 0 ? until : undefined;
      },
      write: (until) => all.device.session.write(all.keyFor('pulse-prompt-quiet'), String(until))
    },
    quietHours: (timeZone) => {
      const id = all.connections.user.siteUserId;
      return id === undefined ? Promise.resolve([]) : readQuietHours(all.connections.sp, id, timeZone);
    }
  }));
}
