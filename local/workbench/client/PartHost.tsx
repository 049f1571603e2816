/**
 * Hosts one part the way the SPFx base class does: `render(element, environment, properties)`
 * on mount and on every change of environment or properties, `dispose(element)` on unmount.
 */
import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';

import type { HostEnvironment } from '../../../src/app/host/types';
import type { PartDefinition } from '../../../src/app/host/types';
import type { RegisteredPart } from './registry';
import styles from './workbench.module.scss';

export interface PartHostProps {
  readonly part: RegisteredPart<PartDefinition<object>>;
  readonly environment: HostEnvironment;
  readonly properties: object;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function PartHost(props: PartHostProps): React.ReactElement {
  const { part, environment, properties } = props;
  const { definition } = part;
  const element = React.useRef<HTMLDivElement>(null);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);

  React.useEffect(() => {
    const target = element.current;
    if (!target) {
      return;
    }
    try {
      definition.render(target, environment, properties);
      setFailure(undefined);
    } catch (error) {
      setFailure(describe(error));
    }
  }, [definition, environment, properties]);

  React.useEffect(() => {
    const target = element.current;
    return () => {
      if (target) {
        try {
          definition.dispose(target);
        } catch {
          // A part that fails to dispose must not take the workbench down.
        }
      }
    };
  }, [definition]);

  return (
    <>
      {failure && (
        <MessageBar messageBarType={MessageBarType.error}>
          {part.title} ({part.file}) threw while rendering: {failure}
        </MessageBar>
      )}
      <div ref={element} className={styles.partRoot} data-part-id={definition.id} data-part-alias={definition.alias} />
    </>
  );
}
