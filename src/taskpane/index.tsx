/**
 * Entry point. Inside Excel, Office.onReady names the host and the pane talks to Excel; anywhere
 * else (a plain browser: info.host === null, or office.js absent) the same pane runs on the preview
 * host, on a workbook held in memory.
 */
import { createRoot } from 'react-dom/client';
import { officeApplication } from '../hosts/office/ready';
import { PreviewHost } from '../hosts/preview';
import { App } from './App';
import { createOfficeHost } from './officeHost';
import { storedLang } from './useTaskpane';

async function main(): Promise<void> {
  // An older Office's webview (office-loader.js said so, and why, in the page): nothing to render.
  if (document.documentElement.hasAttribute('data-unsupported')) return;
  const root = createRoot(document.getElementById('container')!);
  const host = await officeApplication();
  if (host === 'Excel') {
    const lang = storedLang();
    root.render(<App host={await createOfficeHost(lang)} lang={lang} />);
    return;
  }
  const preview = new PreviewHost();
  root.render(<App host={preview} preview={preview} />);
}

void main();
