import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Icon } from '@fluentui/react/lib/Icon';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { Spinner } from '@fluentui/react/lib/Spinner';
import * as strings from 'RecognitionAdminWebPartStrings';

import type { RecognitionValue } from '../../../core/models/values';
import { format } from '../../../ui/format';
import { valueName } from '../../crewRecognition/recognitionPorts';
import { failureText } from './adminText';
import type { IRecognitionAdminProps } from './IRecognitionAdminProps';
import { ModerationQueue } from './ModerationQueue';
import { ValueEditor } from './ValueEditor';
import styles from './RecognitionAdmin.module.scss';

type Phase = { kind: 'loading' } | { kind: 'failed'; text: string } | { kind: 'loaded'; values: RecognitionValue[] };
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; value: RecognitionValue };

function ValuesPanel(props: IRecognitionAdminProps): React.ReactElement {
  const { store, locale } = props;
  const [phase, setPhase] = React.useState<Phase>({ kind: 'loading' });
  const [editing, setEditing] = React.useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  const load = React.useCallback(async (): Promise<void> => {
    try {
      const values = await store.values();
      setPhase({ kind: 'loaded', values: [...values].sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title)) });
    } catch (error) {
      setPhase({ kind: 'failed', text: failureText(error) });
    }
  }, [store]);
  React.useEffect(() => {
    void load();
  }, [load]);

  if (phase.kind === 'loading') {
    return <Spinner label={strings.Loading} />;
  }
  if (phase.kind === 'failed') {
    return (
      <>
        <MessageBar messageBarType={MessageBarType.error}>
          {strings.LoadFailed} {phase.text}
        </MessageBar>
        <DefaultButton className={styles.action} text={strings.Retry} onClick={() => {
            void load();
          }} />
      </>
    );
  }
  if (editing.kind !== 'none') {
    return (
      <ValueEditor
        value={editing.kind === 'edit' ? editing.value : undefined}
        existing={phase.values}
        save={(draft, id) => store.save(draft, id)}
        onSaved={(name) => {
          setEditing({ kind: 'none' });
          setNotice(format(strings.Saved, name));
          void load();
        }}
        onCancel={() => setEditing({ kind: 'none' })}
      />
    );
  }
  return (
    <>
      <div aria-live="polite">{notice && <MessageBar messageBarType={MessageBarType.success}>{notice}</MessageBar>}</div>
      <div className={styles.actions}>
        <PrimaryButton className={styles.action} iconProps={{ iconName: 'Add' }} text={strings.NewValue} onClick={() => setEditing({ kind: 'new' })} />
      </div>
      {phase.values.length === 0 ? (
        <p>{strings.NoValues}</p>
      ) : (
        <ul className={styles.list} aria-label={strings.ValuesListLabel}>
          {phase.values.map((value) => (
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
              </span>
              <DefaultButton
                className={styles.action}
                text={strings.EditValue}
                ariaLabel={format(strings.EditValueLabel, value.title)}
                onClick={() => {
                  setNotice(undefined);
                  setEditing({ kind: 'edit', value });
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** HR's recognition admin: values and the moderation queue. */
export function RecognitionAdmin(props: IRecognitionAdminProps): React.ReactElement {
  return (
    <section className={styles.recognitionAdmin}>
      <h2 className={styles.heading}>{strings.Heading}</h2>
      {props.showModeration ? (
        <Pivot className={styles.pivot} overflowBehavior="menu">
          <PivotItem headerText={strings.ValuesTab} itemKey="values">
            <ValuesPanel {...props} />
          </PivotItem>
          <PivotItem headerText={strings.ModerationTab} itemKey="moderation">
            <ModerationQueue store={props.store} locale={props.locale} />
          </PivotItem>
        </Pivot>
      ) : (
        <ValuesPanel {...props} />
      )}
    </section>
  );
}
