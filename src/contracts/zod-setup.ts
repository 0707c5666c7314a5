import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` when it may, and probes for that by calling
 * `Function('')` once. Our Content-Security-Policy forbids evaluated code (docs/privacy.md), so
 * in a browser the probe is reported as a violation on every page. `jitless` skips both the probe
 * and the compiled parsers. It must be set before the first object schema is built, so the shared
 * contracts import this module first, and so do the web and server entry points.
 */
z.config({ jitless: true });
