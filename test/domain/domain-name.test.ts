import { describe, expect, it } from 'vitest';
import { toAsciiDomain, toUnicodeDomain } from '../../src/domain/domain-name.js';

describe('toUnicodeDomain', () => {
  it('returns a lower-case ASCII name without a trailing dot as it is', () => {
    for (const name of ['example.com', 'www.example.com', '_sip._tcp.example.com', '*.example.com', '1.2.3.4.in-addr.arpa', 'xn-x.example']) {
      expect(toUnicodeDomain(name)).toBe(name);
    }
  });

  it('lowers case, drops the trailing dot and decodes punycode labels', () => {
    expect(toUnicodeDomain('WWW.Example.COM.')).toBe('www.example.com');
    expect(toUnicodeDomain('xn--bcher-kva.de')).toBe('bücher.de');
    expect(toUnicodeDomain('XN--BCHER-KVA.DE.')).toBe('bücher.de');
    expect(toUnicodeDomain('shop.xn--bcher-kva.de')).toBe('shop.bücher.de');
  });

  it('is the inverse of toAsciiDomain', () => {
    for (const name of ['bücher.de', 'münchen.example', 'example.com']) expect(toUnicodeDomain(toAsciiDomain(name)!)).toBe(name);
  });
});
