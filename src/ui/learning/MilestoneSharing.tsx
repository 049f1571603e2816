/**
 * The person's choice, in My learning: "Share my finished learning paths on the recognition wall"
 * (default off). On, a path they finish from then on is posted by the relay as a milestone
 * (docs/learning.md, "A finished path on the wall"); paths finished before are not. The choice
 * is read after the paths are shown, so the part's first render never waits for it. A save that
 * fails puts the switch back and says so; the choice is the person's own, never changed by
 * itself.
 */
import * as React from 'react';

import { Notice } from '../light/Notice';
import { Switch } from '../light/Switch';
import styles from './MyLearning.module.scss';

export interface MilestoneSharingSource {
  milestoneSharing(): Promise<boolean>;
  setMilestoneSharing(allowed: boolean): Promise<void>;
}

interface SharingWords {
  readonly label: string;
  readonly on: string;
  readonly off: string;
  readonly hint: string;
  readonly readFailed: string;
  readonly saveFailed: string;
}

const WORDS: Readonly<Record<'en-us' | 'nl-nl' | 'sv-se', SharingWords>> = {
  'en-us': {
    label: 'Share my finished learning paths on the recognition wall',
    on: 'On',
    off: 'Off',
    hint: 'Paths you finish from now on are posted as a milestone. Paths you finished before are not.',
    readFailed: 'Your choice to share finished paths cannot be read now. Try again later.',
    saveFailed: 'Your choice was not saved. Check your connection and try again.'
  },
  'nl-nl': {
    label: 'Mijn afgeronde leerpaden delen op de waarderingsmuur',
    on: 'Aan',
    off: 'Uit',
    hint: 'Leerpaden die je vanaf nu afrondt, worden als mijlpaal geplaatst. Eerder afgeronde leerpaden niet.',
    readFailed: 'Je keuze om afgeronde leerpaden te delen kan nu niet worden gelezen. Probeer het later opnieuw.',
    saveFailed: 'Je keuze is niet opgeslagen. Controleer je verbinding en probeer het opnieuw.'
  },
  'sv-se': {
    label: 'Dela mina slutförda utbildningsvägar på erkännandeväggen',
    on: 'På',
    off: 'Av',
    hint: 'Utbildningsvägar du slutför från och med nu publiceras som en milstolpe. Tidigare slutförda gör det inte.',
    readFailed: 'Ditt val att dela slutförda utbildningsvägar kan inte läsas just nu. Försök igen senare.',
    saveFailed: 'Ditt val sparades inte. Kontrollera anslutningen och försök igen.'
  }
};

/** The words for a page language (`nl-be` → Dutch), else English. */
export function sharingWords(locale: string): SharingWords {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'nl' ? WORDS['nl-nl'] : language === 'sv' ? WORDS['sv-se'] : WORDS['en-us'];
}

type State = { readonly kind: 'loading' } | { readonly kind: 'unreadable' } | { readonly kind: 'ready'; readonly allowed: boolean; readonly saving: boolean; readonly failed: boolean };

export function MilestoneSharing(props: { readonly source: MilestoneSharingSource; readonly locale: string }): React.ReactElement {
  const { source } = props;
  const words = sharingWords(props.locale);
  const [state, setState] = React.useState<State>({ kind: 'loading' });

  React.useEffect(() => {
    let live = true;
    source.milestoneSharing().then(
      (allowed) => live && setState({ kind: 'ready', allowed, saving: false, failed: false }),
      () => live && setState({ kind: 'unreadable' })
    );
    return () => {
      live = false;
    };
  }, [source]);

  if (state.kind === 'loading') {
    return <></>;
  }
  if (state.kind === 'unreadable') {
    return <p className={styles.meta}>{words.readFailed}</p>;
  }
  const change = (allowed: boolean): void => {
    const before = state.allowed;
    setState({ kind: 'ready', allowed, saving: true, failed: false });
    source.setMilestoneSharing(allowed).then(
      () => setState({ kind: 'ready', allowed, saving: false, failed: false }),
      () => setState({ kind: 'ready', allowed: before, saving: false, failed: true })
    );
  };
  return (
    <section>
      <Switch label={words.label} checked={state.allowed} disabled={state.saving} onText={words.on} offText={words.off} onChange={change} />
      <p className={styles.meta}>{words.hint}</p>
      {state.failed && <Notice type="error">{words.saveFailed}</Notice>}
    </section>
  );
}
