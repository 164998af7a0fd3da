// The ribbon's function commands, Đánh giá and Tạo bảng tổng hợp: run the same action as the
// pane, then report the outcome in a small dialog. Excel has no notification area for function
// commands, so the dialog is the notification; event.completed() is always called.
import { errorText } from '../taskpane/error-text';
import { languageFromDisplayLanguage } from '../taskpane/strings';
import { evaluateInExcel } from '../workbook/office/actions';
import { reportToQuery, type CommandReport, type RibbonCommand } from './result-report';

/**
 * Office.context exists only once Office is initialised in this runtime (docs/develop/
 * initialize-add-in.md; office-js#246): every command waits for it. The actions are associated at
 * once, so that a click arriving first is not lost.
 */
const officeReady: Promise<unknown> = Office.onReady();

/** A forgotten dialog must not keep the command running for ever. */
const DIALOG_TIMEOUT_MS = 2 * 60 * 1000;

async function runAction(command: RibbonCommand): Promise<CommandReport> {
  const lang = languageFromDisplayLanguage(Office.context?.displayLanguage);
  try {
    const outcome = await evaluateInExcel({ summary: command === 'summarize', lang });
    return {
      command,
      lang,
      ok: true,
      counts: outcome.counts,
      units: outcome.evaluation.units.length,
      summarySheet: outcome.summarySheet,
    };
  } catch (error) {
    return { command, lang, ok: false, error: errorText(error)[lang] };
  }
}

/** Shows the report; resolves when the dialog is closed, could not open, or timed out. */
function showReport(report: CommandReport): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL('result.html', window.location.href);
    url.search = reportToQuery(report);
    try {
      Office.context.ui.displayDialogAsync(
        url.toString(),
        { height: 40, width: 30, displayInIframe: true },
        (opened) => {
          if (opened.status !== Office.AsyncResultStatus.Succeeded) {
            console.error(opened.error);
            resolve();
            return;
          }
          const dialog = opened.value;
          let finished = false;
          const finish = (closeDialog: boolean) => {
            if (finished) return;
            finished = true;
            clearTimeout(timer);
            if (closeDialog) dialog.close();
            resolve();
          };
          const timer = setTimeout(() => finish(true), DIALOG_TIMEOUT_MS);
          // The dialog's Close button sends a message; the window's own X raises an event.
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(true));
          dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(false));
        },
      );
    } catch (error) {
      console.error(error);
      resolve();
    }
  });
}

async function runCommand(command: RibbonCommand, event: Office.AddinCommands.Event) {
  try {
    await officeReady;
    await showReport(await runAction(command));
  } finally {
    event.completed();
  }
}

// The names are the manifest's <FunctionName>s. Office.js is loaded before this script runs.
Office.actions.associate('evaluate', (event: Office.AddinCommands.Event) =>
  runCommand('evaluate', event),
);
Office.actions.associate('summarize', (event: Office.AddinCommands.Event) =>
  runCommand('summarize', event),
);
