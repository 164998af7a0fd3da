/**
 * The corpus of bad input through the CLI's path (ExcelJS read → evaluate → plan → apply → write →
 * read back): each fixture gets its own message with the right sheet and cell, its statuses land
 * in their own rows, and nothing is lost (SPEC §7 Reliability).
 */
import { caseTests } from './check';
import { CASES } from './corpus';
import { makeTempDir, removeTempDir } from './pipeline';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

it('holds at least 30 kinds of bad input, each under its own name', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

describe.each(CASES)('$name', (c) => caseTests(c, () => dir));
