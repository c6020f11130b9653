import { describe, expect, it } from 'vitest';
import { ConfigError, fromRaw } from '../../src/config.js';

describe('deployment settings', () => {
  it('SANDBOX=false never falls back to the demo sandboxes: without credentials start-up fails, naming the setting', () => {
    expect(fromRaw({}).sandbox).toBe(true);
    expect(fromRaw({ SANDBOX: 'false', NS1_API_KEY: 'a-real-key', AUTH_MODE: 'none' }).sandbox).toBe(false);
    expect(() => fromRaw({ SANDBOX: 'false' })).toThrow(ConfigError);
    expect(() => fromRaw({ SANDBOX: 'false' })).toThrow(/SANDBOX: is false, so set NS1_API_KEY/);
  });

  it('tracing is off unless an OTLP endpoint is set, and OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none turn it off again', () => {
    expect(fromRaw({}).tracing).toBe(false);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toBe(true);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector/v1/traces' }).tracing).toBe(true);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBe(false);
    expect(fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing).toBe(false);
    expect(() => fromRaw({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: must be an http\(s\) URL/);
  });
});
