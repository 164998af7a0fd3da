/**
 * Column widths. Plans and .xlsx files measure a column in characters (the file's `width`, which
 * already includes the cell padding); Office.js `format.columnWidth` is in points. With the
 * default font (Calibri 11, a maximum digit width of 7 px) Excel draws `trunc(7 × width + 0.5)`
 * pixels, and a pixel is ¾ of a point at 96 dpi: the default 9.140625 characters is 64 px = 48 pt.
 */
const MAX_DIGIT_WIDTH_PX = 7;
const POINTS_PER_PIXEL = 0.75;

export function charactersToPoints(characters: number): number {
  return Math.trunc(characters * MAX_DIGIT_WIDTH_PX + 0.5) * POINTS_PER_PIXEL;
}

/** The inverse, to the 1/256 of a character the file format stores. */
export function pointsToCharacters(points: number): number {
  return Math.round((points / POINTS_PER_PIXEL / MAX_DIGIT_WIDTH_PX) * 256) / 256;
}
