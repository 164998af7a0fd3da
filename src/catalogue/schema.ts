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

/** "110", "90", "12.5": a positive decimal, kept as text so that it stays exact. */
const decimalTarget = z
  .string()
  .regex(
    /^(?=.*[1-9])\d+(\.\d+)?$/,
    'must be a positive decimal number as text, e.g. "110" or "90"',
  );

const ruleSchema = z
  .object({
    code: z.string().regex(/^(I|II)\.\d+[a-z]?$/, 'must look like "I.1a" or "II.7b"'),
    section: z.enum(['I', 'II']),
    kind: z.enum(['count', 'ratio', 'plan']),
    comparator: z.enum(['>=', '>']),
    target: decimalTarget,
    unit: localized,
    itemUnit: localized,
    numerator: localized,
    denominator: localized.nullable(),
    wording: localized,
    integer: z.boolean(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (!rule.code.startsWith(`${rule.section}.`)) {
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
    if (rule.kind === 'count' && !/^\d+$/.test(rule.target)) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'a count target must be a whole number',
      });
    }
    if (rule.kind === 'ratio' && Number(rule.target) > 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'a ratio target is a percentage of at most 100',
      });
    }
    if (rule.kind === 'plan' && rule.integer) {
      ctx.addIssue({
        code: 'custom',
        path: ['integer'],
        message: 'money amounts of a plan rule need not be whole: must be false',
      });
    }
  });

const catalogueSchema = z
  .object({
    id: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    title: localized,
    sections: z.array(z.object({ id: z.enum(['I', 'II']), title: localized }).strict()).min(1),
    rules: z.array(ruleSchema).min(1),
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
      if (!sectionIds.has(rule.section)) {
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
