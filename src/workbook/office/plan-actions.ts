/**
 * The plan of the open workbook (SPEC §8): a plan sheet "Bộ chỉ tiêu" in it, else the built-in
 * 2020 plan; and *Chèn bộ chỉ tiêu*, which inserts the 2020 plan as a plan sheet to edit.
 */
import { loadCatalogue } from '../../catalogue/index';
import { choosePlan } from '../../catalogue/plan-choice';
import type { Catalogue, Lang } from '../../catalogue/types';
import { buildPlanSheet, catalogueToPlanSheetInput } from '../../template/plan-sheet';
import type { SheetPlan, WorkbookSnapshot } from '../../template/types';
import { UserFacingError } from '../errors';
import { addSheet } from './adapter';
import type { SyncCounter } from './sync';

/** How many of a plan's errors the pane lists before "and N more". */
const LISTED_ERRORS = 8;

/**
 * The workbook's plan. A plan sheet with errors, or two different plan sheets, is a
 * UserFacingError listing each error with its sheet and cell: nothing is evaluated.
 */
export function planOfWorkbook(snapshot: WorkbookSnapshot): Catalogue {
  const choice = choosePlan([snapshot]);
  if (choice.catalogue) return choice.catalogue;
  const errors = choice.issues.filter((issue) => issue.severity === 'error');
  const more = errors.length - LISTED_ERRORS;
  const listed = errors.slice(0, LISTED_ERRORS);
  const lines = (lang: Lang) => [
    ...listed.map((issue) => `• ${issue.message[lang]}`),
    ...(more > 0 ? [lang === 'vi' ? `… và ${more} lỗi khác.` : `… and ${more} more.`] : []),
  ];
  throw new UserFacingError({
    vi: ['Bộ chỉ tiêu trong sổ làm việc có lỗi nên chưa đánh giá được:', ...lines('vi')].join('\n'),
    en: ['The plan in this workbook has errors, so nothing was evaluated:', ...lines('en')].join(
      '\n',
    ),
  });
}

/** The workbook's plan when it can be used, else the built-in one (for clearing results). */
export function planOfWorkbookOrBuiltin(snapshot: WorkbookSnapshot): Catalogue {
  return choosePlan([snapshot]).catalogue ?? loadCatalogue();
}

/** The 2020 plan as a plan sheet, under the name given. */
export function builtinPlanSheet(lang: Lang, sheetName?: string): SheetPlan {
  return buildPlanSheet({ ...catalogueToPlanSheetInput(loadCatalogue(), lang), sheetName });
}

/** Adds the plan sheet to the workbook (made active), in the one sync of addSheet. */
export async function addPlanSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  counter: SyncCounter,
): Promise<void> {
  await addSheet(context, plan, counter);
}
