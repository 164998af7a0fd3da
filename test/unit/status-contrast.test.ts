// Every status text/background pair the pane draws, and the sheet's font on its fill, reads at
// WCAG AA for normal text (4.5:1). The fills are SPEC §2's; only fonts may be darker.
import { webLightTheme } from '@fluentui/tokens';
import { STATUS_INFO } from '../../src/engine/status';
import { STATUSES } from '../../src/engine/types';

/** WCAG 2.x relative luminance of "#RRGGBB". */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('status colours', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrast('#7F7F7F', '#F2F2F2')).toBeCloseTo(3.58, 2);
  });

  it('keeps the fills of SPEC §2', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, STATUS_INFO[s].fill]))).toEqual({
      MET: '#C6EFCE',
      NEAR: '#FFEB9C',
      MISSED: '#FFC7CE',
      NO_DATA: '#F2F2F2',
      NOT_APPLICABLE: '#F2F2F2',
      INVALID: '#F8CBAD',
    });
  });

  // Tiles, badges and the sheet's Đánh giá cells: font on fill. Result cards: the font on the
  // card (white, light grey under the pointer). The Chưa đạt tile: Không đạt's font on white.
  const backgrounds = {
    fill: null,
    card: webLightTheme.colorNeutralBackground1,
    'card under the pointer': webLightTheme.colorNeutralBackground1Hover,
  };
  for (const status of STATUSES) {
    for (const [where, background] of Object.entries(backgrounds)) {
      it(`${status} text on its ${where} reads at 4.5:1 or more`, () => {
        const info = STATUS_INFO[status];
        expect(contrast(info.font, background ?? info.fill)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});
