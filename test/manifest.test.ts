// The add-in manifest: valid against Microsoft's schemas offline (xmllint), asks for
// ReadWriteDocument only, and every icon and page it names exists.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normaliseAddinUrl } = require('../config/manifest-address') as {
  normaliseAddinUrl: (raw: string) => string;
};

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA = path.resolve(ROOT, '../shared/manifest-schema/OfficeAppManifestV1_1.xsd');
const manifest = readFileSync(MANIFEST, 'utf8');

function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** Where xmllint or the schemas are missing: skip with a message here, fail in CI. */
function validatorMissing(): string | null {
  if (!hasXmllint()) return 'xmllint is not installed (Debian: apt-get install libxml2-utils)';
  if (!existsSync(SCHEMA)) return `the manifest schemas are not at ${SCHEMA}`;
  return null;
}

describe('manifest.xml', () => {
  const missing = validatorMissing();

  if (missing && !process.env.CI) {
    it.skip(`validates against the OfficeApp 1.1 schema (skipped: ${missing})`, () => {});
    // Say so where a person running the tests will see it, not only in the skipped count.
    console.warn(`manifest schema validation skipped: ${missing}`);
  } else {
    it('validates against the OfficeApp 1.1 schema with xmllint', () => {
      if (missing) throw new Error(`Cannot validate the manifest in CI: ${missing}`);
      const run = spawnSync(
        'xmllint',
        [
          '--noout',
          '--schema',
          '../shared/manifest-schema/OfficeAppManifestV1_1.xsd',
          'manifest.xml',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.stderr).toContain('manifest.xml validates');
      expect(run.status).toBe(0);
    });

    it('the same validation rejects a manifest that breaks the schema', () => {
      if (missing) throw new Error(`Cannot validate the manifest in CI: ${missing}`);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
      try {
        const broken = path.join(dir, 'manifest.xml');
        writeFileSync(broken, manifest.replace(/<Permissions>[^<]*<\/Permissions>/, ''));
        const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, broken], {
          encoding: 'utf8',
        });
        expect(run.status).not.toBe(0);
        expect(run.stderr).toContain('fails to validate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('asks for ReadWriteDocument and no other permission', () => {
    const permissions = [...manifest.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map(
      (m) => m[1],
    );
    expect(permissions).toEqual(['ReadWriteDocument']);
  });

  it('has a fixed GUID Id, a Vietnamese default locale and an English override', () => {
    expect(manifest).toMatch(
      /<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/,
    );
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
    expect(manifest).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
  });

  it('names only icons that exist in assets/, as PNGs of the declared size', () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map(
      (m) => m[1],
    );
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of new Set(icons)) {
      const file = path.join(ROOT, icon);
      expect({ icon, exists: existsSync(file) }).toEqual({ icon, exists: true });
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/-(\d+)\.png$/.exec(icon)?.[1]);
      expect({ icon, width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
        icon,
        width: size,
        height: size,
      });
    }
  });

  it('names only pages the build emits, and the functions commands.ts associates', () => {
    const pages = [...manifest.matchAll(/https:\/\/localhost:3000\/([\w-]+)\.html/g)].map(
      (m) => m[1],
    );
    expect(new Set(pages)).toEqual(new Set(['taskpane', 'commands']));
    for (const page of pages) {
      expect(
        existsSync(
          path.join(ROOT, 'src', page === 'taskpane' ? 'taskpane' : 'commands', `${page}.html`),
        ),
      ).toBe(true);
    }
    const functions = [...manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map(
      (m) => m[1],
    );
    expect(functions).toEqual(['evaluate', 'summarize']);
    const commands = readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
    for (const name of functions) {
      expect(commands).toContain(`Office.actions.associate('${name}'`);
    }
  });
});

describe('the production build for a federation’s address', () => {
  const ADDRESS = 'https://intranet.example/union-targets/';
  const missing = validatorMissing();

  it('accepts only an HTTPS address, and ends it with "/"', () => {
    expect(normaliseAddinUrl('https://intranet.example/ut')).toBe('https://intranet.example/ut/');
    expect(() => normaliseAddinUrl('http://intranet.example/ut/')).toThrow(/https/);
    expect(() => normaliseAddinUrl('intranet.example/ut/')).toThrow(/absolute URL/);
    expect(() => normaliseAddinUrl('https://intranet.example/ut/?a=1&b=2')).toThrow(/query/);
  });

  it('writes dist/manifest.xml pointing there, valid against the schema', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    try {
      const build = spawnSync(
        process.execPath,
        [
          require.resolve('webpack-cli/bin/cli.js'),
          '--mode',
          'production',
          '--env',
          `addinUrl=${ADDRESS}`,
          '--output-path',
          out,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(build.status).toBe(0);
      const built = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
      expect(built).not.toContain('localhost');
      const urls = [...built.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThanOrEqual(10);
      for (const url of urls) {
        expect(url.startsWith(ADDRESS)).toBe(true);
        // Every page and icon it names is in the build.
        expect({ url, built: existsSync(path.join(out, url.slice(ADDRESS.length))) }).toEqual({
          url,
          built: true,
        });
      }
      if (missing && !process.env.CI) return;
      const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, 'manifest.xml'], {
        cwd: out,
        encoding: 'utf8',
      });
      expect(run.stderr).toContain('manifest.xml validates');
      expect(run.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
