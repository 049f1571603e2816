import type { RecipientRef } from '../../../core/recognition/compose';
import type { FlushReport } from '../../../core/outbox/outbox';
import type { PersonProfile } from '../../../core/people/types';
import type {
  ModerationStore,
  PreferenceStore,
  WallReader
} from '../../../core/recognition/ports';
import type { KeptReactionWriter } from '../../../core/recognition/keptReactions';
import type { QueuedRecognition, RecognitionService } from '../../../core/recognition/recognitionService';
import type { WallSnapshots } from '../wallSnapshot';
import type { WallViewer } from '../../../core/recognition/wallRules';

/** Picking people to recognise: my crew first, then search; a pick becomes a site user. */
export interface IPeopleSource {
  /** My direct reports when I lead a crew, otherwise my manager's other direct reports. */
  myCrew(): Promise<PersonProfile[]>;
  /** Directory search (at least two characters). */
  search(text: string): Promise<PersonProfile[]>;
  /** Ensures the person as a site user and reads their crew, site and line. */
  resolve(profile: PersonProfile): Promise<RecipientRef>;
}

/** Giving recognition through the outbox (the part passes a RecognitionService). */
export interface IGiving {
  give: RecognitionService['give'];
  flush(): Promise<FlushReport<QueuedRecognition>>;
  /** Removes a refused entry from the device once its draft is back in the form. */
  forgetRejected(requestId: string): void;
}

/** Everything the wall reads and writes, as ports (typed fakes in tests). */
export interface IRecognitionWallServices {
  readonly wall: WallReader;
  /** Taps are kept on the device until SharePoint has them; the wall sends what an earlier page left. */
  readonly reactions: KeptReactionWriter;
  readonly moderation: Pick<ModerationStore, 'report'>;
  readonly preferences: PreferenceStore;
  readonly people: IPeopleSource;
  readonly giving: IGiving;
  /** Who is reading (resolved once per page, from the directory: leads whom, which crew). */
  viewer(): Promise<WallViewer>;
  /**
   * Who is reading as the page already knows them (site user id and name from the page
   * context), so the wall can paint before the directory answers; absent when unknown.
   */
  readonly provisionalViewer?: WallViewer;
  /** The wall as last seen this session, so a revisit paints before any request. */
  readonly snapshots?: WallSnapshots;
  /** Where the composer keeps its draft until it is sent (sessionStorage in the browser). */
  readonly draftStore: IDraftStore;
}

export interface IDraftStore {
  read(): string | undefined;
  write(text: string): void;
  clear(): void;
}

/** Property pane settings of the wall. */
export interface IRecognitionWallSettings {
  readonly defaultSiteCode?: string;
  readonly defaultValueKey?: string;
  /** Value keys to show; empty: all. */
  readonly valueKeys: readonly string[];
  readonly showReactions: boolean;
  readonly compact: boolean;
  readonly pageSize: number;
}

export interface IRecognitionWallProps {
  readonly services: IRecognitionWallServices;
  readonly settings: IRecognitionWallSettings;
  /** UI language, lower case (`nl-nl`). */
  readonly locale: string;
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date;
}
