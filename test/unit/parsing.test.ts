import fc from 'fast-check';
import { findRule, loadCatalogue } from '../../src/catalogue';
import { Rational } from '../../src/engine/rational';
import { formatKind, parseCell, parseNumberText, parseTarget } from '../../src/parsing';
import type { CellValue } from '../../src/template/types';

const catalogue = loadCatalogue();
const rule = (code: string) => {
  const found = findRule(catalogue, code);
  if (!found) throw new Error(`no rule ${code}`);
  return found;
};

/** A parsed number as "value|percent" so that tables read simply. */
function readText(text: string): string | null {
  const parsed = parseNumberText(text);
  if (parsed === null || parsed === 'empty') return parsed;
  return `${parsed.value.toString()}${parsed.percent ? ' %' : ''}`;
}

describe('parseNumberText: Vietnamese conventions of SPEC §2', () => {
  it.each([
    ['1.234', '1234'],
    ['1,234', '1234'],
    ['1.234.567.890 đồng', '1234567890'],
    ['1,234,567', '1234567'],
    ['1.234,5', '2469/2'],
    ['1,234.5', '2469/2'],
    ['1.234.567,89', '123456789/100'],
    ['85,5%', '171/200 %'],
    ['85,5 %', '171/200 %'],
    ['100%', '1 %'],
    ['0,5', '1/2'],
    ['12.5', '25/2'],
    ['12,50', '25/2'],
    ['0.125', '1/8'],
    ['0,125', '1/8'],
    ['1234.567', '1234567/1000'],
    ['45', '45'],
    ['  45  ', '45'],
    ['+45', '45'],
    ['-5', '-5'],
    ['−5', '-5'],
    ['1 234 567', '1234567'],
    ['1\u00a0234', '1234'],
    ['1\u202f234\u202f567', '1234567'],
    ['\u00a045\u00a0', '45'],
    ['\u300045\u3000', '45'],
    ['４５', '45'],
    ['８５％', '17/20 %'],
    ['45 CĐCS', '45'],
    ['45 cdcs', '45'],
    ['112 đoàn viên', '112'],
    ['112 Đoàn viên', '112'],
    ['112 doan vien', '112'],
    ['112 \u0111oa\u0300n vie\u0302n', '112'],
    ['112 ĐV', '112'],
    ['12 cuộc', '12'],
    ['2 thỏa thuận', '2'],
    ['2 thoả thuận', '2'],
    ['7 người', '7'],
    ['50.000.000 VNĐ', '50000000'],
    ['50.000.000 VND', '50000000'],
    ['50.000.000đ', '50000000'],
    ['50.000.000 đồng.', '50000000'],
    ['1,2 tỷ đồng', '1200000000'],
    ['500 triệu', '500000000'],
    ['85% CĐCS', '17/20 %'],
    ['.5', '1/2'],
  ])('reads %j as %s', (text, expected) => {
    expect(readText(text)).toBe(expected);
  });

  it.each(['', '   ', '\u00a0', '……', '...', '. . .', '-', '—', '–', '_', '…'])(
    'reads the placeholder %j as empty',
    (text) => {
      expect(parseNumberText(text)).toBe('empty');
    },
  );

  it.each([
    'abc',
    'khoảng 50',
    '1.2.3',
    '12.05.2020',
    '1,23,4',
    '1.234.56',
    '5 5',
    '50%%',
    'đồng',
    '%',
    '1e5',
    '0x10',
    '--5',
    '5-',
    'Infinity',
    'NaN',
    '1.234,5,6',
  ])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it('tells which unit word it dropped', () => {
    const parsed = parseNumberText('30 đoàn viên');
    expect(parsed !== null && parsed !== 'empty' && parsed.unit).toBe('doan vien');
  });
});

describe('formatKind', () => {
  it.each([
    ['0%', 'percent'],
    ['0.0%', 'percent'],
    ['#,##0.00%;[Red]-#,##0.00%', 'percent'],
    ['dd/mm/yyyy', 'date'],
    ['m/d/yyyy', 'date'],
    ['[$-42A]d/m/yyyy', 'date'],
    ['h:mm', 'date'],
    ['General', 'plain'],
    ['0', 'plain'],
    ['#,##0', 'plain'],
    ['#,##0 "đồng"', 'plain'],
    ['#,##0 "CĐCS"', 'plain'],
    ['0.00E+00', 'plain'],
    ['"%"0', 'plain'],
    ['@', 'plain'],
    ['', 'plain'],
  ])('classifies %j as %s', (format, kind) => {
    expect(formatKind(format)).toBe(kind);
  });
});

describe('parseCell', () => {
  const number = (value: string, percent = false) => ({
    kind: 'number',
    value: Rational.fromDecimalString(value),
    percent,
  });

  it.each<[CellValue, string | undefined, unknown]>([
    [null, undefined, { kind: 'empty' }],
    ['', undefined, { kind: 'empty' }],
    ['……', undefined, { kind: 'empty' }],
    [45, undefined, number('45')],
    [45, 'General', number('45')],
    [0.57, undefined, number('0.57')],
    [-0, undefined, number('0')],
    [0.85, '0%', number('0.85', true)],
    [0.855, '0.0%', number('0.855', true)],
    ['85,5%', undefined, number('0.855', true)],
    ['85', '0%', number('85')],
    ['1.234', undefined, number('1234')],
    [true, undefined, { kind: 'boolean', value: true }],
    [false, undefined, { kind: 'boolean', value: false }],
    [{ error: '#DIV/0!' }, undefined, { kind: 'error', error: '#DIV/0!' }],
    [{ error: '#REF!' }, undefined, { kind: 'error', error: '#REF!' }],
    ['#N/A', undefined, { kind: 'error', error: '#N/A' }],
    [' #ref! ', undefined, { kind: 'error', error: '#REF!' }],
    ['#VALUE!', undefined, { kind: 'error', error: '#VALUE!' }],
    [NaN, undefined, { kind: 'error', error: '#NUM!' }],
    [Infinity, undefined, { kind: 'error', error: '#NUM!' }],
    [-Infinity, undefined, { kind: 'error', error: '#NUM!' }],
    [43831, 'dd/mm/yyyy', { kind: 'date', text: '01/01/2020' }],
    [43831.5, 'm/d/yyyy h:mm', { kind: 'date', text: '01/01/2020' }],
    [1, 'dd/mm/yyyy', { kind: 'date', text: '01/01/1900' }],
    [61, 'dd/mm/yyyy', { kind: 'date', text: '01/03/1900' }],
    ['12/05/2020', undefined, { kind: 'date', text: '12/05/2020' }],
    ['2020-05-12', undefined, { kind: 'date', text: '2020-05-12' }],
    ['abc', undefined, { kind: 'text', text: 'abc' }],
    ['  abc\u00a0', undefined, { kind: 'text', text: 'abc' }],
    ['#hashtag', undefined, { kind: 'text', text: '#hashtag' }],
  ])('reads %j (format %j)', (value, format, expected) => {
    expect(parseCell(value, format)).toEqual(expected);
  });

  it('takes a double as the decimal Excel shows (15 significant digits), exactly', () => {
    const read = (x: number) => {
      const parsed = parseCell(x);
      return parsed.kind === 'number' ? parsed.value.toString() : parsed.kind;
    };
    expect(read(0.9)).toBe('9/10');
    expect(read(0.57)).toBe('57/100');
    expect(read(0.1 + 0.2)).toBe('3/10');
    expect(read(0.3 * 3)).toBe('9/10');
    expect(read(3.0000000000000004)).toBe('3');
    expect(read(1 / 3)).toBe('333333333333333/1000000000000000');
    expect(read(1234567890123456)).toBe('1234567890123456');
    expect(read(1e-7)).toBe('1/10000000');
    const typed = parseCell(0.9);
    expect(typed.kind === 'number' && typed.value.mul(Rational.of(70)).eq(Rational.of(63))).toBe(
      true,
    );
  });

  it('marks numbers beyond 2^53 as unsafe, typed or as text', () => {
    expect(parseCell(2 ** 53)).toEqual(number(String(2 ** 53)));
    expect(parseCell(2 ** 53 + 2)).toMatchObject({ kind: 'number', unsafe: true });
    expect(parseCell(-1e300)).toMatchObject({ kind: 'number', unsafe: true });
    expect(parseCell('9.007.199.254.740.993')).toMatchObject({ kind: 'number', unsafe: true });
    expect(parseCell('9.007.199.254.740.992')).not.toHaveProperty('unsafe');
  });

  it('reads a Date object (ExcelJS date cell) as a date', () => {
    const value = new Date(Date.UTC(2020, 4, 12)) as unknown as CellValue;
    expect(parseCell(value)).toEqual({ kind: 'date', text: '12/05/2020' });
  });

  it('reads text typed in NFD (decomposed accents) like NFC', () => {
    expect(parseCell('45 C\u0110CS'.normalize('NFD'))).toEqual(number('45'));
    expect(parseCell('12 cuo\u0302\u0323c')).toEqual(number('12'));
  });
});

describe('parseTarget: the Chỉ tiêu column of SPEC §3', () => {
  const ratio = rule('II.7b');
  const count = rule('I.1b');
  const plan = rule('I.5a');
  const ok = (value: string, comparator: '>=' | '>' | null) => ({
    kind: 'ok',
    target: { value: Rational.fromDecimalString(value), comparator },
  });

  it.each<[CellValue, string | undefined, unknown]>([
    ['≥ 20', undefined, ok('0.2', '>=')],
    ['>= 20', undefined, ok('0.2', '>=')],
    ['Trên 85%', undefined, ok('0.85', '>')],
    ['trên 85 %', undefined, ok('0.85', '>')],
    ['TRÊN 85%', undefined, ok('0.85', '>')],
    ['tren 85%', undefined, ok('0.85', '>')],
    ['từ 95% trở lên', undefined, ok('0.95', '>=')],
    ['Từ 95 % trở lên', undefined, ok('0.95', '>=')],
    ['95% trở lên', undefined, ok('0.95', '>=')],
    ['> 90%', undefined, ok('0.9', '>')],
    ['>90%', undefined, ok('0.9', '>')],
    ['＞90％', undefined, ok('0.9', '>')],
    ['Phấn đấu 80% trở lên', undefined, ok('0.8', '>=')],
    ['Đạt 100%', undefined, ok('1', null)],
    ['tối thiểu 70%', undefined, ok('0.7', '>=')],
    ['90%', undefined, ok('0.9', null)],
    ['85,5%', undefined, ok('0.855', null)],
    [0.9, undefined, ok('0.9', null)],
    [90, undefined, ok('0.9', null)],
    [1, undefined, ok('1', null)],
    [0.9, '0%', ok('0.9', null)],
    ['90', undefined, ok('0.9', null)],
    ['0,9', undefined, ok('0.9', null)],
    ['Trên 70%', undefined, ok('0.7', '>')],
    ['≥ 55%', undefined, ok('0.55', '>=')],
    [null, undefined, { kind: 'none' }],
    ['', undefined, { kind: 'none' }],
    ['  ', undefined, { kind: 'none' }],
    ['……', undefined, { kind: 'none' }],
    ['-', undefined, { kind: 'none' }],
    ['abc', undefined, { kind: 'unreadable', text: 'abc' }],
    ['trở lên', undefined, { kind: 'unreadable', text: 'trở lên' }],
    ['30 đoàn viên', undefined, { kind: 'unreadable', text: '30 đoàn viên' }],
    ['120%', undefined, { kind: 'unreadable', text: '120%' }],
    ['-5%', undefined, { kind: 'unreadable', text: '-5%' }],
    [true, undefined, { kind: 'unreadable', text: 'true' }],
    [{ error: '#N/A' }, undefined, { kind: 'unreadable', text: '#N/A' }],
    [43831, 'dd/mm/yyyy', { kind: 'unreadable', text: '43831' }],
    [NaN, undefined, { kind: 'unreadable', text: 'NaN' }],
  ])('reads %j (format %j) for a ratio rule', (value, format, expected) => {
    expect(parseTarget(value, format, ratio)).toEqual(expected);
  });

  it.each<[CellValue, unknown]>([
    ['30 đoàn viên', ok('30', null)],
    ['≥ 20', ok('20', '>=')],
    ['Trên 5', ok('5', '>')],
    ['từ 6 CĐCS trở lên', ok('6', '>=')],
    [8, ok('8', null)],
    ['04', ok('4', null)],
    ['0', { kind: 'unreadable', text: '0' }],
    ['≥ 0', { kind: 'unreadable', text: '≥ 0' }],
    ['90%', { kind: 'unreadable', text: '90%' }],
    [0.9, ok('0.9', null)],
  ])('reads %j for a count rule', (value, expected) => {
    expect(parseTarget(value, undefined, count)).toEqual(expected);
  });

  it('reads a plan target as a percentage of the budget, never as an amount', () => {
    expect(parseTarget('100% dự toán', undefined, plan)).toEqual(ok('1', null));
    expect(parseTarget(105, undefined, plan)).toEqual(ok('1.05', null));
    expect(parseTarget('500.000.000 đồng', undefined, plan)).toEqual({
      kind: 'unreadable',
      text: '500.000.000 đồng',
    });
    expect(parseTarget(500000000, undefined, plan)).toEqual({
      kind: 'unreadable',
      text: '500000000',
    });
  });
});

describe('the parsers never throw', () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({
      unit: fc.constantFrom(...'0123456789.,% -−…đĐCSVNDtrênừởlê≥>=\u00a0\u3000'.split('')),
    }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE),
    fc.boolean(),
    fc.constant(null),
    fc.record({ error: fc.string() }),
  ) as fc.Arbitrary<CellValue>;
  const anyFormat = fc.option(
    fc.oneof(fc.string(), fc.constantFrom('0%', 'dd/mm/yyyy', 'General', '#,##0', '"đ"0')),
    { nil: undefined },
  );

  it('parseCell and parseTarget return a value for any cell and format', () => {
    fc.assert(
      fc.property(anyCell, anyFormat, (value, format) => {
        const parsed = parseCell(value, format);
        expect(['empty', 'number', 'date', 'text', 'error', 'boolean']).toContain(parsed.kind);
        for (const code of ['I.1a', 'II.7b', 'I.5a']) {
          expect(['none', 'ok', 'unreadable']).toContain(
            parseTarget(value, format, rule(code)).kind,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parseNumberText returns a number, empty or null for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const parsed = parseNumberText(text);
        expect(parsed === null || parsed === 'empty' || parsed.value instanceof Rational).toBe(
          true,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back any integer written with Vietnamese thousands separators', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1000n, max: 10n ** 18n }), (n) => {
        const vi = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const parsed = parseNumberText(`${vi} đồng`);
        expect(parsed !== null && parsed !== 'empty' && parsed.value.eq(Rational.of(n))).toBe(true);
      }),
    );
  });
});
