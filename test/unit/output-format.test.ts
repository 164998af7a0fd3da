/**
 * outputFormat against formats read back other than as written (office-js#1553, #2824): the
 * regional separators, "+" and "-" escaped or quoted, colour names in another case.
 */
import { OUTPUT_RATE_FORMAT, gapFormat, outputFormat } from '../../src/template/format';

describe('outputFormat', () => {
  it.each([
    ['0,0%;-0,0%'],
    ['0.0%;\\-0.0%'],
    ['"+"#.##0;[RED]"-"#.##0;0'],
    ['\\+0,0%;[Red]\\-0,0%;0,0%'],
  ])('takes %s for a format evaluation wrote: cleared back to General', (readBack) => {
    expect(outputFormat(readBack, null)).toBe('General');
  });

  it('does not rewrite a format read back in another spelling of the one wanted', () => {
    expect(outputFormat('0,0%;\\-0,0%', OUTPUT_RATE_FORMAT)).toBeUndefined();
    expect(outputFormat('+#.##0;[RED]-#.##0;0', gapFormat('count'))).toBeUndefined();
  });

  it("keeps a unit's own format, however spelt", () => {
    expect(outputFormat('0,00%', null)).toBeUndefined();
    expect(outputFormat('0.0%', OUTPUT_RATE_FORMAT)).toBeUndefined();
    expect(outputFormat('#,##0', gapFormat('count'))).toBeUndefined();
  });

  it('gives a General cell the wanted format', () => {
    expect(outputFormat('General', OUTPUT_RATE_FORMAT)).toBe(OUTPUT_RATE_FORMAT);
  });
});
