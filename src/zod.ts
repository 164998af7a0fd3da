// SPEC §7: no eval. zod compiles validators with `new Function` when it may, and probes for it
// even when told not to unless configured first, which the pane's Content-Security-Policy reports
// as a violation. Every module takes `z` from here, so the setting is made before any schema runs.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
