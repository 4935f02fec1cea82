import { describe, expect, it } from 'vitest';
import { startOptionsFromEnv } from '../server/env-options.ts';

describe('start options from the environment', () => {
  it('reads the origins list, the proxy trust and the job workers', () => {
    const options = startOptionsFromEnv({ PLENIPO_ORIGINS: ' https://plenipo.example.org/ ,http://10.0.0.5:8080', PLENIPO_TRUST_PROXY: '1', PLENIPO_JOB_WORKERS: '2' });
    expect(options.origins).toEqual(['https://plenipo.example.org', 'http://10.0.0.5:8080']);
    expect(options.trustProxy).toBe(true);
    expect(options.jobs).toEqual({ workers: 2 });
  });

  it('defaults to no extra origin and no proxy trust', () => {
    expect(startOptionsFromEnv({})).toMatchObject({ origins: [], trustProxy: false, port: 8080, dbPath: 'data/plenipo.db', sync: 'normal' });
  });

  it('names a bad value', () => {
    expect(() => startOptionsFromEnv({ PLENIPO_ORIGINS: 'plenipo.example.org' })).toThrow('PLENIPO_ORIGINS entries must look like https://host[:port], not "plenipo.example.org"');
    expect(() => startOptionsFromEnv({ PLENIPO_TRUST_PROXY: 'yes' })).toThrow('PLENIPO_TRUST_PROXY must be 0 or 1, not "yes"');
    expect(() => startOptionsFromEnv({ PLENIPO_JOB_WORKERS: '0' })).toThrow('PLENIPO_JOB_WORKERS must be a whole number of at least 1, not "0"');
    expect(() => startOptionsFromEnv({ PLENIPO_SYNC: 'off' })).toThrow('PLENIPO_SYNC must be full or normal, not "off"');
  });
});
