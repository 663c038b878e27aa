import { S3Client } from '@aws-sdk/client-s3';
import type { DeploySettings } from '../schema/settings.ts';

/**
 * Tries of each request. The SDK's standard retry strategy retries throttling (429, SlowDown),
 * 5xx answers, timeouts and network errors with exponential backoff and full jitter (a random
 * wait up to 0.1, 0.2, 0.4, 0.8 s; from 0.5 s when throttled), and nothing else: a refused key
 * fails at once, and a server that refuses connections does within two seconds.
 */
export const ATTEMPTS = 5;

/**
 * The S3 client of a deploy, from its settings. Its keys come from the SDK's default credential
 * chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, a role), never from us.
 */
export function storageClient(settings: DeploySettings): S3Client {
  return new S3Client({
    region: settings.DEPLOY_REGION,
    endpoint: settings.DEPLOY_ENDPOINT,
    forcePathStyle: settings.DEPLOY_FORCE_PATH_STYLE,
    retryMode: 'standard',
    maxAttempts: ATTEMPTS,
    // A server that does not answer at all fails in seconds, not minutes; an answer may pause longer.
    requestHandler: { connectionTimeout: 3000, requestTimeout: 60_000 },
    // Checksums only where S3 requires one (deleting many objects): the CRC32 headers the SDK
    // adds to every upload by default are refused by some S3-compatible servers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
