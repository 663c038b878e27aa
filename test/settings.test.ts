import { describe, expect, it } from 'vitest';
import { digestSettingsSchema, fetchSettingsSchema, readSettings, siteSettingsSchema } from '../src/schema/settings.ts';
import { thrownMessage } from './support/thrown.ts';

const valid = { SITE_URL: 'https://papers.example.org', SMTP_HOST: 'smtp.example.org', DIGEST_FROM: 'digest@example.org', DIGEST_TO: 'ada@example.org' };
const error = (env: Record<string, string>) => thrownMessage(() => readSettings(digestSettingsSchema, env));

describe('the settings read from the environment', () => {
  it('take the SMTP port from SMTP_SECURE when it is not given: 465 for TLS, else 587', () => {
    expect(readSettings(digestSettingsSchema, valid)).toMatchObject({ SMTP_PORT: 587, SMTP_SECURE: false });
    expect(readSettings(digestSettingsSchema, { ...valid, SMTP_SECURE: 'true' })).toMatchObject({ SMTP_PORT: 465, SMTP_SECURE: true });
    expect(readSettings(digestSettingsSchema, { ...valid, SMTP_PORT: '2525' })).toMatchObject({ SMTP_PORT: 2525 });
  });

  it('read SMTP_ALLOW_PLAINTEXT as false unless it is true, and take nothing but true or false', () => {
    expect(readSettings(digestSettingsSchema, valid)).toMatchObject({ SMTP_ALLOW_PLAINTEXT: false });
    expect(readSettings(digestSettingsSchema, { ...valid, SMTP_ALLOW_PLAINTEXT: 'true' })).toMatchObject({ SMTP_ALLOW_PLAINTEXT: true });
    expect(readSettings(digestSettingsSchema, { ...valid, SMTP_ALLOW_PLAINTEXT: '' })).toMatchObject({ SMTP_ALLOW_PLAINTEXT: false });
    expect(error({ ...valid, SMTP_ALLOW_PLAINTEXT: '1' })).toBe('invalid settings in the environment:\n  SMTP_ALLOW_PLAINTEXT: expected true or false');
  });

  it('split DIGEST_TO on commas, and read an empty variable as an unset one', () => {
    expect(readSettings(digestSettingsSchema, { ...valid, DIGEST_TO: ' ada@example.org,Grace Hopper <grace@example.org> ,', SMTP_PORT: '', SMTP_USER: '', SMTP_PASS: '' })).toMatchObject({
      DIGEST_TO: ['ada@example.org', 'Grace Hopper <grace@example.org>'],
      SMTP_PORT: 587,
      SMTP_USER: undefined,
    });
  });

  it('name the variable of each problem', () => {
    expect(error({ ...valid, SMTP_USER: 'digest' })).toBe('invalid settings in the environment:\n  SMTP_PASS: SMTP_USER and SMTP_PASS go together: set both or neither');
    expect(error({ ...valid, SMTP_PORT: '70000', SMTP_SECURE: 'yes' })).toBe('invalid settings in the environment:\n  SMTP_PORT: expected a port number from 1 to 65535\n  SMTP_SECURE: expected true or false');
    expect(error({ ...valid, DIGEST_FROM: 'Daily Papers <digest@example.org>\r\nBcc: everyone@example.org' })).toMatch(/^invalid settings in the environment:\n {2}DIGEST_FROM: expected an e-mail address/);
    expect(error({ ...valid, DIGEST_TO: ' , ' })).toBe('invalid settings in the environment:\n  DIGEST_TO: expected one or more e-mail addresses, separated by commas');
  });

  it('accept only an http(s) newsletter address, and none', () => {
    expect(readSettings(siteSettingsSchema, {}).NEWSLETTER_URL).toBeUndefined();
    expect(readSettings(siteSettingsSchema, { NEWSLETTER_URL: 'https://buttondown.com/daily-papers' }).NEWSLETTER_URL).toBe('https://buttondown.com/daily-papers');
    expect(() => readSettings(siteSettingsSchema, { NEWSLETTER_URL: 'javascript:alert(1)' })).toThrow('NEWSLETTER_URL: expected an http(s) address');
  });

  it('give fetch the public APIs and patient defaults, and take other http(s) API addresses', () => {
    expect(readSettings(fetchSettingsSchema, { FETCH_TIMEOUT: '' })).toEqual({
      HF_API_URL: 'https://huggingface.co/api/daily_papers',
      ARXIV_API_URL: 'https://export.arxiv.org/api/query',
      FETCH_TIMEOUT: 30,
      FETCH_RETRIES: 4,
    });
    expect(readSettings(fetchSettingsSchema, { HF_API_URL: 'http://127.0.0.1:8080/api/daily_papers', FETCH_TIMEOUT: '2.5', FETCH_RETRIES: '0' })).toMatchObject({
      HF_API_URL: 'http://127.0.0.1:8080/api/daily_papers',
      FETCH_TIMEOUT: 2.5,
      FETCH_RETRIES: 0,
    });
    expect(() => readSettings(fetchSettingsSchema, { ARXIV_API_URL: 'export.arxiv.org', FETCH_TIMEOUT: '0', FETCH_RETRIES: '1.5' })).toThrow(
      'invalid settings in the environment:\n  ARXIV_API_URL: expected an http(s) address, like https://papers.example.org\n  FETCH_TIMEOUT: expected a number of seconds greater than 0\n  FETCH_RETRIES: expected a whole number of retries from 0 to 10',
    );
  });
});
