import type { PulseAdminStore, PulseRelayCheck, RoundLengthSource } from '../../../core/pulse/adminPorts';

export interface IPulseAdminServices {
  /** Surveys, rounds, question bank, plant map and rights (SharePoint; written by HR and site owners only). */
  readonly store: PulseAdminStore;
  /** Whether the relay can collect answers. */
  readonly relay: PulseRelayCheck;
  /** The shortest round the roster needs. */
  readonly roundLength: RoundLengthSource;
}

export interface IPulseAdminProps {
  readonly services: IPulseAdminServices;
  /** UI language, lower case. */
  readonly locale: string;
  /** The clock (tests set it). */
  readonly now?: () => Date;
}
