/** The command line of `plan draft` (SPEC §6, §13), read apart from the other commands. */
import type { Lang } from '../catalogue/types';
import { usageError } from './errors';
import type { PlanDraftRequest } from './plan-draft-command';

const ALLOWED = new Set(['out', 'json', 'lang', 'help']);

/** `plan draft <file.txt> [--out FILE] [--json FILE|-]`; throws a usage CliError (exit 2). */
export function parsePlanDraft(
  values: Record<string, string | boolean | undefined>,
  positionals: readonly string[],
  lang: Lang,
): PlanDraftRequest {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!ALLOWED.has(name)) {
      throw usageError({
        vi: `Lệnh plan draft không có tùy chọn --${name}.`,
        en: `The plan draft command has no option --${name}.`,
      });
    }
  }
  if (positionals.length !== 1 || positionals[0].trim() === '') {
    throw usageError(
      positionals.length === 0
        ? {
            vi: 'Lệnh plan draft cần một tệp văn bản (.txt) chứa các chỉ tiêu.',
            en: 'The plan draft command needs one text file (.txt) holding the targets.',
          }
        : {
            vi: `Lệnh plan draft chỉ nhận một tệp; thừa "${positionals[1]}".`,
            en: `The plan draft command takes one file; "${positionals[1]}" is extra.`,
          },
    );
  }
  const text = (name: 'out' | 'json' | 'lang'): string | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw usageError({
        vi: `Tùy chọn --${name} của lệnh plan draft cần một giá trị.`,
        en: `Option --${name} of plan draft needs a value.`,
      });
    }
    return value;
  };
  const chosen = text('lang');
  if (chosen !== undefined && chosen !== 'vi' && chosen !== 'en') {
    throw usageError({ vi: '--lang chỉ nhận "vi" hoặc "en".', en: '--lang takes "vi" or "en".' });
  }
  return {
    command: 'plan-draft',
    lang: chosen ?? lang,
    file: positionals[0],
    out: text('out'),
    json: text('json'),
  };
}
