import { describe, expect, it } from 'vitest';
import { domainToASCII } from 'node:url';
import { providerAsciiName, toAsciiDomain, toUnicodeDomain } from '../../src/domain/domain-name.js';

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
    expect(toUnicodeDomain('BÜCHER.de')).toBe('bücher.de');
  });

  it('is the inverse of toAsciiDomain', () => {
    for (const name of ['bücher.de', 'münchen.example', 'example.com']) expect(toUnicodeDomain(toAsciiDomain(name)!)).toBe(name);
  });
});

describe('providerAsciiName', () => {
  it('gives what domainToASCII gives, or the name itself when that gives nothing, the second time as the first', () => {
    const names = [
      'example.com',
      'ns1-demo.example.org',
      'a.b-c.d9',
      'Example.COM',
      'bücher.de',
      'xn--bcher-kva.de',
      'xn--zz.example',
      '2.0.192.in-addr.arpa',
      '1.2.3.4',
      '0x7f.1',
      '192.168.0.010',
      'trailing.dot.',
      '_dmarc.example.com',
      '-leading.example',
      'a..b',
      '',
    ];
    for (const pass of [1, 2]) {
      for (const name of names) expect(providerAsciiName(name), `${name} (${pass})`).toBe(domainToASCII(name) || name);
    }
  });
});

describe('toAsciiDomain', () => {
  it('refuses a punycode label that decodes to no valid Unicode label, and keeps one that does', () => {
    expect(toAsciiDomain('xn--zz.test')).toBeUndefined();
    expect(toAsciiDomain('shop.xn--zz.example')).toBeUndefined();
    expect(toAsciiDomain('XN--BCHER-KVA.de')).toBe('xn--bcher-kva.de');
    expect(toAsciiDomain('bücher.de')).toBe('xn--bcher-kva.de');
  });
});
