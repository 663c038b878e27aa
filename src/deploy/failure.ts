import { forTerminal } from '../lib/control-characters.ts';
import { plural } from '../lib/wording.ts';

/** A deploy that failed: its message is one line, safe to print (it names the bucket, never the keys). */
export class DeployFailed extends Error {
  /** 1 when the storage failed us; 2 when the settings are at fault (no keys). */
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

const REFUSED_KEYS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken', 'AuthorizationHeaderMalformed']);
/** Node's codes for a server that could not be reached, and the SDK's for one that did not answer in time. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'TimeoutError', 'RequestTimeout']);

/**
 * What went wrong when `doing` something with the bucket at `where`, in one line that says what to
 * check. It quotes only error codes (written out if they hold control characters: a server's
 * answer ends up on a terminal), never a server's message, a request or a key.
 */
export function deployFailure(error: unknown, where: string, doing: string): DeployFailed {
  const { name = 'Error', code, $metadata: metadata } = (error ?? {}) as SdkError;
  const what = code ?? name;
  const tries = metadata?.attempts && metadata.attempts > 1 ? ` after ${plural(metadata.attempts, 'try', 'tries')}` : '';
  const status = metadata?.httpStatusCode ? `HTTP ${metadata.httpStatusCode} ` : '';
  const at = `deploy to ${where} failed while ${doing}`;
  let line: string;
  let exitCode = 1;
  if (name === 'CredentialsProviderError') {
    line = `${at}: no keys found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
    exitCode = 2;
  } else if (REFUSED_KEYS.has(what)) line = `${at}: the storage refused the keys (${status}${what}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  else if (what === 'AccessDenied' || metadata?.httpStatusCode === 403) line = `${at}: access denied (${status}${what}): the keys must be allowed to list, read, write and delete objects in the bucket`;
  else if (what === 'NoSuchBucket') line = `${at}: there is no such bucket (${status}${what})`;
  else if (UNREACHABLE.has(what)) line = `${at}: the storage could not be reached (${what}${tries})`;
  else line = `${at}: ${status}${what}${tries}`;
  return new DeployFailed(forTerminal(line), exitCode);
}
