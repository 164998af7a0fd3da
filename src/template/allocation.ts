/**
 * The allocation sheet "Giao chỉ tiêu" (SPEC §9): the federation's targets for each of its units.
 * Header row: Mã chỉ tiêu | (Nội dung, optional) | one column per unit, headed by its name; each
 * cell a target in the Chỉ tiêu column's syntax (§3), empty for the plan's target. Read from a
 * sheet snapshot, so it does not depend on where the workbook came from.
 */
import { findRule, ruleKey } from '../catalogue';
import type { Catalogue, Lang, Localized, Rule } from '../catalogue/types';
import { formatTarget, quoteCellText } from '../engine';
import type { TargetOverride } from '../engine/types';
import { parseTarget } from '../parsing';
import { toA1 } from './address';
import { SheetGrid } from './grid';
import { foldText, matchColumnLabel } from './header';
import { issueAt } from './issues';
import type { SheetSnapshot, Severity, TemplateIssue, WorkbookSnapshot } from './types';

export const ALLOCATION_SHEET_NAME = 'Giao chỉ tiêu';

const HEADER_SEARCH_ROWS = 30;
/**
 * Header cells that describe the rule rather than name a unit: the template's own labels (STT,
 * Nội dung, ĐVT…) and the plan's target column ("Mục tiêu", "Chỉ tiêu toàn tỉnh").
 */
const NOT_UNIT_LABELS = new Set(
  [
    'muc tieu',
    'muc phan dau',
    'chi tieu nam',
    'chi tieu toan tinh',
    'toan tinh',
    'loai',
    'loai chi tieu',
  ].map((label) => label.replace(/ /g, '')),
);

/** One unit's allocated target for one rule, and the cell it was typed in. */
export interface AllocatedTarget {
  /** null: the cell is empty, the plan's target applies. */
  target: TargetOverride | null;
  cell: string;
}

export interface AllocatedUnit {
  /** The name as the header cell spells it. */
  name: string;
  /** The header cell, e.g. "D4". */
  cell: string;
  /** Allocated targets by rule code; a rule without an entry takes the plan's target. */
  targets: Map<string, AllocatedTarget>;
}

export interface Allocation {
  sheet: string;
  file?: string;
  units: AllocatedUnit[];
}

export interface AllocationReading {
  /** null when the sheet cannot be used (an error issue says why). */
  allocation: Allocation | null;
  issues: TemplateIssue[];
}

/**
 * A unit's name for matching: case, diacritics and spacing ignored (SPEC §9), so "LĐLĐ huyện
 * Tiên Du" = "ldld  HUYEN tien du".
 */
export function unitKey(name: string): string {
  return foldText(name).replace(/\s+/g, '');
}

/** Whether a sheet is the allocation sheet: its name matched as labels are. */
export function isAllocationSheet(sheet: { name: string }): boolean {
  return unitKey(String(sheet.name)) === unitKey(ALLOCATION_SHEET_NAME);
}

/** The first allocation sheet among the workbooks, with the file it is in. */
export function findAllocationSheet(
  workbooks: readonly WorkbookSnapshot[],
): { sheet: SheetSnapshot; file?: string } | null {
  for (const workbook of workbooks) {
    const sheet = workbook.sheets.find(isAllocationSheet);
    if (sheet) return workbook.file === undefined ? { sheet } : { sheet, file: workbook.file };
  }
  return null;
}

/** Reads an allocation sheet; never throws, whatever the snapshot holds. */
export function readAllocationSheet(
  sheet: SheetSnapshot,
  catalogue: Catalogue,
  file?: string,
): AllocationReading {
  const grid = new SheetGrid(sheet);
  const issues: TemplateIssue[] = [];
  const issue = (severity: Severity, kind: string, cell: string | null, text: Localized) => {
    issues.push(issueAt(severity, kind, { sheet: grid.name, cell, file }, text));
  };

  const header = findHeaderRow(grid);
  if (!header) {
    issue('error', 'allocation-no-header', null, {
      vi: `trang giao chỉ tiêu cần một dòng tiêu đề (trong 30 dòng đầu) có cột "Mã chỉ tiêu" và một cột cho mỗi đơn vị; chưa tìm thấy nên chỉ tiêu giao không được dùng.`,
      en: `the allocation sheet needs a header row (within its first 30 rows) with a "Mã chỉ tiêu" (code) column and one column per unit; none was found, so no allocated target is used.`,
    });
    return { allocation: null, issues };
  }

  const units: (AllocatedUnit & { col: number })[] = [];
  const byKey = new Map<string, AllocatedUnit>();
  for (let c = grid.left; c < grid.right; c++) {
    if (c === header.codeCol) continue;
    const name = grid.text(header.row, c);
    if (name === null || matchColumnLabel(name) !== null) continue;
    if (NOT_UNIT_LABELS.has(unitKey(name))) continue;
    const cell = toA1(header.row, c);
    const key = unitKey(name);
    const same = byKey.get(key);
    if (same) {
      issue('error', 'allocation-duplicate-unit', cell, {
        vi: `đơn vị "${quoteCellText(name)}" đã có cột ở ô ${same.cell}; cột này bị bỏ qua. Mỗi đơn vị chỉ một cột.`,
        en: `unit "${quoteCellText(name)}" already has a column at ${same.cell}; this column is ignored. One column per unit.`,
      });
      continue;
    }
    const unit = { name, cell, targets: new Map<string, AllocatedTarget>(), col: c };
    byKey.set(key, unit);
    units.push(unit);
  }
  if (units.length === 0) {
    issue('warning', 'allocation-no-units', toA1(header.row, header.codeCol), {
      vi: 'dòng tiêu đề không có cột đơn vị nào (mỗi đơn vị một cột, tiêu đề là tên đơn vị).',
      en: 'the header row has no unit column (one column per unit, headed by its name).',
    });
    return { allocation: null, issues };
  }

  const rows = new Map<string, { rule: Rule; rows: number[] }>();
  for (let r = header.row + 1; r < grid.bottom; r++) {
    const typed = grid.text(r, header.codeCol);
    if (typed === null) continue;
    const rule = findRule(catalogue, typed);
    if (rule) {
      const entry = rows.get(rule.code);
      if (entry) entry.rows.push(r);
      else rows.set(rule.code, { rule, rows: [r] });
    } else if (ruleKey(typed) !== null) {
      issue('warning', 'allocation-unknown-code', toA1(r, header.codeCol), {
        vi: `mã chỉ tiêu "${quoteCellText(typed)}" không có trong bộ chỉ tiêu năm ${catalogue.year}; dòng này không được dùng.`,
        en: `code "${quoteCellText(typed)}" is not in the ${catalogue.year} plan; this row is not used.`,
      });
    }
  }

  for (const { rule, rows: at } of rows.values()) {
    if (at.length > 1) {
      const cells = at.map((r) => toA1(r, header.codeCol)).join(', ');
      for (const r of at) {
        issue('error', 'allocation-duplicate-code', toA1(r, header.codeCol), {
          vi: `mã chỉ tiêu ${rule.code} có ở nhiều dòng (${cells}); không dòng nào được dùng, các đơn vị theo chỉ tiêu chung.`,
          en: `code ${rule.code} is on several rows (${cells}); none of them is used, the units take the plan's target.`,
        });
      }
      continue;
    }
    const row = at[0];
    for (const unit of units) {
      const cell = toA1(row, unit.col);
      const parsed = parseTarget(grid.value(row, unit.col), grid.format(row, unit.col), rule);
      if (parsed.kind === 'ok') unit.targets.set(rule.code, { target: parsed.target, cell });
      else if (parsed.kind === 'none') unit.targets.set(rule.code, { target: null, cell });
      else {
        issue('error', 'allocation-unreadable-target', cell, {
          vi: `không đọc được chỉ tiêu giao "${quoteCellText(parsed.text)}" của ${rule.code} cho "${unit.name}"; đơn vị này theo chỉ tiêu tự ghi trong báo cáo (hoặc chỉ tiêu chung). Hãy ghi như "≥ 20", "Trên 85%", "từ 95% trở lên".`,
          en: `cannot read the allocated target "${quoteCellText(parsed.text)}" of ${rule.code} for "${unit.name}"; that unit keeps the target in its own report (or the plan's). Write it as "≥ 20", "Trên 85%", "từ 95% trở lên".`,
        });
      }
    }
  }

  const allocation: Allocation = {
    sheet: grid.name,
    units: units.map(({ name, cell, targets }) => ({ name, cell, targets })),
  };
  if (file !== undefined) allocation.file = file;
  return { allocation, issues };
}

/** The first row within the first 30 that holds a Mã chỉ tiêu label. */
function findHeaderRow(grid: SheetGrid): { row: number; codeCol: number } | null {
  const end = Math.min(grid.bottom, grid.top + HEADER_SEARCH_ROWS);
  for (let r = grid.top; r < end; r++) {
    for (let c = grid.left; c < grid.right; c++) {
      const text = grid.text(r, c);
      if (text !== null && matchColumnLabel(text) === 'code') return { row: r, codeCol: c };
    }
  }
  return null;
}

/**
 * A unit's allocated targets as the template's Chỉ tiêu column shows them ("≥ 30", "> 85%"), for
 * `template --plan` (SPEC §9); rules left empty in the allocation show the plan's target.
 */
export function allocatedTargetTexts(
  unit: AllocatedUnit,
  catalogue: Catalogue,
  lang: Lang,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const rule of catalogue.rules) {
    const target = unit.targets.get(rule.code)?.target;
    if (!target) continue;
    const comparator = target.comparator ?? rule.comparator;
    texts[rule.code] = formatTarget(comparator, target.value.toNumber(), rule.kind, lang);
  }
  return texts;
}
