import type { PulseAdminStore, PulseCrewSource, PulseRelayCheck } from '../../../core/pulse/adminPorts';

export interface IPulseAdminServices {
  /** Surveys, rounds, question bank, plant map and rights (SharePoint; written by HR and site owners only). */
  readonly store: PulseAdminStore;
  /** Whether the relay can collect answers. */
  readonly relay: PulseRelayCheck;
  /** The crews by name and each one's shortest round, from the relay (it reads their rosters). */
  readonly crews: PulseCrewSource;
}

export interface IPulseAdminProps {
  readonly services: IPulseAdminServices;
  /** UI language, lower case. */
  readonly locale: string;
  /** The clock (tests set it). */
  readonly now?: () => Date;
}
