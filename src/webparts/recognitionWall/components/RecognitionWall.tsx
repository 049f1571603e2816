/**
 * The recognition wall: recognitions newest first with filters, reactions and reporting; a
 * "Recognise" button that opens the three-step composer; the reader's privacy choice.
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';

import type { ItemId } from '../../../core/models/common';
import type { ReactionKind } from '../../../core/models/recognition';
import { REPORT_REASON_MAX_LENGTH } from '../../../core/recognition/moderation';
import type { RecognitionValue } from '../../../core/models/values';
import { RecognitionStoreError, type ReactionSummary, type WallItem } from '../../../core/recognition/ports';
import type { WallFilters } from '../../../core/recognition/wallQuery';
import { EMPTY_PLANT_MAP } from '../../../core/plant';
import type { WallSnapshot } from '../wallSnapshot';
import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Notice as NoticeBar } from '../../../ui/light/Notice';
import { OnceShown, OnDemand, Opening } from '../../../ui/light/OnDemand';
import { Spinner } from '../../../ui/light/Spinner';
import { toggledReaction, visibleItems, type WallViewer, withReaction } from '../../../core/recognition/wallRules';
import type { IRecognitionWallProps } from './IRecognitionWallProps';
import { storeErrorText } from './messages';
import { LazyComposer, LazyFilters, LazyPrivacy, LazyReportDialog } from './onDemandParts';
import type { IWallFilterValues } from './WallFilters';
import { RecognitionPost } from './RecognitionPost';
import styles from './RecognitionWall.module.scss';

type Filters = IWallFilterValues;

/** What the wall shows: a snapshot of it, less the reader's own privacy choice (kept apart). */
type Loaded = Omit<WallSnapshot, 'hideMe'>;

type Phase = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; data: Loaded };

interface Notice {
  readonly type: 'success' | 'info' | 'error' | 'warning';
  readonly text: string;
}

function serverFilters(filters: Filters, viewer: WallViewer | undefined): WallFilters {
  return {
    ...(filters.siteCode ? { siteCode: filters.siteCode } : {}),
    ...(filters.lineCode ? { lineCode: filters.lineCode } : {}),
    ...(filters.shiftCode ? { shiftCode: filters.shiftCode } : {}),
    ...(filters.valueKey ? { valueKey: filters.valueKey } : {}),
    ...(filters.myCrew && viewer?.crewKey ? { crewKey: viewer.crewKey } : {})
  };
}

function activeFilterCount(filters: Filters): number {
  return [filters.siteCode, filters.lineCode, filters.shiftCode, filters.valueKey].filter(Boolean).length +
    (filters.period !== 'all' ? 1 : 0) +
    (filters.myCrew ? 1 : 0);
}

export function RecognitionWall(props: IRecognitionWallProps): React.ReactElement {
  const { services, settings, locale } = props;
  const now = props.now ?? (() => new Date());
  const [filters, setFilters] = React.useState<Filters>({
    siteCode: settings.defaultSiteCode ?? '',
    lineCode: '',
    shiftCode: '',
    valueKey: settings.defaultValueKey ?? '',
    period: 'all',
    myCrew: false
  });
  const [phase, setPhase] = React.useState<Phase>({ kind: 'loading' });
  const [more, setMore] = React.useState<'idle' | 'loading' | 'failed'>('idle');
  const [removed, setRemoved] = React.useState<ReadonlySet<ItemId>>(new Set());
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [composerOpen, setComposerOpen] = React.useState(false);
  const [panel, setPanel] = React.useState<'none' | 'filters' | 'privacy'>('none');
  const [reporting, setReporting] = React.useState<WallItem | undefined>(undefined);
  const [reason, setReason] = React.useState('');
  const unsentReport = React.useRef<{ id: ItemId; text: string } | undefined>(undefined);
  const [reasonError, setReasonError] = React.useState<string | undefined>(undefined);
  const [privacy, setPrivacy] = React.useState<boolean | 'loading' | 'failed'>('loading');
  const [privacySaving, setPrivacySaving] = React.useState(false);
  const pendingReactions = React.useRef(new Set<ItemId>());
  /** The reader's reactions since the page's counts were asked for (they may not be in them). */
  const chosen = React.useRef(new Map<ItemId, ReactionKind | undefined>());
  const viewerRef = React.useRef<Promise<WallViewer> | undefined>(undefined);
  /** The directory's answer about the reader, once it is in. */
  const knownViewer = React.useRef<WallViewer | undefined>(undefined);
  const heading = React.useRef<HTMLHeadingElement>(null);
  const load = React.useRef(0);
  /** Bumped to load the wall again from the top (after queued recognitions went out). */
  const [reloads, setReloads] = React.useState(0);

  const notify = React.useCallback((notice: Notice) => setNotices((list) => [...list.filter((n) => n.text !== notice.text), notice].slice(-3)), []);

  const once = <T,>(ref: React.MutableRefObject<Promise<T> | undefined>, start: () => Promise<T>): Promise<T> => {
    if (!ref.current) {
      ref.current = start().catch((error: unknown) => {
        ref.current = undefined; // try again on the next load
        throw error;
      });
    }
    return ref.current;
  };

  /** Reactions of a page of items (none when the wall does not show reactions). */
  const reactionsOf = React.useCallback(
    (items: readonly WallItem[]): Promise<Map<ItemId, ReactionSummary>> =>
      settings.showReactions && items.length > 0 ? services.wall.reactions(items.map((i) => i.id)) : Promise.resolve(new Map<ItemId, ReactionSummary>()),
    [services.wall, settings.showReactions]
  );

  const loadFirst = React.useCallback(
    async (current: Filters): Promise<void> => {
      const run = ++load.current;
      const live = (): boolean => run === load.current;
      // Reactions tapped from here on may be missing from the counts this load reads.
      chosen.current = new Map();
      const keyFilters = serverFilters(current, undefined); // "my crew" is part of the key itself
      // A revisit paints what the reader saw last this session, then refreshes it.
      const cached = services.snapshots?.read(keyFilters, current.myCrew);
      if (cached) {
        knownViewer.current = knownViewer.current ?? cached.viewer;
        setPhase({ kind: 'ready', data: { ...cached, viewer: knownViewer.current } });
        setPrivacy(cached.hideMe);
      } else {
        setPhase({ kind: 'loading' });
      }
      setMore('idle');
      try {
        const viewerPromise = once(viewerRef, () => services.viewer());
        viewerPromise.then(
          (viewer) => {
            knownViewer.current = viewer;
          },
          () => undefined
        );
        // "My crew" needs the reader's crew first. Otherwise the wall paints as soon as the
        // SharePoint batch is in, with the reader as the page knows them; the directory's
        // answer (whom they lead, their crew) follows and may show a few more posts.
        const firstViewer = current.myCrew || !services.provisionalViewer ? await viewerPromise : undefined;
        const start = await services.wall.start(serverFilters(current, firstViewer), settings.pageSize);
        if (!live()) {
          return;
        }
        const viewer = firstViewer ?? knownViewer.current ?? (services.provisionalViewer as WallViewer);
        const carried = new Map<ItemId, ReactionSummary>();
        start.page.items.forEach((item) => {
          const before = cached?.reactions.get(item.id);
          if (before) {
            carried.set(item.id, before); // until the fresh counts are in
          }
        });
        let data: Loaded = {
          viewer,
          values: start.values,
          items: start.page.items,
          cursor: start.page.cursor,
          reactions: carried,
          hidden: new Set(start.hiddenFromPublicWall),
          plant: start.plant
        };
        setPhase({ kind: 'ready', data });
        setPrivacy(start.hideMe);
        const remember = (): void => services.snapshots?.write(keyFilters, current.myCrew, { ...data, hideMe: start.hideMe });
        // Each arrives on its own after the paint: the counts, and the directory's view of the reader.
        const counts = reactionsOf(start.page.items).then(
          (fresh) => {
            if (!live()) {
              return;
            }
            // A reaction tapped while the counts were on their way is not in them: add it.
            const reactions = new Map(fresh);
            chosen.current.forEach((kind, id) => reactions.set(id, withReaction(fresh.get(id), kind)));
            data = { ...data, reactions };
            setPhase((p) => (p.kind === 'ready' ? { kind: 'ready', data: { ...p.data, reactions } } : p));
            remember();
          },
          () => undefined // the posts stay; counts show again on the next load
        );
        const reader = (viewer === knownViewer.current ? Promise.resolve(viewer) : viewerPromise.catch(() => viewer)).then((directoryViewer) => {
          if (live()) {
            data = { ...data, viewer: directoryViewer };
            setPhase((p) => (p.kind === 'ready' ? { kind: 'ready', data: { ...p.data, viewer: directoryViewer } } : p));
          }
        });
        await Promise.all([counts, reader]);
        if (live() && !settings.showReactions) {
          remember();
        }
      } catch (error) {
        if (live()) {
          if (cached) {
            notify({ type: 'warning', text: format(strings.ShowingSaved, storeErrorText(error)) });
          } else {
            setPhase({ kind: 'failed', error: storeErrorText(error) });
            setPrivacy('failed');
          }
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `once` only reads refs
    [services, settings.pageSize, settings.showReactions, reactionsOf]
  );

  React.useEffect(() => {
    loadFirst(filters).catch(() => undefined); // loadFirst handles its own errors
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the period is applied on the device
  }, [loadFirst, reloads, filters.siteCode, filters.lineCode, filters.shiftCode, filters.valueKey, filters.myCrew]);

  // Recognitions kept on this device go out on load and whenever the connection is back.
  React.useEffect(() => {
    let disposed = false;
    const flush = async (): Promise<void> => {
      try {
        const report = await services.giving.flush();
        if (disposed) {
          return;
        }
        if (report.sent.length > 0) {
          notify({ type: 'success', text: format(strings.QueuedSent, report.sent.length) });
          setReloads((n) => n + 1);
        }
        for (const entry of report.rejected) {
          services.giving.forgetRejected(entry.id);
          notify({
            type: 'error',
            text: format(strings.QueuedRejected, entry.payload.recipientNames.join(', '), storeErrorText(entry.lastError ?? 'unexpected'), entry.payload.items[0]?.Message ?? '')
          });
        }
      } catch {
        // Still offline: the next `online` event tries again.
      }
    };
    flush().catch(() => undefined);
    const onOnline = (): void => {
      flush().catch(() => undefined);
    };
    window.addEventListener('online', onOnline);
    return () => {
      disposed = true;
      window.removeEventListener('online', onOnline);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mounted wall
  }, [services.giving]);

  const showMore = async (): Promise<void> => {
    if (phase.kind !== 'ready' || !phase.data.cursor) {
      return;
    }
    const data = phase.data;
    const run = load.current;
    setMore('loading');
    try {
      const page = await services.wall.page(serverFilters(filters, data.viewer), settings.pageSize, data.cursor);
      // Opt-outs came with the first page (everyone's); reactions are per page.
      const reactions = await reactionsOf(page.items);
      if (run !== load.current) {
        return;
      }
      setPhase((p) => {
        if (p.kind !== 'ready') {
          return p;
        }
        const mergedReactions = new Map(p.data.reactions);
        reactions.forEach((value, key) => mergedReactions.set(key, value));
        return {
          kind: 'ready',
          data: { ...p.data, items: p.data.items.concat(page.items), cursor: page.cursor, reactions: mergedReactions }
        };
      });
      setMore('idle');
    } catch {
      setMore('failed');
    }
  };

  const updateReactions = (id: ItemId, summary: ReactionSummary): void =>
    setPhase((p) => {
      if (p.kind !== 'ready') {
        return p;
      }
      const reactions = new Map(p.data.reactions);
      reactions.set(id, summary);
      return { kind: 'ready', data: { ...p.data, reactions } };
    });

  const react = async (item: WallItem, tapped: ReactionKind): Promise<void> => {
    if (phase.kind !== 'ready' || pendingReactions.current.has(item.id)) {
      return;
    }
    const before = phase.data.reactions.get(item.id);
    const kind = toggledReaction(before, tapped);
    pendingReactions.current.add(item.id);
    chosen.current.set(item.id, kind);
    updateReactions(item.id, withReaction(before, kind)); // shown at once
    try {
      await services.reactions.react(item.id, kind);
    } catch (error) {
      if (before?.mine === undefined) {
        chosen.current.delete(item.id);
      } else {
        chosen.current.set(item.id, before.mine);
      }
      updateReactions(item.id, before ?? { counts: {} }); // rolled back
      notify({ type: 'error', text: format(strings.ReactionFailed, storeErrorText(error)) });
    } finally {
      pendingReactions.current.delete(item.id);
    }
  };

  const openReport = (item: WallItem): void => {
    // A report that failed to send keeps its words for the next try.
    const kept = unsentReport.current;
    setReason(kept && kept.id === item.id ? kept.text : '');
    setReasonError(undefined);
    setReporting(item);
  };

  const sendReport = async (): Promise<void> => {
    const item = reporting;
    if (!item) {
      return;
    }
    const text = reason.trim();
    if (text.length === 0) {
      setReasonError(strings.ReportReasonRequired);
      return;
    }
    // The post leaves the wall for the reporter at once; it comes back only if the report fails.
    setReporting(undefined);
    setRemoved((set) => new Set(Array.from(set).concat([item.id])));
    heading.current?.focus();
    try {
      const outcome = await services.moderation.report(item.id, text.slice(0, REPORT_REASON_MAX_LENGTH));
      unsentReport.current = undefined;
      notify({ type: 'success', text: outcome === 'hiddenForEveryone' ? strings.ReportedForEveryone : strings.Reported });
    } catch (error) {
      if (error instanceof RecognitionStoreError && error.code === 'conflict') {
        notify({ type: 'success', text: strings.Reported }); // already reported by this person
        return;
      }
      unsentReport.current = { id: item.id, text };
      setRemoved((set) => new Set(Array.from(set).filter((id) => id !== item.id)));
      notify({ type: 'error', text: format(strings.ReportFailed, storeErrorText(error)) });
    }
  };

  const changePrivacy = async (hidden: boolean): Promise<void> => {
    const before = privacy;
    setPrivacy(hidden);
    setPrivacySaving(true);
    try {
      await services.preferences.setHideFromPublicWall(hidden);
      notify({ type: 'success', text: hidden ? strings.PrivacyOn : strings.PrivacyOff });
    } catch (error) {
      setPrivacy(before);
      notify({ type: 'error', text: format(strings.PrivacyFailed, storeErrorText(error)) });
    } finally {
      setPrivacySaving(false);
    }
  };

  const onSent = (items: WallItem[], unnotified: readonly string[]): void => {
    setComposerOpen(false);
    notify({ type: 'success', text: strings.SentSuccess });
    if (unnotified.length > 0) {
      notify({ type: 'warning', text: format(strings.SentUnnotified, unnotified.join(', ')) });
    }
    setPhase((p) =>
      p.kind === 'ready' ? { kind: 'ready', data: { ...p.data, items: items.concat(p.data.items.filter((i) => !items.some((n) => n.id === i.id))) } } : p
    );
  };

  const onQueued = (): void => {
    setComposerOpen(false);
    notify({ type: 'warning', text: strings.SentQueued });
  };

  const data = phase.kind === 'ready' ? phase.data : undefined;
  const current = now();
  const allowedValues = settings.valueKeys;
  const shown = data ? visibleItems(data.items, data.viewer, data.hidden, { period: filters.period, allowedValues, removed }, current) : [];
  const valuesByKey = new Map((data?.values ?? []).map((v) => [v.valueKey, v] as [string, RecognitionValue]));
  const pickable = (data?.values ?? [])
    .filter((v) => v.isActive && (allowedValues.length === 0 || allowedValues.indexOf(v.valueKey) >= 0))
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const count = activeFilterCount(filters);

  const setFilter = (patch: Partial<Filters>): void => setFilters((f) => ({ ...f, ...patch }));
  /** What loads on demand says so while it loads, and offers "Try again" when it could not. */
  const onDemand = { failedText: strings.OpenFailed, retryText: strings.Retry };

  return (
    <section className={`${styles.wall} ${settings.compact ? styles.compact : ''}`} lang={locale}>
      <div className={styles.header}>
        <h2 className={styles.heading} tabIndex={-1} ref={heading}>
          {strings.Heading}
        </h2>
        <div className={styles.toolbar}>
          <Button
            primary={true}
            className={styles.touch}
            iconName="Medal"
            text={strings.Recognise}
            disabled={!data}
            onClick={() => setComposerOpen(true)}
            onPointerEnter={LazyComposer.preload}
            onFocus={LazyComposer.preload}
          />
          <Button
            className={styles.touch}
            iconName="Filter"
            text={count > 0 ? format(strings.FiltersWithCount, count) : strings.Filters}
            aria-expanded={panel === 'filters'}
            aria-controls="se-wall-filters"
            onClick={() => setPanel((p) => (p === 'filters' ? 'none' : 'filters'))}
            onPointerEnter={LazyFilters.preload}
          />
          <Button
            className={styles.touch}
            iconName="Lock"
            text={strings.MyPrivacy}
            aria-expanded={panel === 'privacy'}
            aria-controls="se-wall-privacy"
            onClick={() => setPanel((p) => (p === 'privacy' ? 'none' : 'privacy'))}
            onPointerEnter={LazyPrivacy.preload}
          />
        </div>
      </div>

      {panel === 'filters' && (
        <OnDemand {...onDemand} components={[LazyFilters]} fallback={<Spinner size="small" label={strings.Opening} />}>
          <LazyFilters
            id="se-wall-filters"
            filters={filters}
            onChange={setFilter}
            items={data?.items ?? []}
            plant={data?.plant ?? EMPTY_PLANT_MAP}
            values={data?.values ?? []}
            allowedValues={allowedValues}
            locale={locale}
            hasCrew={Boolean(data?.viewer.crewKey)}
          />
        </OnDemand>
      )}

      {panel === 'privacy' && (
        <OnDemand {...onDemand} components={[LazyPrivacy]} fallback={<Spinner size="small" label={strings.Opening} />}>
          <LazyPrivacy
            id="se-wall-privacy"
            privacy={privacy}
            saving={privacySaving}
            onChange={(hidden) => {
              void changePrivacy(hidden);
            }}
          />
        </OnDemand>
      )}

      <div className={styles.notices}>
        {notices.map((notice) => (
          <NoticeBar
            key={notice.text}
            type={notice.type}
            onDismiss={() => setNotices((list) => list.filter((n) => n !== notice))}
            dismissLabel={strings.Close}
          >
            {notice.text}
          </NoticeBar>
        ))}
      </div>

      {/* Dialogs and panels load when first opened; while they load, "Opening…" shows. */}
      <OnceShown when={reporting !== undefined}>
        <OnDemand {...onDemand} components={[LazyReportDialog]} fallback={<Opening label={strings.Opening} />}>
          <LazyReportDialog
            item={reporting}
            reason={reason}
            error={reasonError}
            onReasonChange={(text) => {
              setReasonError(undefined);
              setReason(text);
            }}
            onSend={() => {
              void sendReport();
            }}
            onDismiss={() => setReporting(undefined)}
          />
        </OnDemand>
      </OnceShown>

      {data && (
        <OnceShown when={composerOpen}>
          <OnDemand {...onDemand} components={[LazyComposer]} fallback={<Opening label={strings.Opening} />}>
            <LazyComposer
              isOpen={composerOpen}
              onDismiss={() => setComposerOpen(false)}
              services={services}
              viewer={data.viewer}
              choosable={pickable}
              allValues={data.values}
              locale={locale}
              now={now}
              onSent={onSent}
              onQueued={onQueued}
            />
          </OnDemand>
        </OnceShown>
      )}

      {phase.kind === 'loading' && (
        <div className={styles.loading} data-busy="true">
          <div role="status" className={styles.srOnly}>
            {strings.Loading}
          </div>
          {[0, 1, 2].map((i) => (
            <div key={i} className={styles.post} aria-hidden={true}>
              <div className={styles.bone} style={{ width: '60%' }} />
              <div className={styles.bone} style={{ width: '30%' }} />
              <div className={styles.bone} />
            </div>
          ))}
        </div>
      )}

      {phase.kind === 'failed' && (
        <div>
          <NoticeBar type="error">
            {strings.LoadFailed} {phase.error}
          </NoticeBar>
          <Button
            className={styles.touch}
            text={strings.Retry}
            onClick={() => {
              void loadFirst(filters);
            }}
          />
        </div>
      )}

      {data && shown.length === 0 && (
        <p className={styles.empty}>{count > 0 ? strings.EmptyFiltered : strings.Empty}</p>
      )}

      {data && shown.length > 0 && (
        <ol className={styles.feed} aria-label={strings.FeedLabel}>
          {shown.map((item) => (
            <li key={item.id}>
              <RecognitionPost
                item={item}
                value={valuesByKey.get(item.valueKey)}
                reactions={data.reactions.get(item.id)}
                showReactions={settings.showReactions}
                locale={locale}
                now={current}
                onReact={(i, kind) => {
                  void react(i, kind);
                }}
                onReport={openReport}
                onReportIntent={LazyReportDialog.preload}
              />
            </li>
          ))}
        </ol>
      )}

      {data?.cursor && (
        <div className={styles.more}>
          {more === 'failed' && <NoticeBar type="error">{strings.MoreFailed}</NoticeBar>}
          {more === 'loading' ? (
            <Spinner label={strings.LoadingMore} />
          ) : (
            <Button
              className={styles.touch}
              text={strings.ShowMore}
              onClick={() => {
                void showMore();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
