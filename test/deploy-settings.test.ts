import { describe, expect, it } from 'vitest';
import { checkSettings, deploySettingsSchema } from '../src/schema/settings.ts';

describe('the deploy settings', () => {
  const settings = (env: Record<string, string>) => checkSettings(deploySettingsSchema, env);

  it('need a bucket, and read the prefix as a folder and the endpoint as an origin', () => {
    expect(settings({})).toEqual({ problems: ['DEPLOY_BUCKET: not set: name the bucket to deploy to'] });
    expect(settings({ DEPLOY_BUCKET: '' })).toEqual({ problems: ['DEPLOY_BUCKET: not set: name the bucket to deploy to'] });
    expect(settings({ DEPLOY_BUCKET: 'papers', DEPLOY_PREFIX: '/daily', DEPLOY_ENDPOINT: 'https://account.r2.cloudflarestorage.com/', DEPLOY_REGION: 'auto' })).toEqual({
      data: { DEPLOY_BUCKET: 'papers', DEPLOY_PREFIX: 'daily/', DEPLOY_ENDPOINT: 'https://account.r2.cloudflarestorage.com', DEPLOY_REGION: 'auto', DEPLOY_FORCE_PATH_STYLE: false },
    });
    expect(settings({ DEPLOY_BUCKET: 'papers' })).toEqual({ data: { DEPLOY_BUCKET: 'papers', DEPLOY_PREFIX: '', DEPLOY_ENDPOINT: undefined, DEPLOY_REGION: 'us-east-1', DEPLOY_FORCE_PATH_STYLE: false } });
  });

  it('refuse a bucket given as a URL, a prefix that climbs, and an endpoint with a path or a password, without echoing the value', () => {
    const checked = settings({ DEPLOY_BUCKET: 's3://papers/daily', DEPLOY_PREFIX: '../up', DEPLOY_ENDPOINT: 'https://user:hunter2@storage.example.org/bucket', DEPLOY_FORCE_PATH_STYLE: 'yes' });
    expect(checked).toEqual({
      problems: [
        'DEPLOY_BUCKET: expected the name of a bucket, like papers-example-org: no s3:// and no path (a path goes in DEPLOY_PREFIX)',
        'DEPLOY_PREFIX: expected a sub-path such as /daily/: letters, digits, ., _, ~, - and /',
        "DEPLOY_ENDPOINT: expected the storage's address alone, like https://<account>.r2.cloudflarestorage.com: no path, user name or password",
        'DEPLOY_FORCE_PATH_STYLE: expected true or false',
      ],
    });
    expect(JSON.stringify(checked)).not.toContain('hunter2');
  });
});
