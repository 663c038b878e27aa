// The process of scripts/tooling/s3-server.ts: s3rver on a free port of 127.0.0.1, told its
// settings as JSON in argv[2], telling its parent its port and each object it stores over IPC.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import S3rver from 's3rver';
import type { Faults, ServerMessage } from './s3-server.ts';

const { bucket, directory, keys, faults } = JSON.parse(process.argv[2]) as { bucket: string; directory: string; keys: { id: string; secret: string }; faults: Faults };
const tell = (message: ServerMessage) => process.send!(message);

const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
let stored = 0;
let throttled = 0;
server.middleware.unshift(async (ctx, next) => {
  const refused = signatureProblem(ctx.req);
  // PUT /bucket/key: an object stored (a PUT to /bucket makes a bucket).
  const isObjectPut = ctx.method === 'PUT' && /^\/[^/]+\/./.test(ctx.req.url!);
  const throttle = isObjectPut && throttled < (faults.throttleFirst ?? 0);
  if (refused || throttle) {
    // The body is read first, so that the client gets the answer rather than a broken pipe.
    for await (const _ of ctx.req);
    if (throttle) throttled++;
    ctx.status = refused ? 403 : 503;
    ctx.type = 'application/xml';
    const [code, message] = refused ? [refused, 'The request signature we calculated does not match the signature you provided.'] : ['SlowDown', 'Please reduce your request rate.'];
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
    return;
  }
  if (isObjectPut && faults.putDelayMs) await new Promise((resolve) => setTimeout(resolve, faults.putDelayMs));
  await next();
  if (isObjectPut && ctx.status === 200) tell({ stored: ++stored });
});
const { port } = await server.run();
tell({ port });
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
// Its parent gone (a test run stopped), it goes too.
process.on('disconnect', () => process.exit(0));

/**
 * Why S3 would refuse the request's signature (version 4, in the Authorization header), as its
 * error code; undefined when it is right, or when there is none (s3rver then decides). s3rver
 * itself checks only the access key of such a request, not the signature.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
function signatureProblem(request: IncomingMessage): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization === undefined) return undefined;
  const parts = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!parts) return 'AuthorizationHeaderMalformed';
  const [, keyId, date, region, service, signedHeaders, signature] = parts;
  if (keyId !== keys.id) return 'InvalidAccessKeyId';
  const [path, query = ''] = request.url!.split('?');
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=').map((part) => rfc3986(decodeURIComponent(part))))
    .map(([name, value = '']) => `${name}=${value}`)
    .sort()
    .join('&');
  const headers = signedHeaders.split(';').map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  // S3 signs the path as sent, encoded once, and the payload's hash as the client states it.
  const canonicalRequest = [request.method, path, canonicalQuery, headers, signedHeaders, request.headers['x-amz-content-sha256']].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', request.headers['x-amz-date'], scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const key = [date, region, service, 'aws4_request'].reduce<Buffer | string>((secret, part) => createHmac('sha256', secret).update(part).digest(), `AWS4${keys.secret}`);
  return createHmac('sha256', key).update(stringToSign).digest('hex') === signature ? undefined : 'SignatureDoesNotMatch';
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
