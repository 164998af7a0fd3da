import {
  columnLetters,
  parseA1,
  parseRangeRef,
  quoteSheetName,
  rangeRef,
  sheetRef,
  toA1,
} from '../../src/template/address';

describe('A1 addresses', () => {
  it('converts columns and cells both ways', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    expect(toA1(11, 5)).toBe('F12');
    expect(parseA1('F12')).toEqual({ row: 11, col: 5 });
    expect(parseA1('$xfd$1048576')).toEqual({ row: 1048575, col: 16383 });
    for (const bad of ['', 'F0', '12F', 'XFE1', 'A1048577', 'A1:B2'])
      expect(parseA1(bad)).toBeNull();
  });

  it('quotes sheet names as Excel does', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Báo cáo')).toBe("'Báo cáo'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(sheetRef('Tổng hợp (2)', 'B3')).toBe("'Tổng hợp (2)'!B3");
  });

  it('writes and reads back range references of defined names', () => {
    const range = { sheet: "B's sheet", top: 4, left: 7, bottom: 4, right: 9 };
    expect(rangeRef(range)).toBe("'B''s sheet'!$H$5:$J$5");
    expect(parseRangeRef(rangeRef(range))).toEqual(range);
    expect(parseRangeRef('=Sheet1!$C$2')).toEqual({
      sheet: 'Sheet1',
      top: 1,
      left: 2,
      bottom: 1,
      right: 2,
    });
    expect(parseRangeRef('#REF!')).toBeNull();
    expect(parseRangeRef("'Báo cáo'!#REF!")).toBeNull();
  });
});
