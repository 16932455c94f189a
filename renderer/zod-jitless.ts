/*
 * The app's `zod` (vite.config.ts resolves the bare specifier here, in the page and in every worker). zod 4 compiles
 * fast object parsers with `new Function` and probes for that ability when the first schema is built; under the
 * production CSP (script-src without 'unsafe-eval') the probe is reported as a violation even though zod catches it.
 * jitless mode skips both, so the app keeps a policy that reports nothing. Node (server, CLI, tests) uses zod as is.
 */
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
