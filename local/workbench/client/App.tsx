/**
 * The workbench app: builds each part's HostEnvironment (PnPjs at the local site and the
 * Graph client at the local Graph, both as the signed-in persona; locale, theme, edit mode)
 * and lays out the page, the property pane and the tenant data tab.
 */
import * as React from 'react';
import { Client } from '@microsoft/microsoft-graph-client';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { SPFx, spfi } from '@pnp/sp';

import type { AadFetchFactory } from '../../../src/connectors/relay/relayModeration';
import type { HostEnvironment, HostUser } from '../../../src/app/host/types';
import { ServiceRegistry } from '../../../src/app/services';
import type { WorkbenchConfig } from '../shared';
import { Canvas } from './Canvas';
import {
  FRAME_SIZES,
  loadLayout,
  loadProperties,
  loadSettings,
  saveLayout,
  saveProperties,
  saveSettings,
  SectionLayout,
  Settings,
  Tab
} from './config';
import { PropertyPane } from './PropertyPane';
import type { RegisteredPart, Registry } from './registry';
import { PIVOT_STYLES } from './styles';
import { TenantData } from './TenantData';
import { pageTheme, sectionTheme, themeVariables, toHostTheme } from './themes';
import { TopBar } from './TopBar';
import styles from './workbench.module.scss';

type Properties = Record<string, unknown>;

function initialProperties(part: RegisteredPart): Properties {
  return { ...part.definition.defaultProperties, ...part.manifest?.properties, ...loadProperties(part.definition.id) };
}

function themeStyle(theme: ReturnType<typeof pageTheme>): React.CSSProperties {
  return {
    ...themeVariables(theme),
    background: theme.semanticColors.bodyBackground,
    color: theme.semanticColors.bodyText
  } as React.CSSProperties;
}

export function App(props: { config: WorkbenchConfig; registry: Registry }): React.ReactElement {
  const { config, registry } = props;
  const [settings, setSettings] = React.useState<Settings>(() => loadSettings(window.location.search));
  const [properties, setProperties] = React.useState<Record<string, Properties>>(() =>
    Object.fromEntries(registry.parts.map((part) => [part.definition.id, initialProperties(part)]))
  );
  const [layouts, setLayouts] = React.useState<Record<string, SectionLayout>>(() =>
    Object.fromEntries(registry.parts.map((part) => [part.definition.id, loadLayout(part.definition.id)]))
  );
  const [selectedId, setSelectedId] = React.useState<string | undefined>(registry.parts[0]?.definition.id);

  const change = (next: Partial<Settings>): void => {
    setSettings((current) => {
      const merged = { ...current, ...next };
      saveSettings(merged);
      return merged;
    });
    if (next.editMode && !selectedId) {
      setSelectedId(registry.parts[0]?.definition.id);
    }
  };

  // One PnPjs root for the page.
  // PnPjs's SPFx behaviour, given what SharePoint's page context holds: the web's URL and the
  // form digest the page came with (so the first write needs no `contextinfo` request).
  const sp = React.useMemo(
    () =>
      spfi().using(
        SPFx({
          pageContext: {
            web: { absoluteUrl: config.siteUrl },
            legacyPageContext: { formDigestValue: config.formDigest?.value, formDigestTimeoutSeconds: config.formDigest?.timeoutSeconds }
          }
        } as unknown as Parameters<typeof SPFx>[0])
      ),
    [config.siteUrl, config.formDigest]
  );
  // One Graph client for the page, like MSGraphClientV3 in SharePoint. The local Graph reads the
  // persona from the `se_persona` cookie, which goes along with same-origin requests.
  const graph = React.useMemo(
    () =>
      Client.init({
        baseUrl: `${new URL(config.graphUrl, window.location.href).origin}/graph`,
        defaultVersion: 'v1.0',
        authProvider: (done) => done(null, 'local-tenant'),
        fetchOptions: { credentials: 'same-origin' }
      }),
    [config.graphUrl]
  );
  // AadHttpClient's stand-in: a token for the API from the local tenant's authority (as the
  // persona of the `se_persona` cookie), sent as a bearer token, kept until shortly before it expires.
  const aadFetch = React.useMemo<AadFetchFactory>(() => {
    const tokens = new Map<string, { token: string; expiresAt: number }>();
    const tokenFor = async (resource: string): Promise<string> => {
      const kept = tokens.get(resource);
      if (kept && kept.expiresAt - 60_000 > Date.now()) {
        return kept.token;
      }
      const response = await fetch(`/_local/token?resource=${encodeURIComponent(resource)}`, { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(`No token for ${resource}: HTTP ${response.status}`);
      }
      const body = (await response.json()) as { access_token: string; expires_on: number };
      tokens.set(resource, { token: body.access_token, expiresAt: body.expires_on * 1000 });
      return body.access_token;
    };
    return async (resource) => {
      await tokenFor(resource);
      return async (url, init) =>
        fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${await tokenFor(resource)}` } });
    };
  }, []);
  const user = React.useMemo<HostUser>(
    () => ({ loginName: config.user.loginName, displayName: config.user.displayName, email: config.user.mail, siteUserId: config.user.siteUserId }),
    [config.user]
  );
  const page = React.useMemo(() => pageTheme(settings.theme), [settings.theme]);
  const section = React.useMemo(() => sectionTheme(page, settings.section), [page, settings.section]);
  // The composition root's services as SharePoint gives them: SPFx's root ServiceScope holds
  // one registry per bundle, and every part is its own bundle (config/config.json), so each part
  // has a registry of its own, with one services object per web and person in it.
  const registries = React.useMemo(() => new Map<string, ServiceRegistry>(), []);
  const connections = React.useMemo(() => ({ webUrl: config.siteUrl, sp, graph, aadFetch, user }), [config.siteUrl, sp, graph, aadFetch, user]);
  // Built once per part and theme until something they hold changes, so parts re-render only then.
  const environmentFor = React.useMemo(() => {
    const environments = new Map<string, HostEnvironment>();
    return (part: RegisteredPart): HostEnvironment => {
      const onPage = part.manifest?.supportsThemeVariants === false;
      const key = `${part.definition.id}|${onPage ? 'page' : 'section'}`;
      let found = environments.get(key);
      if (!found) {
        let registryOfPart = registries.get(part.definition.id);
        if (!registryOfPart) {
          registryOfPart = new ServiceRegistry();
          registries.set(part.definition.id, registryOfPart);
        }
        found = {
          ...connections,
          services: registryOfPart.servicesFor(connections),
          locale: config.locale,
          theme: toHostTheme(onPage ? page : section),
          isEditMode: settings.editMode
        };
        environments.set(key, found);
      }
      return found;
    };
  }, [registries, connections, config.locale, settings.editMode, page, section]);
  const pageStyle = React.useMemo(() => themeStyle(page), [page]);
  const sectionStyle = React.useMemo(() => themeStyle(section), [section]);

  const selected = registry.parts.find((part) => part.definition.id === selectedId);
  const frameSize = FRAME_SIZES[settings.frame];
  const paneOpen = settings.editMode && selected !== undefined;

  const canvas = (
    <div className={`${styles.stage} ${paneOpen ? styles.withPane : ''}`}>
      <div
        className={`${styles.frame} ${styles[settings.frame]}`}
        style={frameSize ? { width: frameSize.width, minHeight: frameSize.height } : undefined}
        role="region"
        aria-label={`Page in a ${settings.frame} frame`}
        data-frame={settings.frame}
      >
        <Canvas
          registry={registry}
          editMode={settings.editMode}
          locale={config.locale}
          environmentFor={environmentFor}
          sectionStyle={sectionStyle}
          pageStyle={pageStyle}
          propertiesOf={(part) => properties[part.definition.id] ?? part.definition.defaultProperties}
          layoutOf={(part) => layouts[part.definition.id] ?? 'oneColumn'}
          onLayoutChange={(part, layout) => {
            saveLayout(part.definition.id, layout);
            setLayouts((current) => ({ ...current, [part.definition.id]: layout }));
          }}
          selectedId={paneOpen ? selectedId : undefined}
          onSelect={(part) => setSelectedId(paneOpen && selectedId === part.definition.id ? undefined : part.definition.id)}
        />
      </div>
      {paneOpen && selected && (
        <PropertyPane
          part={selected}
          environment={environmentFor(selected)}
          properties={properties[selected.definition.id] ?? {}}
          onChange={(name, value) =>
            setProperties((current) => {
              const next = { ...current[selected.definition.id], [name]: value };
              saveProperties(selected.definition.id, next);
              return { ...current, [selected.definition.id]: next };
            })
          }
          onReset={() => {
            saveProperties(selected.definition.id, undefined);
            setProperties((current) => ({
              ...current,
              [selected.definition.id]: { ...selected.definition.defaultProperties, ...selected.manifest?.properties }
            }));
          }}
          onClose={() => setSelectedId(undefined)}
        />
      )}
    </div>
  );

  return (
    <ThemeProvider theme={page} applyTo="body" className={styles.app} style={pageStyle}>
      <a className={styles.skipLink} href="#se-main">
        Skip to the page
      </a>
      <TopBar config={config} settings={settings} onChange={change} />
      <main id="se-main" className={styles.main} tabIndex={-1}>
        {registry.emptyModules.length > 0 && (
          <p className={styles.notice} role="status">
            These modules export no PartDefinition: {registry.emptyModules.join(', ')}
          </p>
        )}
        <Pivot
          aria-label="Workbench views"
          selectedKey={settings.tab}
          onLinkClick={(item) => item?.props.itemKey && change({ tab: item.props.itemKey as Tab })}
          styles={PIVOT_STYLES}
        >
          <PivotItem headerText="Page" itemKey="page">
            {canvas}
          </PivotItem>
          <PivotItem headerText="Tenant data" itemKey="data">
            <TenantData config={config} />
          </PivotItem>
        </Pivot>
      </main>
    </ThemeProvider>
  );
}
