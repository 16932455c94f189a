import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, CONNECT_SOURCES } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((part) => {
    const [name = '', ...sources] = part.split(' ');
    return [name, sources];
  }));
}

describe('buildContentSecurityPolicy', () => {
  it('is the strict policy the renderer is built for', () => {
    expect(buildContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; img-src 'self' data: blob:; " +
        "style-src 'self'; connect-src 'self' http: https:; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows eval or remote scripts', () => {
    const scriptSources = directives(buildContentSecurityPolicy()).get('script-src');
    expect(scriptSources).not.toContain("'unsafe-eval'");
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources?.every((source) => source.startsWith("'"))).toBe(true);
  });

  it('allows no inline script or style and no eval anywhere', () => {
    const policy = buildContentSecurityPolicy();
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
  });

  it('takes connect-src from one list', () => {
    expect(directives(buildContentSecurityPolicy()).get('connect-src')).toEqual([...CONNECT_SOURCES]);
    const lan = buildContentSecurityPolicy(["'self'", 'http://192.168.1.10:8080']);
    expect(directives(lan).get('connect-src')).toEqual(["'self'", 'http://192.168.1.10:8080']);
  });

  it('refuses a source that would inject a directive', () => {
    expect(() => buildContentSecurityPolicy(["'self'; script-src *"])).toThrow(/Invalid connect-src/);
    expect(() => buildContentSecurityPolicy(['http://a http://b'])).toThrow(/Invalid connect-src/);
  });
});
