/**
 * Puts a host's `Excel`, `Office` and `OfficeExtension` on a global object (Node's globalThis in
 * jest, `window` in the browser test); returns a function that puts the previous ones back.
 */
import type { ExcelHost } from './excel-host';

const GLOBALS = ['Excel', 'Office', 'OfficeExtension'] as const;

export function installHost(host: ExcelHost, target: object = globalThis): () => void {
  const scope = target as Record<string, unknown>;
  const previous = GLOBALS.map((name) => [name, scope[name]] as const);
  Object.assign(scope, host.globals());
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete scope[name];
      else scope[name] = value;
    }
  };
}
