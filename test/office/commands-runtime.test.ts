/**
 * The ribbon's function commands in their own runtime, where Office.context exists only after
 * Office.onReady (docs/develop/initialize-add-in.md; office-js#246): the command runs, and its
 * dialog opens, for a success and for an error alike.
 */
import { reportFromQuery } from '../../src/commands/result-report';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import { emptyWorkbook } from '../host/model';
import { WINDOWS_VI } from '../host/platform';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { DISTRICT_FIGURES, reportWorkbook } from './workbooks';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** The commands page loaded in a fresh runtime of the host; resolves once it has started. */
async function commandsPage(host: ExcelHost): Promise<void> {
  host.newRuntime();
  const uninstall = installHost(host);
  const scope = globalThis as Record<string, unknown>;
  const hadWindow = 'window' in scope;
  scope.window = { location: { href: 'https://localhost:3000/commands.html' } };
  restore = () => {
    uninstall();
    if (!hadWindow) delete scope.window;
  };
  jest.isolateModules(() => {
    jest.requireActual('../../src/commands/commands');
  });
  // Office.onReady resolves asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Clicks a ribbon button; closes its dialog once it opens; resolves when the command completes. */
async function click(host: ExcelHost, name: string): Promise<void> {
  const action = host.associated.get(name);
  expect(action).toBeDefined();
  const completed = new Promise<void>((resolve) => {
    void action!({ completed: () => resolve() });
  });
  const closer = setInterval(() => host.openDialog?.closeByUser(), 5);
  await completed;
  clearInterval(closer);
}

describe('ribbon commands runtime', () => {
  it('waits for Office.onReady, evaluates, and shows the result dialog', async () => {
    const wb = reportWorkbook([{ sheet: 'Báo cáo', unit: 'A', figures: DISTRICT_FIGURES }]);
    const host = new ExcelHost(modelFromWorkbook(wb), { platform: WINDOWS_VI });
    await commandsPage(host);
    await click(host, 'evaluate');
    expect(host.dialogs).toHaveLength(1);
    const url = new URL(host.dialogs[0]);
    expect(url.pathname).toBe('/result.html');
    expect(reportFromQuery(url.search)).toMatchObject({ ok: true, units: 1 });
    expect(Object.values(host.sheet('Báo cáo').cells).some((c) => c.fill)).toBe(true);
  });

  it('shows the error dialog when there is no report sheet', async () => {
    const host = new ExcelHost(emptyWorkbook(['Sheet1']), { platform: WINDOWS_VI });
    await commandsPage(host);
    await click(host, 'summarize');
    expect(host.dialogs).toHaveLength(1);
    expect(reportFromQuery(new URL(host.dialogs[0]).search)).toMatchObject({
      ok: false,
      error: expect.stringContaining('trang tính báo cáo'),
    });
  });
});
