/**
 * The wall's feed: the first page (painted from this session's snapshot first, when there is
 * one), the reactions' counts and the directory's view of the reader as each comes in, and the
 * older pages on "Show more". A newer load makes the answers of an older one count for nothing.
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { ItemId } from '../../../core/models/common';
import type { ReactionKind } from '../../../core/models/recognition';
import type { ReactionSummary, WallItem } from '../../../core/recognition/ports';
import type { WallFilters } from '../../../core/recognition/wallQuery';
import { type WallViewer, withReaction } from '../../../core/recognition/wallRules';
import { LOAD_DEADLINE_MS, withDeadline } from '../../../core/recovery';
import { format } from '../../../ui/format';
import { useAutoRetry } from '../../../ui/recovery/useAutoRetry';
import type { WallSnapshot } from '../wallSnapshot';
import type { IRecognitionWallServices, IRecognitionWallSettings } from './IRecognitionWallProps';
import { storeErrorSentence } from '../../../ui/recognition/storeErrorText';
import type { Notify } from './useNotices';
import type { WallViewerSource } from './useWallViewer';
import type { IWallFilterValues } from './WallFilters';

/** The filters the server applies (the period is applied on the device). */
export type WallQuery = Omit<IWallFilterValues, 'period'>;

/** What the wall shows: a snapshot of it, less the reader's own privacy choice (kept apart). */
export type LoadedWall = Omit<WallSnapshot, 'hideMe'>;

export type FeedPhase = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; data: LoadedWall };

export interface WallFeed {
  readonly phase: FeedPhase;
  /** Where "Show more" stands. */
  readonly more: 'idle' | 'loading' | 'failed';
  /** Loads the wall again from the top ("Try again", queued recognitions that went out). Stable. */
  readonly reload: () => void;
  showMore(): Promise<void>;
  /** Shows a post's reactions; `mine` (the reader's tap) is added to counts still on their way. */
  showReaction(id: ItemId, summary: ReactionSummary, mine: { readonly kind: ReactionKind | undefined } | 'unknown'): void;
  /** New posts at the top (those already shown move up). */
  prepend(items: readonly WallItem[]): void;
}

export interface WallFeedDeps {
  readonly services: Pick<IRecognitionWallServices, 'wall' | 'reactions' | 'snapshots' | 'provisionalViewer'>;
  readonly settings: Pick<IRecognitionWallSettings, 'pageSize' | 'showReactions'>;
  readonly viewer: WallViewerSource;
  readonly query: WallQuery;
  readonly notify: Notify;
  /** The reader's own privacy choice as the load read it, or `failed`. Stable across renders. */
  onHideMe(hideMe: boolean | 'failed'): void;
}

export function serverFilters(query: WallQuery, viewer: WallViewer | undefined): WallFilters {
  return {
    ...(query.siteCode ? { siteCode: query.siteCode } : {}),
    ...(query.lineCode ? { lineCode: query.lineCode } : {}),
    ...(query.shiftCode ? { shiftCode: query.shiftCode } : {}),
    ...(query.valueKey ? { valueKey: query.valueKey } : {}),
    ...(query.myCrew && viewer?.crewKey ? { crewKey: viewer.crewKey } : {})
  };
}

function withData(update: (data: LoadedWall) => LoadedWall): (phase: FeedPhase) => FeedPhase {
  return (phase) => (phase.kind === 'ready' ? { kind: 'ready', data: update(phase.data) } : phase);
}

export function useWallFeed(deps: WallFeedDeps): WallFeed {
  const { services, settings, viewer, query, notify, onHideMe } = deps;
  const [phase, setPhase] = React.useState<FeedPhase>({ kind: 'loading' });
  const [more, setMore] = React.useState<'idle' | 'loading' | 'failed'>('idle');
  /** Bumped to load the wall again from the top. */
  const [reloads, setReloads] = React.useState(0);
  const load = React.useRef(0);
  /** The reader's reactions since the page's counts were asked for (they may not be in them). */
  const tapped = React.useRef(new Map<ItemId, ReactionKind | undefined>());

  /** Reactions of a page of items (none when the wall does not show reactions). */
  const reactionsOf = React.useCallback(
    (items: readonly WallItem[]): Promise<Map<ItemId, ReactionSummary>> =>
      settings.showReactions && items.length > 0 ? services.wall.reactions(items.map((i) => i.id)) : Promise.resolve(new Map<ItemId, ReactionSummary>()),
    [services.wall, settings.showReactions]
  );

  /** A new object each time a load fails (the wall then loads again by itself); undefined once one worked. */
  const [failure, setFailure] = React.useState<object | undefined>(undefined);

  /** `quiet`: a try the wall makes by itself; what is shown (the error, a saved wall) stays until the answer. */
  const loadFirst = React.useCallback(
    async (current: WallQuery, quiet: boolean = false): Promise<void> => {
      const run = ++load.current;
      const live = (): boolean => run === load.current;
      // Reactions tapped from here on may be missing from the counts this load reads, and so may
      // those still kept on the device (a page left while they were on their way: sent again).
      tapped.current = new Map(services.reactions.waiting());
      const keyFilters = serverFilters(current, undefined); // "my crew" is part of the key itself
      // A revisit paints what the reader saw last this session, then refreshes it.
      const cached = services.snapshots?.read(keyFilters, current.myCrew);
      if (cached && !quiet) {
        viewer.assume(cached.viewer);
        setPhase({ kind: 'ready', data: { ...cached, viewer: viewer.known() ?? cached.viewer } });
        onHideMe(cached.hideMe);
      } else if (!quiet) {
        setPhase({ kind: 'loading' });
      }
      setMore('idle');
      try {
        const viewerPromise = viewer.load();
        // "My crew" needs the reader's crew first. Otherwise the wall paints as soon as the
        // SharePoint batch is in, with the reader as the page knows them; the directory's
        // answer (whom they lead, their crew) follows and may show a few more posts. Either
        // way the first paint has a deadline: past it the wall says so and keeps trying.
        const { firstViewer, start } = await withDeadline(
          (async () => {
            const known = current.myCrew || !services.provisionalViewer ? await viewerPromise : undefined;
            return { firstViewer: known, start: await services.wall.start(serverFilters(current, known), settings.pageSize) };
          })(),
          LOAD_DEADLINE_MS,
          'Loading the wall'
        );
        if (!live()) {
          return;
        }
        setFailure(undefined);
        const shownViewer = firstViewer ?? viewer.known() ?? (services.provisionalViewer as WallViewer);
        const carried = new Map<ItemId, ReactionSummary>();
        start.page.items.forEach((item) => {
          const before = cached?.reactions.get(item.id);
          if (before) {
            carried.set(item.id, before); // until the fresh counts are in
          }
        });
        let data: LoadedWall = {
          viewer: shownViewer,
          values: start.values,
          items: start.page.items,
          cursor: start.page.cursor,
          reactions: carried,
          hidden: new Set(start.hiddenFromPublicWall),
          plant: start.plant
        };
        setPhase({ kind: 'ready', data });
        onHideMe(start.hideMe);
        const remember = (): void => services.snapshots?.write(keyFilters, current.myCrew, { ...data, hideMe: start.hideMe });
        // Each arrives on its own after the paint: the counts, and the directory's view of the reader.
        const counts = reactionsOf(start.page.items).then(
          (fresh) => {
            if (!live()) {
              return;
            }
            // A reaction tapped while the counts were on their way is not in them: add it.
            const reactions = new Map(fresh);
            tapped.current.forEach((kind, id) => reactions.set(id, withReaction(fresh.get(id), kind)));
            data = { ...data, reactions };
            setPhase(withData((d) => ({ ...d, reactions })));
            remember();
          },
          () => undefined // the posts stay; counts show again on the next load
        );
        const reader = (shownViewer === viewer.known() ? Promise.resolve(shownViewer) : viewerPromise.catch(() => shownViewer)).then((directoryViewer) => {
          if (live()) {
            data = { ...data, viewer: directoryViewer };
            setPhase(withData((d) => ({ ...d, viewer: directoryViewer })));
          }
        });
        await Promise.all([counts, reader]);
        if (live() && !settings.showReactions) {
          remember();
        }
      } catch (error) {
        if (live()) {
          setFailure({});
          if (cached) {
            notify({ type: 'warning', text: format(strings.ShowingSaved, storeErrorSentence(error)) });
          } else {
            setPhase({ kind: 'failed', error: storeErrorSentence(error) });
            onHideMe('failed');
          }
        }
      }
    },
    [services, viewer, settings.pageSize, settings.showReactions, reactionsOf, notify, onHideMe]
  );

  // One object per server query: a change of the period alone does not load again.
  const serverQuery = React.useMemo<WallQuery>(
    () => ({ siteCode: query.siteCode, lineCode: query.lineCode, shiftCode: query.shiftCode, valueKey: query.valueKey, myCrew: query.myCrew }),
    [query.siteCode, query.lineCode, query.shiftCode, query.valueKey, query.myCrew]
  );

  React.useEffect(() => {
    loadFirst(serverQuery).catch(() => undefined); // loadFirst handles its own errors
  }, [loadFirst, serverQuery, reloads]);

  React.useEffect(
    () => () => {
      load.current += 1; // unmounted: no answer shows any more
    },
    []
  );

  // While the wall could not be loaded (an error, or a saved wall with a warning), it loads
  // again by itself: SharePoint back, the device online again, the page shown again.
  useAutoRetry(failure, () => {
    loadFirst(serverQuery, true).catch(() => undefined);
  });

  const showMore = async (): Promise<void> => {
    if (phase.kind !== 'ready' || !phase.data.cursor) {
      return;
    }
    const data = phase.data;
    const run = load.current;
    setMore('loading');
    try {
      const page = await services.wall.page(serverFilters(serverQuery, data.viewer), settings.pageSize, data.cursor);
      // Opt-outs came with the first page (everyone's); reactions are per page.
      const reactions = await reactionsOf(page.items);
      if (run !== load.current) {
        return;
      }
      setPhase(
        withData((d) => {
          const mergedReactions = new Map(d.reactions);
          reactions.forEach((value, key) => mergedReactions.set(key, value));
          return { ...d, items: d.items.concat(page.items), cursor: page.cursor, reactions: mergedReactions };
        })
      );
      setMore('idle');
    } catch {
      setMore('failed');
    }
  };

  const showReaction = (id: ItemId, summary: ReactionSummary, mine: { readonly kind: ReactionKind | undefined } | 'unknown'): void => {
    if (mine === 'unknown') {
      tapped.current.delete(id);
    } else {
      tapped.current.set(id, mine.kind);
    }
    setPhase(
      withData((d) => {
        const reactions = new Map(d.reactions);
        reactions.set(id, summary);
        return { ...d, reactions };
      })
    );
  };

  const prepend = (items: readonly WallItem[]): void =>
    setPhase(withData((d) => ({ ...d, items: items.concat(d.items.filter((i) => !items.some((n) => n.id === i.id))) })));

  const reload = React.useCallback(() => setReloads((n) => n + 1), []);

  return { phase, more, reload, showMore, showReaction, prepend };
}
