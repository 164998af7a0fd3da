import { findRule, loadCatalogue } from '../../src/catalogue';
import type { Rule } from '../../src/catalogue/types';
import {
  describeGap,
  describeValue,
  evaluateRule,
  formatNumber,
  formatRate,
  formatTarget,
  quoteCellText,
} from '../../src/engine';
import { parseCell, parseTarget } from '../../src/parsing';
import type { CellValue } from '../../src/template/types';

const catalogue = loadCatalogue();
function rule(code: string): Rule {
  const found = findRule(catalogue, code);
  if (!found) throw new Error(`no rule ${code}`);
  return found;
}
function run(code: string, actual: CellValue, denominator: CellValue = null, target?: string) {
  const t = target === undefined ? null : parseTarget(target, undefined, rule(code));
  return evaluateRule(rule(code), {
    actual: parseCell(actual),
    denominator: parseCell(denominator),
    target: t?.kind === 'ok' ? t.target : null,
  });
}

describe('formatNumber', () => {
  it.each<[number, string, string, number]>([
    [1234567.5, '1.234.567,5', '1,234,567.5', 2],
    [1234567890, '1.234.567.890', '1,234,567,890', 2],
    [0, '0', '0', 2],
    [-0, '0', '0', 2],
    [-1234.25, '-1.234,25', '-1,234.25', 2],
    [999, '999', '999', 2],
    [1000, '1.000', '1,000', 2],
    [0.125, '0,13', '0.13', 2],
    [0.125, '0,125', '0.125', 3],
    [2.5, '3', '3', 0],
    [-0.001, '0', '0', 2],
    [12.1, '12,1', '12.1', 2],
  ])('%d → %s / %s', (x, vi, en, digits) => {
    expect(formatNumber(x, 'vi', digits)).toBe(vi);
    expect(formatNumber(x, 'en', digits)).toBe(en);
  });
});

describe('formatRate and formatTarget', () => {
  it('shows rates with up to one decimal', () => {
    expect(formatRate(0.8653846, 'vi')).toBe('86,5%');
    expect(formatRate(0.8653846, 'en')).toBe('86.5%');
    expect(formatRate(0.57, 'vi')).toBe('57%');
    expect(formatRate(1, 'vi')).toBe('100%');
    expect(formatRate(0, 'vi')).toBe('0%');
  });

  it('writes targets as the template does', () => {
    expect(formatTarget('>=', 110, 'count', 'vi')).toBe('≥ 110');
    expect(formatTarget('>', 0.9, 'ratio', 'vi')).toBe('> 90%');
    expect(formatTarget('>=', 1, 'plan', 'en')).toBe('≥ 100%');
    expect(formatTarget('>=', 0.655, 'ratio', 'vi')).toBe('≥ 65,5%');
    expect(formatTarget('>=', 1000, 'count', 'vi')).toBe('≥ 1.000');
  });
});

describe('describeGap', () => {
  it.each<[string, CellValue, CellValue, string | undefined, string, string]>([
    ['I.2b', 39, 52, undefined, 'còn thiếu 3 CĐCS', 'short by 3 grassroots unions'],
    ['I.2b', 41, 52, undefined, 'còn thiếu 1 CĐCS', 'short by 1 grassroots union'],
    ['I.2b', 45, 52, undefined, 'vượt 3 CĐCS', '3 grassroots unions above the requirement'],
    ['I.2b', 42, 52, undefined, 'đạt đúng mức yêu cầu', 'exactly at the required level'],
    ['I.1a', 100, null, undefined, 'còn thiếu 10 đoàn viên', 'short by 10 members'],
    ['II.6a', 99, 100, undefined, 'còn thiếu 1 người', 'short by 1 person'],
    [
      'I.5a',
      '980.000.000',
      '1.000.000.000',
      undefined,
      'còn thiếu 20.000.000 đồng',
      'short by 20,000,000 VND',
    ],
    ['I.2a', '88,5%', null, undefined, 'còn thiếu 1,5 điểm %', 'short by 1.5 percentage points'],
    ['I.2a', '92%', null, undefined, 'vượt 2 điểm %', '2 percentage points above the requirement'],
    [
      'II.7b',
      '65%',
      null,
      undefined,
      'bằng đúng ngưỡng, chỉ tiêu yêu cầu trên 65%',
      'exactly at the threshold; the target asks for more than 65%',
    ],
    [
      'I.2b',
      18,
      20,
      'Trên 100%',
      'không thể đạt với Tổng số 20: cần tối thiểu 21 CĐCS',
      'cannot be met with a total of 20: at least 21 grassroots unions needed',
    ],
  ])('%s %j/%j (target %j)', (code, a, d, target, vi, en) => {
    const r = run(code, a, d, target);
    expect(describeGap(rule(code), r, 'vi')).toBe(vi);
    expect(describeGap(rule(code), r, 'en')).toBe(en);
  });

  it('is empty when there is no gap to speak of', () => {
    expect(describeGap(rule('I.2b'), run('I.2b', null, 52), 'vi')).toBe('');
    expect(describeGap(rule('I.2b'), run('I.2b', 'x', 52), 'vi')).toBe('');
    expect(describeGap(rule('I.2b'), run('I.2b', 0, 0), 'vi')).toBe('');
  });
});

describe('describeValue', () => {
  it.each<[string, CellValue, CellValue, string, string]>([
    ['I.2b', 45, 52, '45/52 (86,5%)', '45/52 (86.5%)'],
    ['I.1a', 112, null, '112 đoàn viên', '112 members'],
    ['I.1b', 1, null, '1 CĐCS', '1 grassroots union'],
    ['I.2a', '85%', null, '85%', '85%'],
    [
      'I.5a',
      1_250_000_000,
      1_200_000_000,
      '1.250.000.000/1.200.000.000 đồng (104,2%)',
      '1,250,000,000/1,200,000,000 VND (104.2%)',
    ],
    ['II.1b', 0, 0, '0/0', '0/0'],
    ['I.2a', 8999, 10000, '8.999/10.000 (89,99%)', '8,999/10,000 (89.99%)'],
    ['I.2b', 60, 52, '60/52', '60/52'],
    ['I.1a', '85%', null, '85%', '85%'],
    ['I.2b', null, 52, '', ''],
    ['I.2b', 'abc', 52, '', ''],
  ])('%s %j/%j', (code, a, d, vi, en) => {
    const r = run(code, a, d);
    expect(describeValue(rule(code), r, 'vi')).toBe(vi);
    expect(describeValue(rule(code), r, 'en')).toBe(en);
  });
});

describe('quoteCellText', () => {
  it('keeps short text whole and on one line', () => {
    expect(quoteCellText('  khoảng\n9.000 ')).toBe('khoảng 9.000');
  });
  it('cuts very long text with an ellipsis', () => {
    const quoted = quoteCellText('x'.repeat(40000));
    expect(quoted).toHaveLength(60);
    expect(quoted.endsWith('…')).toBe(true);
  });
});
