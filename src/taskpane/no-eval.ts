// The add-in's pages forbid eval (Content-Security-Policy, SPEC §7). zod compiles validators
// with `new Function` when it may, and probes for it even when it may not, which the browser
// reports as a CSP violation. Import this module first in every page entry.
import { z } from 'zod';

z.config({ jitless: true });
