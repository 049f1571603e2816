/**
 * The on-shift prompt's decision on the page: the roster first (nothing is asked of the relay
 * while the person is not on a paid shift, on leave or in their first and last minutes), then the
 * rounds the relay says are open and unanswered for them, less the ones they dismissed on this
 * device. The rule itself is `prompt.ts` (`roundToPrompt`); the relay has checked the audience.
 */
import type { PromptDecision } from '../roster/rules';
import type { PulseOpenRound } from './answering';
import { roundToPrompt } from './prompt';

/** How long a check that found nothing to prompt for is taken as the answer, on this tab. */
export const NOTHING_TO_PROMPT_FOR_MS = 15 * 60 * 1000;

/** Where the tab keeps "nothing to prompt for until …" (the session's storage). */
export interface PromptMemo {
  read(): number | undefined;
  write(until: number): void;
}

export interface PromptSources {
  /** The person's roster rule now (`RosterService.mayPromptNow`). */
  readonly mayPromptNow: () => Promise<PromptDecision>;
  /** The open rounds asked of the person (`PulseAnswers.openRounds`). */
  readonly openRounds: () => Promise<PulseOpenRound[]>;
  readonly dismissedRoundIds: () => number[];
  readonly now: () => Date;
  /**
   * Keeps a check that found nothing for {@link NOTHING_TO_PROMPT_FOR_MS}: the next pages of the
   * session ask neither the roster nor the relay until then (a shift starting meanwhile prompts
   * at most that much later).
   */
  readonly memo?: PromptMemo;
}

/** The round to prompt for now, or undefined (not on shift, nothing open, all answered or dismissed). */
export async function promptRound(sources: PromptSources): Promise<PulseOpenRound | undefined> {
  const quietUntil = sources.memo?.read();
  if (quietUntil !== undefined && sources.now().getTime() < quietUntil) {
    return undefined;
  }
  const nothing = (): undefined => {
    sources.memo?.write(sources.now().getTime() + NOTHING_TO_PROMPT_FOR_MS);
    return undefined;
  };
  const roster = await sources.mayPromptNow();
  if (!roster.allowed) {
    return nothing();
  }
  const rounds = (await sources.openRounds()).filter((r) => r.questions.length > 0);
  const now = sources.now();
  const decision = roundToPrompt(
    rounds.map((r) => ({ id: r.roundId, status: 'open' as const, opensAt: r.opensAt, closesAt: r.closesAt, audience: {} })),
    {
      now,
      person: { crewKeys: [] },
      answeredRoundIds: rounds.filter((r) => r.answered).map((r) => r.roundId),
      dismissedRoundIds: sources.dismissedRoundIds(),
      // The roster rule above decided already: the shift it found stands for now.
      shifts: [roster.shift],
      timeOff: [],
      settings: { startGraceMinutes: 0, endGraceMinutes: 0, quietHours: [] }
    }
  );
  const round = decision?.show ? rounds.find((r) => r.roundId === decision.roundId) : undefined;
  return round ?? nothing();
}
