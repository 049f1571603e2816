/**
 * The recognition wall: recognitions newest first with filters, reactions and reporting; a
 * "Recognise" button that opens the three-step composer; the reader's privacy choice.
 * What a tap caused is seen and heard: notices stick to the bottom of the screen while the wall
 * is on it (brought into view when they are not), in a live region that is on the page from the
 * start (a region added with its words is often not read); a second one, unseen, says what
 * has no notice (a reaction saved).
 */
import * as React from 'react';
import * as strings from 'RecognitionWallWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import type { RecognitionValue } from '../../../core/models/values';
import type { RecognitionStoreErrorCode, WallItem } from '../../../core/recognition/ports';
import { EMPTY_PLANT_MAP } from '../../../core/plant';
import { queuedText } from '../../../ui/recognition/storeErrorText';
import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Notice as NoticeBar } from '../../../ui/light/Notice';
import { OnceShown, OnDemand, Opening } from '../../../ui/light/OnDemand';
import { Spinner } from '../../../ui/light/Spinner';
import { visibleItems } from '../../../core/recognition/wallRules';
import type { IRecognitionWallProps } from './IRecognitionWallProps';
import { LazyComposer, LazyFilters, LazyPrivacy, LazyReportDialog } from './onDemandParts';
import type { IWallFilterValues } from './WallFilters';
import { RecognitionPost } from './RecognitionPost';
import { useNotices } from './useNotices';
import { useOutboxFlush } from './useOutboxFlush';
import { useReactions } from './useReactions';
import { useReports } from './useReports';
import { useWallFeed } from './useWallFeed';
import { useWallPrivacy } from './useWallPrivacy';
import { useWallViewer } from './useWallViewer';
import styles from './RecognitionWall.module.scss';

type Filters = IWallFilterValues;

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
  const [composerOpen, setComposerOpen] = React.useState(false);
  /**
   * A panel or dialog is on the screen, closing included: its focus trap would take the focus
   * back from a notice, so a notice that takes the focus waits until it is gone.
   */
  const [layers, setLayers] = React.useState({ composer: false, report: false });
  const focusWaiting = React.useRef(false);
  const [panel, setPanel] = React.useState<'none' | 'filters' | 'privacy'>('none');
  const heading = React.useRef<HTMLHeadingElement>(null);

  const { notices, notify, dismiss, announce, announcement, shownCount } = useNotices();
  const noticeList = React.useRef<HTMLDivElement>(null);
  const privacy = useWallPrivacy(services.preferences, notify);
  const viewer = useWallViewer(services);
  const feed = useWallFeed({ services, settings, viewer, query: filters, notify, onHideMe: privacy.known });
  const { phase, more } = feed;
  const data = phase.kind === 'ready' ? phase.data : undefined;
  const react = useReactions({ writer: services.reactions, shown: data?.reactions, feed, notify, announce });
  const reports = useReports({ moderation: services.moderation, notify, focusAfterReport: heading });
  useOutboxFlush(services.giving, notify, feed.reload, locale);

  // A new notice is on the screen: where the section's layout cannot keep it there (an
  // ancestor that scrolls, the page scrolled past), it is brought into view; one that takes
  // the focus is brought into view by it.
  React.useEffect(() => {
    const last = noticeList.current?.lastElementChild as HTMLElement | null | undefined;
    const latest = notices[notices.length - 1];
    if (!last || !latest || shownCount === 0) {
      return;
    }
    if (latest.focus) {
      focusWaiting.current = true;
      return;
    }
    const box = last.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      last.scrollIntoView({ block: 'nearest' });
    }
  }, [shownCount]); // once per notice shown (the notices of that render are current)

  React.useEffect(() => {
    const last = noticeList.current?.lastElementChild as HTMLElement | null | undefined;
    if (focusWaiting.current && !layers.composer && !layers.report && last) {
      focusWaiting.current = false;
      last.focus();
    }
  }, [shownCount, layers]);

  const onSent = (items: WallItem[], unnotified: readonly string[]): void => {
    setComposerOpen(false);
    // The composer closed: the thanks takes the focus (and is scrolled to) where the person is.
    notify({ type: 'success', text: strings.SentSuccess, focus: true });
    if (unnotified.length > 0) {
      notify({ type: 'warning', text: format(shared.Unnotified, unnotified.join(', ')), focus: true });
    }
    feed.prepend(items);
  };

  const onQueued = (code: RecognitionStoreErrorCode): void => {
    setComposerOpen(false);
    notify({ type: 'warning', text: queuedText(code, strings.SentQueued), focus: true });
  };

  const current = now();
  const allowedValues = settings.valueKeys;
  const shown = data ? visibleItems(data.items, data.viewer, data.hidden, { period: filters.period, allowedValues, removed: reports.removed }, current) : [];
  const valuesByKey = new Map((data?.values ?? []).map((v) => [v.valueKey, v] as [string, RecognitionValue]));
  const pickable = (data?.values ?? [])
    .filter((v) => v.isActive && (allowedValues.length === 0 || allowedValues.indexOf(v.valueKey) >= 0))
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const count = activeFilterCount(filters);

  const setFilter = (patch: Partial<Filters>): void => setFilters((f) => ({ ...f, ...patch }));
  /** What loads on demand says so while it loads, and offers "Try again" when it could not. */
  const onDemand = { failedText: shared.OpenFailed, retryText: shared.Retry };

  return (
    <section className={`${styles.wall} ${settings.compact ? styles.compact : ''}`} lang={locale}>
      {/* Said to screen readers only: a region that exists before anything is said in it. */}
      <div className={styles.srOnly} role="status" aria-live="polite" aria-atomic="true">
        {announcement && <span key={announcement.seq}>{announcement.text}</span>}
      </div>
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
            onClick={() => {
              setLayers((l) => ({ ...l, composer: true }));
              setComposerOpen(true);
            }}
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
        <OnDemand {...onDemand} components={[LazyFilters]} fallback={<Spinner size="small" label={shared.Opening} />}>
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
        <OnDemand {...onDemand} components={[LazyPrivacy]} fallback={<Spinner size="small" label={shared.Opening} />}>
          <LazyPrivacy
            id="se-wall-privacy"
            privacy={privacy.privacy}
            saving={privacy.saving}
            onChange={(hidden) => {
              void privacy.change(hidden);
            }}
            onRetry={() => {
              void privacy.retry();
            }}
          />
        </OnDemand>
      )}

      {/* Dialogs and panels load when first opened; while they load, "Opening…" shows. */}
      <OnceShown when={reports.reporting !== undefined}>
        <OnDemand {...onDemand} components={[LazyReportDialog]} fallback={<Opening label={shared.Opening} />}>
          <LazyReportDialog
            item={reports.reporting}
            reason={reports.reason}
            error={reports.reasonError}
            onReasonChange={reports.changeReason}
            onSend={() => {
              void reports.send();
            }}
            onDismiss={reports.dismiss}
            onDismissed={() => setLayers((l) => ({ ...l, report: false }))}
            sent={reports.sent}
          />
        </OnDemand>
      </OnceShown>

      {data && (
        <OnceShown when={composerOpen}>
          <OnDemand {...onDemand} components={[LazyComposer]} fallback={<Opening label={shared.Opening} />}>
            <LazyComposer
              isOpen={composerOpen}
              onDismiss={() => setComposerOpen(false)}
              onDismissed={() => setLayers((l) => ({ ...l, composer: false }))}
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
            text={shared.Retry}
            onClick={feed.reload}
          />
        </div>
      )}

      {data && shown.length === 0 && (
        <p className={styles.empty}>{count === 0 ? strings.Empty : data.cursor ? strings.EmptyFiltered : strings.EmptyFilteredAll}</p>
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
                aboutMe={item.recipient.id === data.viewer.siteUserId}
                locale={locale}
                now={current}
                onReact={(i, kind) => {
                  void react(i, kind);
                }}
                onReport={(i) => {
                  setLayers((l) => ({ ...l, report: true }));
                  reports.open(i);
                }}
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
                void feed.showMore();
              }}
            />
          )}
        </div>
      )}

      {/* A live region from the first render: each notice added to it is read (an error at once, assertively). */}
      <div className={styles.notices} ref={noticeList} role="log" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.text} tabIndex={-1} className={styles.noticeItem}>
            <NoticeBar type={notice.type} live={notice.type === 'error'} onDismiss={() => dismiss(notice)} dismissLabel={strings.Close}>
              {notice.text}
            </NoticeBar>
          </div>
        ))}
      </div>
    </section>
  );
}
