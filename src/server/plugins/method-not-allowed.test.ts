import { describe, expect, it } from 'vitest';
import { patternOf } from './method-not-allowed.js';

describe('route patterns for 405', () => {
  it('matches a parameter as one path segment, never across slashes', () => {
    const one = patternOf('/api/v1/me/assessments/:id');
    expect(one.test('/api/v1/me/assessments/3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a')).toBe(true);
    expect(one.test('/api/v1/me/assessments')).toBe(false);
    expect(one.test('/api/v1/me/assessments/a/b')).toBe(false);
    expect(one.test('/api/v1/me/assessments/')).toBe(false);
  });

  it('takes dots and other characters of a route literally, and a wildcard as anything', () => {
    expect(patternOf('/api/openapi.json').test('/api/openapiXjson')).toBe(false);
    expect(patternOf('/api/openapi.json').test('/api/openapi.json')).toBe(true);
    expect(patternOf('/api/docs/*').test('/api/docs/static/index.html')).toBe(true);
    expect(patternOf('/healthz').test('/healthz/crisis-outbox')).toBe(false);
  });
});
