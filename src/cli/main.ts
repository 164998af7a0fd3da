/**
 * `union-targets`: the command line (SPEC §6). Exit 0 when it ran, 1 when a file cannot be read
 * or written or holds no report sheet, 2 for a wrong command line. Never a stack trace.
 */
import type { Lang } from '../catalogue/types';
import { parseCommandLine, requestedLang, type CliCommand } from './args';
import { runDemo } from './demo';
import { CliError } from './errors';
import { evaluateFiles } from './evaluate-command';
import { CLI_TEXT, helpText, usageText } from './messages';
import { demoReport, evaluateReport } from './report';
import { exportPlan } from './plan-command';
import { writeTemplate } from './template-command';

/** Where the CLI prints; the tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

async function run(command: Exclude<CliCommand, { command: 'help' }>, io: CliIO): Promise<void> {
  const lang = command.lang;
  switch (command.command) {
    case 'evaluate': {
      const outcome = await evaluateFiles(command);
      // With "--json -" standard output is the JSON alone; the report goes to standard error.
      const report = evaluateReport(outcome, lang);
      if (outcome.jsonText !== null) {
        io.err(report);
        io.out(outcome.jsonText);
      } else {
        io.out(report);
      }
      return;
    }
    case 'template': {
      const { file, sheets } = await writeTemplate(command);
      io.out(
        lang === 'vi'
          ? `${CLI_TEXT.written[lang]} ${file} (${sheets.length} trang: ${sheets.join(', ')})\n`
          : `${CLI_TEXT.written[lang]} ${file} (${sheets.length} sheet(s): ${sheets.join(', ')})\n`,
      );
      return;
    }
    case 'demo':
      io.out(demoReport(await runDemo(command), lang));
      return;
    case 'plan': {
      const { file, sheet } = await exportPlan(command);
      io.out(`${CLI_TEXT.written[lang]} ${file} (${lang === 'vi' ? 'trang' : 'sheet'} ${sheet})\n`);
      return;
    }
  }
}

function printReasons(error: CliError, lang: Lang, io: CliIO): void {
  const label = error.exitCode === 2 ? CLI_TEXT.usageError[lang] : CLI_TEXT.error[lang];
  for (const reason of error.reasons) io.err(`${label}: ${reason[lang]}\n`);
  if (error.exitCode === 2) io.err(`\n${usageText(lang)}\n`);
}

/** Runs the CLI on `argv` (without "node" and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const lang = requestedLang(argv);
  try {
    const command = parseCommandLine(argv);
    if (command.command === 'help') {
      io.out(helpText(command.lang, command.topic));
      return 0;
    }
    await run(command, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      printReasons(error, lang, io);
      return error.exitCode;
    }
    // A fault of the program itself: one plain line, no stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`${CLI_TEXT.error[lang]}: ${CLI_TEXT.unexpected[lang]} (${detail})\n`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
