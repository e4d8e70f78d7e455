import {
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  teamsHighContrastTheme,
  tokens,
  Tooltip,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowSwap20Regular, ClipboardTaskListLtr20Regular, Settings20Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { profile as builtIn } from '../core/profile';
import type { WorkbookHost } from '../hosts/host';
import type { PreviewHost } from '../hosts/preview';
import { BusyLine } from './components/BusyLine';
import { Conformity } from './components/Conformity';
import { Dashboard } from './components/Dashboard';
import { ErrorBar } from './components/ErrorBar';
import { ExcelVersionNote } from './components/ExcelVersionNote';
import { FindingsList } from './components/FindingsList';
import { FirstRun } from './components/FirstRun';
import { InitPanel } from './components/InitPanel';
import { GridView, PreviewBar, SelectionAnnouncer, usePreviewActions } from './components/Preview';
import { SettingsTab } from './components/SettingsTab';
import { Synthese } from './components/Synthese';
import { SyncStatus } from './components/SyncStatus';
import { useTaskpane, type Busy } from './useTaskpane';
import { findingsFirst } from './view';

// The Rapprochement and Export COPIL tabs (and the closing dialog) come with their first opening,
// not with the pane: its first download stays within its 300 KB gzipped.
const RapprochementTab = lazy(() => import(/* webpackChunkName: "tab-reconciliation" */ './components/RapprochementTab').then((m) => ({ default: m.RapprochementTab })));
const ExportTab = lazy(() => import(/* webpackChunkName: "tab-export" */ './components/ExportTab').then((m) => ({ default: m.ExportTab })));

type TabId = 'checks' | 'reconciliation' | 'export' | 'settings';
const TABS: TabId[] = ['checks', 'reconciliation', 'export', 'settings'];
const ICONS = { checks: ClipboardTaskListLtr20Regular, reconciliation: ArrowSwap20Regular, export: ArrowDownload20Regular, settings: Settings20Regular };

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: '280px', maxWidth: '760px', boxSizing: 'border-box' },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, ':focus': { outline: 'none' } },
  // One row of tabs, the settings as a gear at its end; the icons go where the labels alone fit.
  tabs: { flexWrap: 'wrap', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, columnGap: 0 },
  // Below 480 px the tabs' own padding shrinks, below 420 px their text too (12 px, the pane's small text),
  // so that the three labels and the gear share one row at 360 px.
  tab: {
    '@media (max-width: 479px)': { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, '& .fui-Tab__content': { paddingLeft: 0, paddingRight: 0 } },
    '@media (max-width: 419px)': { fontSize: tokens.fontSizeBase200, '& span': { fontSize: tokens.fontSizeBase200 } },
  },
  tabIcon: { '@media (max-width: 419px)': { display: 'none' } },
  gear: { marginLeft: 'auto' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

function useHighContrast(): boolean {
  const query = '(forced-colors: active)';
  const [on, setOn] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(query);
    const listener = () => setOn(mq.matches);
    mq.addEventListener('change', listener);
    return () => mq.removeEventListener('change', listener);
  }, []);
  return on;
}

export interface AppProps {
  host: WorkbookHost;
  /** Set in the browser preview (the same object as host): file picker, example, cell view. */
  preview?: PreviewHost;
  lang?: Lang;
}

export function App({ host, preview, lang: initialLang }: AppProps) {
  const styles = useStyles();
  const pane = useTaskpane(host, initialLang);
  const { state } = pane;
  const m = messages[state.lang];
  const ui = m.ui;
  const [tab, setTab] = useState<TabId>('checks');
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(['checks']));
  // A blank workbook was just created: its findings are what is left to type, said as such.
  const [blank, setBlank] = useState(false);
  const openTab = (t: TabId) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set([...v, t])));
  };
  const highContrast = useHighContrast();
  const title = useRef<HTMLHeadingElement>(null);
  const focusBeforeError = useRef<Element | null>(null);

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = ui.appTitle;
  }, [state.lang, ui.appTitle]);

  // An error takes no focus (role="alert" says it); when it goes, the focus goes back where it was, never to the page.
  useEffect(() => {
    if (state.error) {
      if (document.activeElement && document.activeElement !== document.body) focusBeforeError.current = document.activeElement;
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Escape') pane.dismissError();
      };
      document.addEventListener('keydown', onKey);
      return () => document.removeEventListener('keydown', onKey);
    }
    const before = focusBeforeError.current;
    focusBeforeError.current = null;
    if (document.activeElement === document.body || document.activeElement === null) {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
      else title.current?.focus();
    }
    return undefined;
  }, [state.error, pane.dismissError]);

  // A safety net under the explicit cases: a focused control that is disabled or removed (a button
  // whose panel re-renders) hands the focus to its panel's heading, never to the page.
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const onOut = (e: FocusEvent) => {
      if (e.relatedTarget) return;
      const lost = e.target as HTMLElement;
      const heading = lost.closest('[role="tabpanel"]')?.querySelector<HTMLElement>('h2') ?? title.current;
      setTimeout(() => {
        if (document.activeElement !== document.body || !document.hasFocus()) return;
        if (lost.isConnected && !lost.matches(':disabled')) return;
        if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        (heading?.isConnected ? heading : title.current)?.focus();
      });
    };
    main.addEventListener('focusout', onOut);
    return () => main.removeEventListener('focusout', onOut);
  }, []);

  const actions = usePreviewActions(preview as PreviewHost, pane);
  const busyLabel = (b: Exclude<Busy, null>): string =>
    b === 'init' ? ui.init.busy : b === 'open' ? m.pane.busy.opening : b === 'example' ? m.pane.busy.example : b === 'check' || host.kind === 'preview' ? m.pane.busy.checking : ui.dashboard.syncing;

  const initialize = (example: boolean) => {
    setBlank(!example);
    void pane.initialize(example);
  };
  const reloadedBy = (f: () => void) => () => {
    setBlank(false);
    f();
  };

  const checks = () => {
    if (state.phase === 'loading') return <Spinner size="small" label={ui.loading} />;
    if (state.phase === 'empty')
      return preview ? (
        <FirstRun m={m} busy={state.busy !== null} onOpen={reloadedBy(actions.open)} onExample={reloadedBy(actions.example)} onBlank={() => initialize(false)} />
      ) : (
        <InitPanel ui={ui} busy={state.busy !== null} initializing={state.busy === 'init'} onInitialize={initialize} />
      );
    const findings = state.result ? (
      <FindingsList
        key="findings"
        m={m}
        lang={state.lang}
        profile={state.convention ?? builtIn}
        findings={state.result.findings}
        current={state.current}
        onSelect={(f) => void pane.select(f)}
        renderCurrent={preview ? () => <GridView ui={ui} preview={preview} lang={state.lang} /> : undefined}
      />
    ) : null;
    const money = state.analysis ? (
      <div key="money">
        <Synthese m={m} lang={state.lang} totals={state.analysis.totals} />
        <Conformity m={m} lang={state.lang} totals={state.analysis.totals} />
      </div>
    ) : null;
    return (
      <>
        <Dashboard m={m} lang={state.lang} asOf={state.asOf} title={state.convention?.title} result={state.result} syncing={state.busy === 'sync'} onSync={() => void pane.sync()} onRestore={() => void pane.restore()} />
        {blank && state.result ? (
          <MessageBar intent="info" layout="multiline" data-testid="blank-template">
            <MessageBarBody>{m.pane.blankTemplate(state.result.summary.errors, state.result.summary.warnings)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {state.lastSync ? <SyncStatus ui={ui} at={state.lastSync.at} sheet={state.lastSync.sheet} onShow={(sheet) => void pane.showSheet(sheet)} /> : null}
        {/* What is wrong first: with errors or warnings the findings come before the money. */}
        {state.result && findingsFirst(state.result) ? [findings, money] : [money, findings]}
      </>
    );
  };

  const tabLabel = (t: TabId) => (t === 'settings' ? m.pane.settings : ui.tabs[t]);

  return (
    // The page's background on a div of its own: Fluent copies the provider's classes onto its
    // portals' mount nodes (tooltips), which must not stand a page high over the pane.
    <FluentProvider theme={highContrast ? teamsHighContrastTheme : webLightTheme} lang={state.lang}>
      <div className={styles.provider}>
      <main className={styles.main} ref={mainRef}>
        <h1 className={styles.h1} ref={title} tabIndex={-1}>
          {ui.appTitle}
        </h1>
        {preview ? <PreviewBar ui={ui} preview={preview} pane={pane} actions={actions} empty={state.phase === 'empty'} blank={blank} templateName={m.pane.templateName} /> : null}
        {state.error ? <ErrorBar error={state.error} ui={ui} onDismiss={pane.dismissError} /> : null}
        <ExcelVersionNote host={host} m={m} />
        {state.busy ? <BusyLine label={busyLabel(state.busy)} /> : null}
        <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => openTab(d.value as TabId)}>
          {TABS.map((t) => {
            const Icon = ICONS[t];
            return t === 'settings' ? (
              <Tooltip key={t} content={tabLabel(t)} relationship="label">
                <Tab value={t} id={`tab-${t}`} className={mergeClasses(styles.tab, styles.gear)} icon={<Icon />} aria-controls={t === tab ? `panel-${t}` : undefined} />
              </Tooltip>
            ) : (
              <Tab key={t} value={t} id={`tab-${t}`} className={styles.tab} icon={{ children: <Icon />, className: styles.tabIcon }} aria-controls={t === tab ? `panel-${t}` : undefined}>
                {tabLabel(t)}
              </Tab>
            );
          })}
        </TabList>
        {/* A tab, once opened, stays mounted (hidden): a reconciliation and its column mapping survive a look at another tab. */}
        {TABS.filter((t) => t === tab || visited.has(t)).map((t) => (
          <div key={t} className={t === tab ? styles.panel : undefined} role="tabpanel" id={`panel-${t}`} aria-labelledby={`tab-${t}`} hidden={t !== tab}>
            {t === 'checks' ? checks() : null}
            {t === 'reconciliation' ? (
              <Suspense fallback={<Spinner size="small" label={ui.loading} />}>
                <RapprochementTab host={host} m={m} lang={state.lang} asOf={state.asOf} />
              </Suspense>
            ) : null}
            {t === 'export' ? (
              <Suspense fallback={<Spinner size="small" label={ui.loading} />}>
                <ExportTab host={host} m={m} lang={state.lang} asOf={state.asOf} />
              </Suspense>
            ) : null}
            {t === 'settings' ? <SettingsTab m={m} lang={state.lang} asOf={state.asOf} convention={state.convention} onLang={pane.setLang} onAsOf={pane.setAsOf} /> : null}
          </div>
        ))}
        {preview ? <SelectionAnnouncer ui={ui} preview={preview} lang={state.lang} className={styles.srOnly} /> : null}
      </main>
      </div>
    </FluentProvider>
  );
}
