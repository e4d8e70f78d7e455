import {
  FluentProvider,
  makeStyles,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  teamsHighContrastTheme,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import type { WorkbookHost } from '../hosts/host';
import type { PreviewHost } from '../hosts/preview';
import { Conformity } from './components/Conformity';
import { Dashboard } from './components/Dashboard';
import { ErrorBar } from './components/ErrorBar';
import { ExcelVersionNote } from './components/ExcelVersionNote';
import { ExportTab } from './components/ExportTab';
import { FindingsList } from './components/FindingsList';
import { InitPanel } from './components/InitPanel';
import { GridView, PreviewBar, SelectionAnnouncer } from './components/Preview';
import { RapprochementTab } from './components/RapprochementTab';
import { SettingsTab } from './components/SettingsTab';
import { SyncStatus } from './components/SyncStatus';
import { useTaskpane } from './useTaskpane';
import { findingsFirst } from './view';

type TabId = 'checks' | 'reconciliation' | 'export' | 'settings';
const TABS: TabId[] = ['checks', 'reconciliation', 'export', 'settings'];

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: '280px', maxWidth: '760px', boxSizing: 'border-box' },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  // Four tabs do not fit on one line of a 360 px pane: there they stand as two aligned columns
  // rather than two ragged rows.
  tabs: {
    flexWrap: 'wrap',
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    '@media (max-width: 479px)': { display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', justifyItems: 'start' },
  },
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
  const openTab = (t: TabId) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set([...v, t])));
  };
  const highContrast = useHighContrast();

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = ui.appTitle;
  }, [state.lang, ui.appTitle]);

  const checks = () => {
    if (state.phase === 'loading') return <Spinner size="small" label={ui.loading} />;
    if (state.phase === 'empty')
      return (
        <>
          {preview ? <Text>{ui.preview.empty}</Text> : null}
          <InitPanel ui={ui} busy={state.busy === 'init'} onInitialize={(ex) => void pane.initialize(ex)} />
        </>
      );
    const findings = state.result ? (
      <FindingsList
        key="findings"
        m={m}
        findings={state.result.findings}
        current={state.current}
        onSelect={(f) => void pane.select(f)}
        renderCurrent={preview ? () => <GridView ui={ui} preview={preview} lang={state.lang} /> : undefined}
      />
    ) : null;
    const conformity = state.analysis ? <Conformity key="conformity" m={m} lang={state.lang} totals={state.analysis.totals} /> : null;
    return (
      <>
        <Dashboard m={m} lang={state.lang} asOf={state.asOf} result={state.result} syncing={state.busy === 'sync'} onSync={() => void pane.sync()} onRestore={() => void pane.restore()} />
        {state.lastSync ? <SyncStatus ui={ui} at={state.lastSync.at} sheet={state.lastSync.sheet} onShow={(sheet) => void pane.showSheet(sheet)} /> : null}
        {/* What is wrong first: with errors or warnings the findings come before the grid. */}
        {state.result && findingsFirst(state.result) ? [findings, conformity] : [conformity, findings]}
      </>
    );
  };

  return (
    <FluentProvider theme={highContrast ? teamsHighContrastTheme : webLightTheme} className={styles.provider} lang={state.lang}>
      <main className={styles.main}>
        <h1 className={styles.h1}>{ui.appTitle}</h1>
        {preview ? <PreviewBar ui={ui} preview={preview} pane={pane} /> : null}
        {state.error ? <ErrorBar error={state.error} ui={ui} onDismiss={pane.dismissError} /> : null}
        <ExcelVersionNote host={host} m={m} />
        {state.busy ? <ProgressBar thickness="large" aria-label={state.busy === 'init' ? ui.init.busy : ui.dashboard.syncing} /> : null}
        <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => openTab(d.value as TabId)}>
          {TABS.map((t) => (
            <Tab key={t} value={t} id={`tab-${t}`} aria-controls={t === tab ? `panel-${t}` : undefined}>
              {ui.tabs[t]}
            </Tab>
          ))}
        </TabList>
        {/* A tab, once opened, stays mounted (hidden): a reconciliation and its column mapping survive a look at another tab. */}
        {TABS.filter((t) => t === tab || visited.has(t)).map((t) => (
          <div key={t} className={t === tab ? styles.panel : undefined} role="tabpanel" id={`panel-${t}`} aria-labelledby={`tab-${t}`} hidden={t !== tab}>
            {t === 'checks' ? checks() : null}
            {t === 'reconciliation' ? <RapprochementTab host={host} m={m} lang={state.lang} asOf={state.asOf} /> : null}
            {t === 'export' ? <ExportTab host={host} m={m} lang={state.lang} asOf={state.asOf} /> : null}
            {t === 'settings' ? <SettingsTab ui={ui} lang={state.lang} asOf={state.asOf} onLang={pane.setLang} onAsOf={pane.setAsOf} /> : null}
          </div>
        ))}
        {preview ? <SelectionAnnouncer ui={ui} preview={preview} lang={state.lang} className={styles.srOnly} /> : null}
      </main>
    </FluentProvider>
  );
}
