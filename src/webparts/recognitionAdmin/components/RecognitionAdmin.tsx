import * as React from 'react';
import * as strings from 'RecognitionAdminWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import type { RecognitionValue } from '../../../core/models/values';
import type { AdminRights } from '../../../core/recognition/ports';
import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Icon } from '../../../ui/light/Icon';
import { Notice } from '../../../ui/light/Notice';
import { OnDemand, onDemand } from '../../../ui/light/OnDemand';
import { Spinner } from '../../../ui/light/Spinner';
import { Tabs } from '../../../ui/light/Tabs';
import { useRecoveringLoad } from '../../../ui/recovery/useRecoveringLoad';
import { valueName } from '../../../core/recognition/values';
import { failureText, untranslatedText } from './adminText';
import type { IRecognitionAdminProps } from './IRecognitionAdminProps';
import type { IModerationQueueProps } from './ModerationQueue';
import type { IValueEditorProps } from './ValueEditor';
import styles from './RecognitionAdmin.module.scss';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; value: RecognitionValue };

// The first screen is the list of values; the editor and the moderation queue (forms built on
// Fluent UI) load when HR first opens them.
const LazyValueEditor = onDemand<IValueEditorProps>(() =>
  import(/* webpackChunkName: 'recognition-value-editor' */ './ValueEditor').then((m) => m.ValueEditor)
);
const LazyModerationQueue = onDemand<IModerationQueueProps>(() =>
  import(/* webpackChunkName: 'recognition-moderation' */ './ModerationQueue').then((m) => m.ModerationQueue)
);

function Loading(): React.ReactElement {
  return <Spinner label={strings.Loading} />;
}

interface AdminStart {
  readonly values: RecognitionValue[];
  readonly rights: AdminRights;
}

interface IValuesPanelProps extends IRecognitionAdminProps {
  readonly values: RecognitionValue[];
  /** Whether SharePoint lets this person add and change values. */
  readonly mayChange: boolean;
  /** Reads the values again, keeping what is shown until they are in. */
  reload(): void;
}

function ValuesPanel(props: IValuesPanelProps): React.ReactElement {
  const { store, locale, values, mayChange } = props;
  const [editing, setEditing] = React.useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  if (editing.kind !== 'none') {
    return (
      <OnDemand components={[LazyValueEditor]} fallback={<Spinner label={shared.Opening} />} failedText={shared.OpenFailed} retryText={shared.Retry}>
        <LazyValueEditor
          value={editing.kind === 'edit' ? editing.value : undefined}
          existing={values}
          locale={locale}
          save={(draft, id) => store.save(draft, id)}
          onSaved={(name) => {
            setEditing({ kind: 'none' });
            setNotice(format(strings.Saved, name));
            props.reload();
          }}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      </OnDemand>
    );
  }
  return (
    <>
      <div aria-live="polite">{notice && <Notice type="success">{notice}</Notice>}</div>
      {mayChange ? (
        <div className={styles.actions}>
          <Button
            primary={true}
            className={styles.action}
            iconName="Add"
            text={strings.NewValue}
            onClick={() => setEditing({ kind: 'new' })}
            onPointerEnter={LazyValueEditor.preload}
            onFocus={LazyValueEditor.preload}
          />
        </div>
      ) : (
        // Offered nothing SharePoint would refuse: the values, read only, and why.
        <p className={styles.readOnly} data-testid="read-only">
          {strings.ReadOnlyValues}
        </p>
      )}
      {values.length === 0 ? (
        <p>{strings.NoValues}</p>
      ) : (
        <ul className={styles.list} aria-label={strings.ValuesListLabel}>
          {values.map((value) => {
            const untranslated = untranslatedText(value);
            return (
              <li key={value.id} className={styles.valueRow} data-testid="value">
                <span className={styles.valueIcon} style={value.color ? { color: value.color } : undefined} aria-hidden>
                  {value.iconName && <Icon iconName={value.iconName} />}
                </span>
                <span className={styles.who}>
                  <span className={styles.name}>{valueName(value, locale)}</span>
                  <span className={styles.subtle}>
                    {value.valueKey} · {format(strings.OrderText, value.sortOrder)}
                    {!value.isActive && ` · ${strings.Inactive}`}
                  </span>
                  {mayChange && untranslated.length > 0 && (
                    <span className={styles.untranslated} data-testid="untranslated">
                      {untranslated.join(' ')}
                    </span>
                  )}
                </span>
                {mayChange && (
                  <Button
                    className={styles.action}
                    text={strings.EditValue}
                    aria-label={format(strings.EditValueLabel, valueName(value, locale))}
                    onClick={() => {
                      setNotice(undefined);
                      setEditing({ kind: 'edit', value });
                    }}
                    onPointerEnter={LazyValueEditor.preload}
                    onFocus={LazyValueEditor.preload}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/**
 * HR's recognition admin: values and the moderation queue. The values and what SharePoint lets
 * the person do are read together (one round trip); what they may not do is not offered.
 */
export function RecognitionAdmin(props: IRecognitionAdminProps): React.ReactElement {
  const { store } = props;
  const read = React.useCallback(async (): Promise<AdminStart> => {
    const [values, rights] = await Promise.all([store.values(), store.rights()]);
    return { values: [...values].sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title)), rights };
  }, [store]);
  // Loads again by itself while it failed (SharePoint back); "Try again" loads at once.
  const { state, reload } = useRecoveringLoad(read, 'Loading the values');

  let body: React.ReactNode;
  if (state.kind === 'loading') {
    body = <Loading />;
  } else if (state.kind === 'failed') {
    body = (
      <>
        <Notice type="error">
          {strings.LoadFailed} {failureText(state.error)}
        </Notice>
        <Button className={styles.action} text={shared.Retry} onClick={() => reload()} />
      </>
    );
  } else {
    const { values, rights } = state.data;
    const panel = <ValuesPanel {...props} values={values} mayChange={rights.values} reload={() => reload(true)} />;
    body =
      props.showModeration && rights.moderation ? (
        <Tabs
          tabs={[
            { key: 'values', title: strings.ValuesTab, render: () => panel },
            {
              key: 'moderation',
              title: strings.ModerationTab,
              render: () => (
                <OnDemand components={[LazyModerationQueue]} fallback={<Loading />} failedText={shared.OpenFailed} retryText={shared.Retry}>
                  <LazyModerationQueue store={props.store} locale={props.locale} />
                </OnDemand>
              )
            }
          ]}
        />
      ) : (
        <>
          {panel}
          {props.showModeration && (
            <p className={styles.readOnly} data-testid="no-moderation">
              {strings.NoModerationRights}
            </p>
          )}
        </>
      );
  }
  return (
    <section className={styles.recognitionAdmin}>
      <h2 className={styles.heading}>{strings.Heading}</h2>
      {body}
    </section>
  );
}
