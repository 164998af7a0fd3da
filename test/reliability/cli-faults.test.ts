/**
 * File faults of the command line that this machine cannot produce for real (issue 5, item 2):
 * an input locked by another program (Windows' EBUSY), an input this user may not read (the tests
 * run as root), an output locked while it is being replaced. The file system call is made to fail
 * the way the OS would; the CLI must exit 1 with a plain message naming the file, leave the input
 * as it was, and leave no half-written or temporary file behind.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { cli, listFiles } from '../fixtures/cli-run';
import { addTemplateSheet } from './builders';
import { makeTempDir, removeTempDir, saveFixture } from './pipeline';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));
afterEach(() => jest.restoreAllMocks());

function osError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Makes `fs.<method>` fail with `code` for paths that end with `name`, as the OS would. */
function failFor(method: 'readFile' | 'rename', name: string, code: string) {
  const original = fs[method].bind(fs) as (...args: unknown[]) => Promise<unknown>;
  return jest.spyOn(fs, method).mockImplementation(((...args: unknown[]) => {
    const target = String(method === 'rename' ? args[1] : args[0]);
    return target.endsWith(name) ? Promise.reject(osError(code)) : original(...args);
  }) as never);
}

async function unit(folder: string, name: string): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  return saveFixture(folder, name, (wb) => {
    addTemplateSheet(wb).fill('I.1a', 120).fill('I.2b', 45, 52);
  });
}

it.each([
  ['EBUSY', /đang bị chương trình khác khóa/],
  ['EACCES', /Không có quyền đọc/],
])(
  'an input that cannot be read (%s): exit 1, the file named, nothing written',
  async (code, why) => {
    const folder = path.join(dir, `doc-${code}`);
    const locked = await unit(folder, 'khoa');
    const other = await unit(folder, 'khac');
    const before = await listFiles(folder);
    failFor('readFile', 'khoa.xlsx', code);

    const run = await cli('evaluate', locked, other);

    expect(run.code).toBe(1);
    expect(run.err).toContain(locked);
    expect(run.err).toMatch(why);
    expect(run.err).not.toMatch(/\n\s+at |simulated/);
    expect(await listFiles(folder)).toEqual(before);
  },
);

it('an output locked while being replaced: exit 1, it says to close it, no temporary file', async () => {
  const folder = path.join(dir, 'ghi-EBUSY');
  const input = await unit(folder, 'don-vi');
  const bytes = await fs.readFile(input);
  failFor('rename', 'don-vi.evaluated.xlsx', 'EBUSY');

  const run = await cli('evaluate', input);

  expect(run.code).toBe(1);
  expect(run.err).toContain('don-vi.evaluated.xlsx');
  expect(run.err).toMatch(/đang mở trong chương trình khác/);
  expect(run.err).not.toMatch(/\n\s+at |simulated/);
  expect(await listFiles(folder)).toEqual(['don-vi.xlsx']);
  expect((await fs.readFile(input)).equals(bytes)).toBe(true);
});
