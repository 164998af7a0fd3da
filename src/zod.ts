// SPEC §7: no eval. zod compiles validators with `new Function` when it may, and probes for it
// even when told not to unless configured first, which the pane's Content-Security-Policy reports
// as a violation. Every module with a schema imports this before zod itself. It exports nothing
// on purpose: re-exporting zod's `z` would defeat tree-shaking and triple zod in the pane bundle.
import { config } from 'zod';

config({ jitless: true });
