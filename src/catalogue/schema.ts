import '../zod';
import { z } from 'zod';
import type { Catalogue } from './types';

/**
 * The shape of a year's catalogue (SPEC §1). A broken catalogue must say which rule and which
 * field are wrong, so a mistake in next year's file is found at load time, not in a report.
 */
const localized = z.object({
  vi: z.string().trim().min(1, 'Vietnamese text is empty'),
  en: z.string().trim().min(1, 'English text is empty'),
});

/** "110", "90", "12.5", "0": a decimal of at least 0, kept as text so that it stays exact. */
const decimalTarget = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a decimal number as text, e.g. "110" or "90"');

const comparator = z.enum(['>=', '>', '<=', '<']);

/** I, II, III, IV…: the numeral of a section (SPEC §8), upper case. */
const ROMAN = /^(?=[IVXLCDM])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const sectionId = z.string().regex(ROMAN, 'must be a Roman numeral, e.g. "I" or "III"');

/** A code of the Roman.number.letter shape names its section: "II.1a" belongs to II. */
const ROMAN_CODE = /^([IVXLCDM]+)\./;

const periodTargetSchema = z
  .object({
    months: z.number().int().min(1).max(11),
    comparator,
    target: decimalTarget,
  })
  .strict();

/** Problems of one target (the yearly one, or one of a period) that depend on the kind. */
function checkTarget(
  kind: string,
  cmp: string,
  target: string,
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const zero = !/[1-9]/.test(target);
  if (zero && (cmp === '>=' || cmp === '>')) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `a "${cmp}" target of 0 asks for nothing: must be more than 0`,
    });
  }
  if (kind === 'count' && !/^\d+$/.test(target)) {
    ctx.addIssue({ code: 'custom', path, message: 'a count target must be a whole number' });
  }
  if (kind === 'ratio' && Number(target) > 100) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: 'a ratio target is a percentage of at most 100',
    });
  }
}

const ruleSchema = z
  .object({
    code: z.string().trim().min(1, 'is empty').max(20, 'must be at most 20 characters'),
    // '' for the rules above a plan sheet's first section heading (SPEC §8: "none before the first").
    section: sectionId.or(z.literal('')),
    kind: z.enum(['count', 'ratio', 'plan', 'average']),
    comparator,
    target: decimalTarget,
    unit: localized,
    itemUnit: localized,
    numerator: localized,
    denominator: localized.nullable(),
    wording: localized,
    integer: z.boolean(),
    periodTargets: z.array(periodTargetSchema).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const roman = ROMAN_CODE.exec(rule.code);
    if (roman && ROMAN.test(roman[1]) && roman[1] !== rule.section) {
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: `section "${rule.section}" does not match the code "${rule.code}"`,
      });
    }
    if (rule.kind === 'count' && rule.denominator !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['denominator'],
        message: 'a count rule has no Tổng số: must be null',
      });
    }
    if (rule.kind !== 'count' && rule.denominator === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['denominator'],
        message: `a ${rule.kind} rule needs what Tổng số counts`,
      });
    }
    checkTarget(rule.kind, rule.comparator, rule.target, ['target'], ctx);
    const months = new Set<number>();
    rule.periodTargets?.forEach((period, i) => {
      checkTarget(rule.kind, period.comparator, period.target, ['periodTargets', i, 'target'], ctx);
      if (months.has(period.months)) {
        ctx.addIssue({
          code: 'custom',
          path: ['periodTargets', i, 'months'],
          message: `two targets for ${period.months} months`,
        });
      }
      months.add(period.months);
    });
    if (rule.kind === 'plan' && rule.integer) {
      ctx.addIssue({
        code: 'custom',
        path: ['integer'],
        message: 'money amounts of a plan rule need not be whole: must be false',
      });
    }
  });

const planSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin') }).strict(),
  z
    .object({
      kind: z.literal('sheet'),
      file: z.string().min(1).nullable(),
      sheet: z.string().min(1),
    })
    .strict(),
]);

const catalogueSchema = z
  .object({
    id: z.string().min(1),
    // 0: a plan sheet that gives no year (SPEC §8: a warning; titles then say no year).
    year: z.number().int().min(2000).max(2100).or(z.literal(0)),
    title: localized,
    sections: z.array(z.object({ id: sectionId, title: localized }).strict()),
    rules: z.array(ruleSchema).min(1),
    source: planSourceSchema.optional(),
  })
  .strict()
  .superRefine((cat, ctx) => {
    const sectionIds = new Set(cat.sections.map((s) => s.id));
    const seen = new Set<string>();
    cat.rules.forEach((rule, i) => {
      if (seen.has(rule.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'code'],
          message: `the code "${rule.code}" appears twice`,
        });
      }
      seen.add(rule.code);
      if (rule.section !== '' && !sectionIds.has(rule.section)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'section'],
          message: `section "${rule.section}" is not among the catalogue's sections`,
        });
      }
    });
  });

/** Names the rule (by its code when it has one) and the field of one problem. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const raw = (data as { rules?: unknown[] }).rules?.[path[1]];
    const code =
      raw && typeof raw === 'object' && typeof (raw as { code?: unknown }).code === 'string'
        ? (raw as { code: string }).code
        : `#${path[1] + 1}`;
    const field = path.slice(2).map(String).join('.') || '(the rule itself)';
    return `rule ${code}, field "${field}": ${issue.message}`;
  }
  const field = path.map(String).join('.') || '(the catalogue itself)';
  return `field "${field}": ${issue.message}`;
}

/** Validates a catalogue; throws an Error listing every problem by rule code and field. */
export function parseCatalogue(data: unknown): Catalogue {
  const result = catalogueSchema.safeParse(data);
  if (result.success) return result.data as Catalogue;
  const id =
    data && typeof data === 'object' && typeof (data as { id?: unknown }).id === 'string'
      ? ` "${(data as { id: string }).id}"`
      : '';
  const problems = result.error.issues.map((issue) => describeIssue(data, issue));
  throw new Error(`Invalid catalogue${id}: ${problems.join('; ')}`);
}
