import fc from 'fast-check';
import { findRule, loadCatalogue } from '../../src/catalogue';
import type { Rule } from '../../src/catalogue/types';
import { consolidate, evaluateRule } from '../../src/engine';
import { Rational } from '../../src/engine/rational';
import type { RuleInput, RuleResult } from '../../src/engine/types';
import { parseCell, parseTarget } from '../../src/parsing';
import type { CellValue } from '../../src/template/types';

const catalogue = loadCatalogue();
function rule(code: string): Rule {
  const found = findRule(catalogue, code);
  if (!found) throw new Error(`no rule ${code}`);
  return found;
}

/** Units as the template reader gives them: inputs and their results. */
function units(
  code: string,
  rows: [CellValue, CellValue, CellValue?][],
): { input: RuleInput; result: RuleResult }[] {
  return rows.map(([actual, denominator, target]) => {
    const parsedTarget = target === undefined ? null : parseTarget(target, undefined, rule(code));
    const input: RuleInput = {
      actual: parseCell(actual),
      denominator: parseCell(denominator),
      target: parsedTarget?.kind === 'ok' ? parsedTarget.target : null,
    };
    return { input, result: evaluateRule(rule(code), input, { sheet: 'S', actualCell: 'F1' }) };
  });
}

describe('consolidate (SPEC §4)', () => {
  it('sums Thực hiện of a count rule and compares with the catalogue target', () => {
    const c = consolidate(
      rule('I.1a'),
      units('I.1a', [
        [40, null],
        [35, null],
        [36, null],
      ]),
    );
    expect(c).toMatchObject({
      code: 'I.1a',
      status: 'MET',
      actual: 111,
      required: 110,
      gap: 1,
      unitsCounted: 3,
      unitsLacking: 0,
    });
    expect(c.message.vi).toContain('Tổng hợp từ 3 đơn vị');
    expect(c.message.vi).not.toContain('thiếu số liệu');
  });

  it('takes Σ Thực hiện ÷ Σ Tổng số for a ratio rule, not the mean of the rates', () => {
    // Rates 100% and 50%: their mean is 75%, the pooled rate 11/20 = 55%.
    const c = consolidate(
      rule('I.2b'),
      units('I.2b', [
        [1, 1],
        [9, 18],
        [1, 1],
      ]),
    );
    expect(c).toMatchObject({ actual: 11, denominator: 20, rate: 0.55, required: 16, gap: -5 });
    expect(c.status).toBe('MISSED');
  });

  it('uses the catalogue target even where units had their own', () => {
    const c = consolidate(
      rule('I.2b'),
      units('I.2b', [
        [35, 50, '≥ 70%'],
        [36, 50, 'Trên 70%'],
      ]),
    );
    expect(c).toMatchObject({ target: 0.8, comparator: '>=', targetOverridden: false });
    expect(c).toMatchObject({ actual: 71, denominator: 100, required: 80, status: 'MISSED' });
  });

  it('leaves out units with no data, invalid data or a direct rate, and counts them', () => {
    const c = consolidate(
      rule('I.2b'),
      units('I.2b', [
        [45, 52],
        [null, 30],
        ['abc', 30],
        ['90%', null],
        [40, 50],
        [60, 50],
      ]),
    );
    expect(c).toMatchObject({ actual: 85, denominator: 102, unitsCounted: 2, unitsLacking: 4 });
    expect(c.status).toBe('MET');
    expect(c.message.vi).toContain('thiếu số liệu của 4 đơn vị');
    expect(c.message.en).toContain('data missing from 4 units');
  });

  it('counts a not-applicable unit in, adding 0/0', () => {
    const c = consolidate(
      rule('II.1b'),
      units('II.1b', [
        [0, 0],
        [3, 3],
      ]),
    );
    expect(c).toMatchObject({ status: 'MET', actual: 3, denominator: 3, unitsCounted: 2 });
    const none = consolidate(
      rule('II.1b'),
      units('II.1b', [
        [0, 0],
        [0, 0],
      ]),
    );
    expect(none).toMatchObject({ status: 'NOT_APPLICABLE', unitsCounted: 2, unitsLacking: 0 });
  });

  it('is NO_DATA when every unit lacks figures, or there is no unit', () => {
    const c = consolidate(
      rule('I.6'),
      units('I.6', [
        [null, 10],
        ['#N/A', 10],
      ]),
    );
    expect(c).toMatchObject({ status: 'NO_DATA', unitsCounted: 0, unitsLacking: 2, actual: null });
    expect(c.message.vi).toContain('thiếu số liệu của 2 đơn vị');
    const empty = consolidate(rule('I.6'), []);
    expect(empty).toMatchObject({ status: 'NO_DATA', unitsLacking: 0, unitsCounted: 0 });
    expect(empty.message.vi).toBe('Chưa có số liệu: chưa có đơn vị nào.');
  });

  it('sums money of a plan rule exactly, decimals included', () => {
    const c = consolidate(
      rule('I.5a'),
      units('I.5a', [
        ['500.000.000,5', '600.000.000'],
        ['499.999.999,5', '400.000.000'],
      ]),
    );
    expect(c.exact.actual?.eq(Rational.of(1_000_000_000))).toBe(true);
    expect(c).toMatchObject({ status: 'MET', gap: 0, gapUnit: 'money' });
  });

  it('equals the evaluation of the summed figures, for any units', () => {
    const row = fc.tuple(fc.nat(500), fc.nat(500), fc.boolean());
    fc.assert(
      fc.property(
        fc.constantFrom(...catalogue.rules),
        fc.array(row, { maxLength: 12 }),
        (r, rows) => {
          const cells: [CellValue, CellValue][] = rows.map(([x, y, blank]) => {
            const den = Math.max(x, y);
            const num = Math.min(x, y);
            return [blank ? null : num, r.kind === 'count' ? null : den];
          });
          const c = consolidate(r, units(r.code, cells));
          const filled = cells.filter(
            ([a, d]) => a !== null && (d === null || (d as number) > 0 || a === 0),
          );
          const sumA = filled.reduce((s, [a]) => s + (a as number), 0);
          const sumD = filled.reduce((s, [, d]) => s + ((d as number) ?? 0), 0);
          expect(c.unitsCounted + c.unitsLacking).toBe(cells.length);
          expect(c.unitsLacking).toBe(cells.filter(([a]) => a === null).length);
          if (c.unitsCounted === 0) {
            expect(c.status).toBe('NO_DATA');
            return;
          }
          const direct = evaluateRule(r, {
            actual: parseCell(sumA),
            denominator: parseCell(r.kind === 'count' ? null : sumD),
          });
          expect(c.status).toBe(direct.status);
          expect(c.actual).toBe(sumA);
          expect(c.required).toBe(direct.required);
        },
      ),
      { numRuns: 500 },
    );
  });
});
