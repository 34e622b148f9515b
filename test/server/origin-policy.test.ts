import { describe, expect, it } from 'vitest';
import { createOriginPolicy, decideOrigin, OriginPolicyError } from '../../src/server/origin-policy.js';

describe('originPolicy', () => {
  const open = createOriginPolicy(['https://allowed.example/'], []);
  const keyed = createOriginPolicy(['https://allowed.example'], ['k1=https://widget.example', 'k2=https://other.example']);

  it('should let same-origin pages and clients without an Origin through', () => {
    expect(decideOrigin(open, { host: 'api.example' })).toEqual({ allowed: true, crossOrigin: false });
    expect(decideOrigin(open, { origin: 'https://api.example', host: 'api.example' })).toEqual({ allowed: true, crossOrigin: false });
  });

  it('should allow listed origins and refuse others when no keys are configured', () => {
    expect(decideOrigin(open, { origin: 'https://allowed.example', host: 'api.example' })).toEqual({ allowed: true, crossOrigin: true });
    expect(decideOrigin(open, { origin: 'https://evil.example', host: 'api.example' })).toEqual({ allowed: false, code: 'origin-not-allowed' });
    expect(decideOrigin(open, { origin: 'https://allowed.example', host: 'api.example', key: 'any' })).toEqual({ allowed: true, crossOrigin: true });
    expect(decideOrigin(open, { origin: 'https://evil.example', host: 'api.example', key: 'any' })).toEqual({ allowed: false, code: 'origin-not-allowed' });
  });

  it('should require a key bound to the calling origin once keys are configured', () => {
    expect(decideOrigin(keyed, { origin: 'https://widget.example', host: 'api.example', key: 'k1' })).toEqual({ allowed: true, crossOrigin: true, key: 'k1' });
    expect(decideOrigin(keyed, { origin: 'https://widget.example', host: 'api.example', key: 'k2' })).toEqual({ allowed: false, code: 'widget-key-invalid' });
    expect(decideOrigin(keyed, { origin: 'https://widget.example', host: 'api.example', key: 'nope' })).toEqual({ allowed: false, code: 'widget-key-invalid' });
    expect(decideOrigin(keyed, { host: 'api.example', key: 'k1' })).toEqual({ allowed: false, code: 'widget-key-invalid' });
    expect(decideOrigin(keyed, { origin: 'https://allowed.example', host: 'api.example' })).toEqual({ allowed: false, code: 'widget-key-required' });
    expect(keyed.corsOrigins.has('https://widget.example')).toBe(true);
  });

  it('should fail fast on a malformed WIDGET_KEYS entry or origin', () => {
    expect(() => createOriginPolicy([], ['no-origin-here'])).toThrow(OriginPolicyError);
    expect(() => createOriginPolicy(['not a url'], [])).toThrow(/ALLOWED_ORIGINS/);
  });
});
