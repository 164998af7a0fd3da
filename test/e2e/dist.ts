// The production build the browser tests serve: where it is, what its pages load, and a tiny
// static server for it on 127.0.0.1.
import { createReadStream, existsSync, readFileSync, statSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Fails with a message that says what to do when the build has not run. */
export function requireDist(): void {
  if (!existsSync(path.join(DIST, 'taskpane.html'))) {
    throw new Error(
      'dist/ is missing or incomplete: run `npm run build` first (`npm test` builds before jest).',
    );
  }
}

/** An attribute's value in a tag, quoted or not (the minified pages drop needless quotes). */
export function attributeOf(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

export function readPage(page: string): string {
  return readFileSync(path.join(DIST, page), 'utf8');
}

/** Every <script> opening tag of a built page, in order. */
export function scriptTagsOf(page: string): string[] {
  return readPage(page).match(/<script\b[^>]*>/gi) ?? [];
}

/** The src of every <script> of a built page, in order. */
export function scriptsOf(page: string): string[] {
  return scriptTagsOf(page)
    .map((tag) => attributeOf(tag, 'src'))
    .filter((src): src is string => src !== null);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serves dist/ on 127.0.0.1 at a free port. */
export function serveDist(): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(DIST, path.normalize(pathname));
    if (!file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
