/**
 * The page the parts live on, by kind: application customizers in the top placeholder, web
 * parts in canvas sections (one column, one-third column, full width), cards on a dashboard
 * (card faces; quick views open as dialogs).
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';

import type { HostEnvironment } from '../../../src/app/host/types';
import { CardHost } from './CardHost';
import type { SectionLayout } from './config';
import { PartHost } from './PartHost';
import { isCardPart, isRenderedPart, type RegisteredPart, type Registry } from './registry';
import { DROPDOWN_STYLES } from './styles';
import cardStyles from './cards.module.scss';
import styles from './workbench.module.scss';

export interface CanvasProps {
  readonly registry: Registry;
  readonly editMode: boolean;
  readonly locale: string;
  /** The environment a part gets (its section's theme, or the page theme without variants). */
  environmentFor(part: RegisteredPart): HostEnvironment;
  /** The `--theme-*` variables and background of the sections. */
  readonly sectionStyle: React.CSSProperties;
  readonly pageStyle: React.CSSProperties;
  propertiesOf(part: RegisteredPart): object;
  layoutOf(part: RegisteredPart): SectionLayout;
  onLayoutChange(part: RegisteredPart, layout: SectionLayout): void;
  /** The part whose property pane is open. */
  readonly selectedId: string | undefined;
  /** Opens the part's property pane, or closes it when it is open. */
  onSelect(part: RegisteredPart): void;
}

const LAYOUTS: IDropdownOption[] = [
  { key: 'oneColumn', text: 'One column' },
  { key: 'oneThirdLeft', text: 'One-third left column' },
  { key: 'fullWidth', text: 'Full-width section' }
];

function EditToolbar(props: CanvasProps & { part: RegisteredPart; withLayout: boolean }): React.ReactElement {
  const { part, selectedId } = props;
  const selected = selectedId === part.definition.id;
  return (
    <div className={styles.editToolbar} role="toolbar" aria-label={`${part.title}: edit`}>
      <span className={styles.editTitle}>{part.title}</span>
      <DefaultButton
        className={styles.touch}
        iconProps={{ iconName: 'Edit' }}
        text="Properties"
        ariaLabel={`Edit the properties of ${part.title}`}
        aria-controls={selected ? 'se-property-pane' : undefined}
        aria-expanded={selected}
        onClick={() => props.onSelect(part)}
      />
      {props.withLayout && (
        <Dropdown
          className={styles.layoutPicker}
          label="Section layout"
          styles={DROPDOWN_STYLES}
          options={LAYOUTS}
          selectedKey={props.layoutOf(part)}
          onChange={(_event, option) => option && props.onLayoutChange(part, option.key as SectionLayout)}
        />
      )}
    </div>
  );
}

/** A web part or customizer (`render`), or a card definition (card face and quick view). */
function Hosted(props: CanvasProps & { part: RegisteredPart }): React.ReactElement | null {
  const { part } = props;
  if (isCardPart(part)) {
    return <CardHost part={part} environment={props.environmentFor(part)} properties={props.propertiesOf(part)} />;
  }
  if (isRenderedPart(part)) {
    return <PartHost part={part} environment={props.environmentFor(part)} properties={props.propertiesOf(part)} />;
  }
  return null;
}

function WebPartSection(props: CanvasProps & { part: RegisteredPart }): React.ReactElement {
  const { part, editMode } = props;
  const layout = props.layoutOf(part);
  const host = <Hosted {...props} part={part} />;
  return (
    <section
      className={`${styles.section} ${styles[layout]} ${editMode ? styles.editing : ''}`}
      style={props.sectionStyle}
      aria-label={`Section: ${part.title}`}
      data-section-layout={layout}
    >
      {editMode && <EditToolbar {...props} withLayout />}
      {layout === 'oneThirdLeft' ? (
        <div className={styles.columns}>
          <div className={styles.column}>{host}</div>
          <div className={`${styles.column} ${styles.emptyColumn}`}>{editMode ? 'Empty column' : null}</div>
        </div>
      ) : (
        <div className={styles.column}>{host}</div>
      )}
    </section>
  );
}

export function Canvas(props: CanvasProps): React.ReactElement {
  const { registry, editMode } = props;
  const customizers = registry.byKind('applicationCustomizer');
  const webParts = registry.byKind('webPart');
  const cards = registry.byKind('card');
  return (
    <div className={styles.canvas} lang={props.locale} style={props.pageStyle}>
      {(customizers.length > 0 || editMode) && (
        <div className={styles.topPlaceholder} role="region" aria-label="Top placeholder (application customizers)">
          {customizers.map((part) => (
            <div key={part.definition.id}>
              {editMode && <EditToolbar {...props} part={part} withLayout={false} />}
              <Hosted {...props} part={part} />
            </div>
          ))}
          {customizers.length === 0 && <p className={styles.placeholderNote}>Top placeholder: no application customizers yet.</p>}
        </div>
      )}
      {webParts.map((part) => (
        <WebPartSection key={part.definition.id} {...props} part={part} />
      ))}
      {cards.length > 0 && (
        <section className={`${styles.section} ${styles.oneColumn}`} style={props.sectionStyle} aria-label="Dashboard">
          <h2 className={styles.dashboardHeading}>Dashboard</h2>
          <div className={cardStyles.cardDeck}>
            {cards.map((part) => (
              <div
                key={part.definition.id}
                className={`${cardStyles.cardSlot} ${part.manifest?.cardSize === 'Large' ? cardStyles.largeSlot : ''}`}
              >
                {editMode && <EditToolbar {...props} part={part} withLayout={false} />}
                {/* Cards do not take section backgrounds: their own surface keeps the page theme. */}
                <div style={part.manifest?.supportsThemeVariants ? undefined : { ...props.pageStyle, background: 'transparent' }}>
                  <Hosted {...props} part={part} />
                </div>
              </div>
            ))}
          </div>
        </section>
      )}
      {registry.parts.length === 0 && (
        <p className={styles.emptyPage} role="status">
          No parts yet: the workbench hosts every <code>src/**/*.part.ts(x)</code> that exports a PartDefinition.
        </p>
      )}
    </div>
  );
}
