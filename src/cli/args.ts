/**
 * The command line, read into one validated command. Any mistake is a usage error (exit 2) that
 * says what is wrong in the user's language.
 */
import { parseArgs } from 'node:util';
import '../zod';
import { z } from 'zod';
import type { Lang, Localized } from '../catalogue/types';
import { usageError } from './errors';
import type { CommandName } from './messages';

export type CliCommand =
  | { command: 'help'; lang: Lang; topic?: CommandName }
  | {
      command: 'evaluate';
      lang: Lang;
      files: string[];
      out?: string;
      json?: string;
      summary?: string;
      plan?: string;
    }
  | { command: 'template'; lang: Lang; out?: string; units?: string[]; plan?: string }
  | { command: 'plan'; action: 'export'; lang: Lang; out?: string }
  | { command: 'demo'; lang: Lang; out?: string };

const OPTIONS = {
  out: { type: 'string' },
  json: { type: 'string' },
  summary: { type: 'string' },
  units: { type: 'string' },
  plan: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
type OptionName = keyof typeof OPTIONS;

const COMMAND_OPTIONS: Record<CommandName, readonly OptionName[]> = {
  evaluate: ['out', 'json', 'summary', 'plan', 'lang', 'help'],
  template: ['out', 'units', 'plan', 'lang', 'help'],
  plan: ['out', 'lang', 'help'],
  demo: ['out', 'lang', 'help'],
};

const COMMANDS = Object.keys(COMMAND_OPTIONS) as CommandName[];

function isCommand(word: string | undefined): word is CommandName {
  return word !== undefined && (COMMANDS as string[]).includes(word);
}

const LangSchema = z.enum(['vi', 'en']);
const Value = z.string().trim().min(1);

const EvaluateSchema = z.object({
  command: z.literal('evaluate'),
  lang: LangSchema,
  files: z.array(Value).min(1),
  out: Value.optional(),
  json: Value.optional(),
  summary: Value.optional(),
  plan: Value.optional(),
});

const TemplateSchema = z.object({
  command: z.literal('template'),
  lang: LangSchema,
  out: Value.optional(),
  units: z.array(Value).min(1).optional(),
  plan: Value.optional(),
});

const PlanSchema = z.object({
  command: z.literal('plan'),
  action: z.literal('export'),
  lang: LangSchema,
  out: Value.optional(),
});

const DemoSchema = z.object({
  command: z.literal('demo'),
  lang: LangSchema,
  out: Value.optional(),
});

const SCHEMAS = {
  evaluate: EvaluateSchema,
  template: TemplateSchema,
  demo: DemoSchema,
  plan: PlanSchema,
};

/** The language for messages, read before anything else so even a usage error speaks it. */
export function requestedLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : null;
    if (value === 'en' || value === 'vi') return value;
  }
  return 'vi';
}

function optionNamed(message: string): string {
  return /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? '';
}

function parseFailure(error: unknown): Localized {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = optionNamed(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return { vi: `Không có tùy chọn ${option}.`, en: `Unknown option ${option}.` };
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return { vi: `Tùy chọn ${option} cần một giá trị.`, en: `Option ${option} needs a value.` };
  }
  return { vi: `Không hiểu dòng lệnh: ${message}`, en: `Cannot read the command line: ${message}` };
}

function schemaFailure(command: CommandName, field: PropertyKey | undefined): Localized {
  switch (field) {
    case 'files':
      return {
        vi: 'Lệnh evaluate cần ít nhất một tệp .xlsx.',
        en: 'The evaluate command needs at least one .xlsx file.',
      };
    case 'lang':
      return { vi: '--lang chỉ nhận "vi" hoặc "en".', en: '--lang takes "vi" or "en".' };
    case 'units':
      return {
        vi: '--units cần ít nhất một tên đơn vị, các tên cách nhau bằng dấu ";".',
        en: '--units needs at least one unit name, names separated by ";".',
      };
    default:
      return {
        vi: `Tùy chọn --${String(field)} của lệnh ${command} cần một giá trị.`,
        en: `Option --${String(field)} of ${command} needs a value.`,
      };
  }
}

/** Reads argv (without "node" and the script) into a command; throws a usage CliError. */
export function parseCommandLine(argv: readonly string[]): CliCommand {
  const lang = requestedLang(argv);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(parseFailure(error));
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;

  if (first === 'help') {
    return { command: 'help', lang, topic: isCommand(rest[0]) ? rest[0] : undefined };
  }
  if (values.help) return { command: 'help', lang, topic: isCommand(first) ? first : undefined };
  if (first === undefined) {
    throw usageError({ vi: 'Thiếu lệnh.', en: 'No command given.' });
  }
  if (!isCommand(first)) {
    throw usageError({
      vi: `Không có lệnh "${first}"; các lệnh là evaluate, template, plan export, demo.`,
      en: `There is no command "${first}"; the commands are evaluate, template, plan export, demo.`,
    });
  }

  const allowed = COMMAND_OPTIONS[first];
  for (const name of Object.keys(values) as OptionName[]) {
    if (!allowed.includes(name)) {
      throw usageError({
        vi: `Lệnh ${first} không có tùy chọn --${name}.`,
        en: `The ${first} command has no option --${name}.`,
      });
    }
  }
  // "plan export": the one action of the plan command (SPEC §8).
  const action = first === 'plan' ? rest.shift() : undefined;
  if (first === 'plan' && action !== 'export') {
    throw usageError({
      vi: `Lệnh plan cần hành động "export" (union-targets plan export [--out TỆP]).`,
      en: `The plan command needs the action "export" (union-targets plan export [--out FILE]).`,
    });
  }
  if (first !== 'evaluate' && rest.length > 0) {
    throw usageError({
      vi: `Lệnh ${first} không nhận "${rest[0]}"; hãy dùng --out.`,
      en: `The ${first} command does not take "${rest[0]}"; use --out.`,
    });
  }

  const candidate = {
    command: first,
    lang: values.lang ?? 'vi',
    files: first === 'evaluate' ? rest : undefined,
    out: values.out,
    json: values.json,
    summary: values.summary,
    plan: values.plan,
    action,
    units:
      values.units === undefined
        ? undefined
        : values.units
            .split(';')
            .map((u) => u.trim())
            .filter((u) => u !== ''),
  };
  const result = SCHEMAS[first].safeParse(candidate);
  if (!result.success) throw usageError(schemaFailure(first, result.error.issues[0]?.path[0]));
  return result.data;
}
