/**
 * The large fixtures through the CLI's path: a report sheet of 5,000 rows and a workbook of 200
 * report sheets. Same checks as the corpus: the right message and cell, nothing lost.
 */
import { caseTests } from './check';
import { LARGE_CASES } from './corpus';
import { makeTempDir, removeTempDir } from './pipeline';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

describe.each(LARGE_CASES)('$name', (c) => caseTests(c, () => dir));
