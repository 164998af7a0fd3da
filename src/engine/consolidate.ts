import type { Rule } from '../catalogue/types';
import { evaluateRule } from './evaluate';
import { consolidatedNoDataMessage, consolidationNote } from './messages';
import { Rational } from './rational';
import type { ConsolidatedResult, EngineSettings, RuleInput, RuleResult } from './types';

/**
 * One rule over several units (SPEC §4): count rules sum Thực hiện; ratio, plan and average
 * rules take Σ Thực hiện ÷ Σ Tổng số; the catalogue (provincial) target applies, never a unit's
 * own; for `period` months (the units' common report period, SPEC §2) as a unit's would.
 * Units with no data, invalid data or a direct rate are left out and counted in `unitsLacking`;
 * a not-applicable unit (0/0) is in, adding nothing.
 */
export function consolidate(
  rule: Rule,
  units: { input: RuleInput; result: RuleResult }[],
  settings?: Partial<EngineSettings>,
  period?: number,
): ConsolidatedResult {
  const actualSum = new ExactSum();
  const denominatorSum = new ExactSum();
  let counted = 0;
  let lacking = 0;
  for (let i = 0; i < units.length; i++) {
    const result = units[i].result;
    if (!isCounted(rule, result)) {
      lacking++;
      continue;
    }
    // NOT_APPLICABLE is 0/0: it adds nothing but is counted in.
    if (result.status !== 'NOT_APPLICABLE') {
      actualSum.add(result.exact.actual as Rational);
      if (rule.kind !== 'count') denominatorSum.add(result.exact.denominator as Rational);
    }
    counted++;
  }
  const actual = actualSum.value();
  const denominator = denominatorSum.value();

  const input: RuleInput =
    counted === 0
      ? { actual: { kind: 'empty' }, denominator: { kind: 'empty' }, period }
      : {
          period,
          actual: { kind: 'number', value: actual, percent: false },
          denominator:
            rule.kind === 'count'
              ? { kind: 'empty' }
              : { kind: 'number', value: denominator, percent: false },
        };
  const result = evaluateRule(rule, input, undefined, settings);
  const note = consolidationNote(counted, lacking);
  const message =
    counted === 0
      ? consolidatedNoDataMessage(lacking)
      : { vi: result.message.vi + note.vi, en: result.message.en + note.en };
  return { ...result, message, unitsLacking: lacking, unitsCounted: counted };
}

/** Whether a unit's figures go into the sums: judged on counts, or not applicable (0/0). */
function isCounted(rule: Rule, result: RuleResult): boolean {
  if (result.directRate) return false;
  switch (result.status) {
    case 'MET':
    case 'NEAR':
    case 'MISSED':
      return (
        result.exact.actual !== null && (rule.kind === 'count' || result.exact.denominator !== null)
      );
    case 'NOT_APPLICABLE':
      return true;
    default:
      return false;
  }
}

/** A running exact sum; whole numbers (the usual case) add without building a Rational each. */
class ExactSum {
  private num = 0n;
  private den = 1n;

  add(x: Rational): void {
    if (x.den === this.den) this.num += x.num;
    else {
      this.num = this.num * x.den + x.num * this.den;
      this.den *= x.den;
    }
  }

  value(): Rational {
    return Rational.of(this.num, this.den);
  }
}
