import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idParams } from './common.js';

describe('zod under our Content-Security-Policy', () => {
  it('is jitless once the contracts are loaded, so it never evaluates code', () => {
    expect(z.config().jitless).toBe(true);
    // Object parsing still works without compiled parsers.
    expect(idParams.safeParse({ id: '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a' }).success).toBe(true);
    expect(idParams.safeParse({ id: 'x' }).success).toBe(false);
  });
});
