import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globalConfig } from 'zod/v4/core';
import { loadCatalogue } from '../../src/catalogue';

// SPEC §7: no eval. zod would compile validators with `new Function` unless configured jitless
// (src/zod.ts) before any schema is built.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('zod runs without eval', () => {
  it('every module that uses zod imports src/zod first', () => {
    const users = sourceFiles(join(__dirname, '../../src')).filter((file) =>
      /from 'zod(\/[^']*)?'/.test(readFileSync(file, 'utf8')),
    );
    expect(users.length).toBeGreaterThan(0);
    for (const file of users) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith(join('src', 'zod.ts'))) continue;
      const config = text.search(/^import '\.\.\/zod';$/m);
      const zod = text.search(/^import .* from 'zod(\/[^']*)?';$/m);
      expect({ file, configFirst: config >= 0 && config < zod }).toEqual({
        file,
        configFirst: true,
      });
    }
  });

  it('loading the catalogue leaves zod jitless', () => {
    loadCatalogue();
    expect(globalConfig.jitless).toBe(true);
  });
});
