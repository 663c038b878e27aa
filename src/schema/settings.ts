import { z } from 'astro/zod';
import { HOST_NAMES } from '../lib/hosts.ts';

/**
 * Settings an owner gives through the environment: what the build reads (each overrides its key
 * in the config file, src/schema/site-config.ts) and what `npm run digest -- --send` needs. Keys
 * are the variables' names, so an error names the variable to fix. Secrets live only here.
 */

/** An unset variable and an empty one mean the same: not configured. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

/** An address on the web: http or https only. */
export const webAddress = z.url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? 'not set' : 'expected an http(s) address, like https://papers.example.org') });

const PORT = 'expected a port number from 1 to 65535';
const SHARD_SIZE = 'expected a whole number of papers, 1 or more';

/** `true` or `false`; unset is false. */
const flag = optional(z.enum(['true', 'false'], 'expected true or false')).transform((value) => value === 'true');

/** `reader@example.org`, or `Daily Papers <digest@example.org>`. */
const mailbox = z.string().trim().refine((value) => !/[\r\n]/.test(value) && z.email().safeParse(/<([^<>]+)>$/.exec(value)?.[1] ?? value).success, 'expected an e-mail address, or a name and an address: Daily Papers <digest@example.org>');

/**
 * Whether an address is an origin alone: no path, query or fragment. Zod runs this check after a
 * failed one too: an address that is none (no scheme) passes, as it is reported once, by webAddress.
 */
function isOriginAlone(value: string): boolean {
  if (!URL.canParse(value)) return true;
  const url = new URL(value);
  return url.pathname === '/' && !url.search && !url.hash;
}

/**
 * The site's address: its origin alone, as every link adds the base path itself. A path here
 * would be dropped from every link without a word, so it is refused.
 */
export const siteOrigin = webAddress
  .refine(isOriginAlone, 'expected the address without a path, like https://papers.example.org: a sub-path goes in the base path')
  .transform((value) => new URL(value).origin);

/** The sub-path the site is served under: `daily`, `/daily` and `/daily/` all mean `/daily/`; empty is the domain root. */
export const basePath = z
  .string()
  .trim()
  .transform((value) => `/${value}/`.replace(/\/{2,}/g, '/'))
  .refine((value) => /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*$/.test(value), 'expected a sub-path such as /daily/: letters, digits, ., _, ~, - and /');

/** Papers per shard of the search index: a whole number, 1 or more. */
export const shardSize = z.coerce.number(SHARD_SIZE).int(SHARD_SIZE).min(1, SHARD_SIZE);

/** The host the site is built for (src/lib/hosts.ts): the build writes its files and checks its limits. */
export const hostName = z.enum(HOST_NAMES, `expected one of ${HOST_NAMES.join(', ')}`);

/** A folder, relative to the project folder. */
export const folder = z.string().trim().min(1, 'expected a folder');

/** What the build reads from the environment; each one overrides its key in the config file. */
export const siteSettingsSchema = z.object({
  SITE_URL: optional(siteOrigin),
  BASE_PATH: optional(basePath),
  PAPERS_DIR: optional(folder),
  NOTES_DIR: optional(folder),
  /** The sign-up form of the owner's newsletter (Buttondown, Mailchimp, ...): the Subscribe block links to it. */
  NEWSLETTER_URL: optional(webAddress),
  /** Papers per shard of the search index (src/lib/search-shards.ts); 3,000 unless given. */
  SEARCH_SHARD_SIZE: optional(shardSize),
  /** Where a build keeps what the next one reuses (Astro's cacheDir); node_modules/.astro unless given. */
  CACHE_DIR: optional(folder),
  /** The host the site is built for: its files written, its limits checked (src/lib/hosts.ts). */
  DAILY_PAPERS_HOST: optional(hostName),
});

export const digestSettingsSchema = z
  .object({
    /** The site's address: every link of a sent digest is absolute, so it is required to send one. */
    SITE_URL: webAddress,
    /** The SMTP server to send through. */
    SMTP_HOST: z.string().trim().min(1, 'expected the host name of an SMTP server'),
    /** Its port: 465 with SMTP_SECURE=true, else 587 (STARTTLS), unless given. */
    SMTP_PORT: optional(z.coerce.number(PORT).int(PORT).min(1, PORT).max(65535, PORT)),
    /** `true` for TLS from the start (port 465); `false` to upgrade with STARTTLS, which the server must then offer. */
    SMTP_SECURE: flag,
    /**
     * `true` to send without TLS when the server offers no STARTTLS, the password in clear text:
     * for a relay on this machine or a trusted network only. Unset, such a server is refused.
     */
    SMTP_ALLOW_PLAINTEXT: flag,
    SMTP_USER: optional(z.string()),
    SMTP_PASS: optional(z.string()),
    /** The sender. */
    DIGEST_FROM: mailbox,
    /** The recipients, separated by commas. */
    DIGEST_TO: z
      .string()
      .transform((value) => value.split(',').map((address) => address.trim()).filter(Boolean))
      .pipe(z.array(mailbox).min(1, 'expected one or more e-mail addresses, separated by commas')),
  })
  .refine((settings) => (settings.SMTP_USER === undefined) === (settings.SMTP_PASS === undefined), { path: ['SMTP_PASS'], message: 'SMTP_USER and SMTP_PASS go together: set both or neither' })
  .transform((settings) => ({ ...settings, SMTP_PORT: settings.SMTP_PORT ?? (settings.SMTP_SECURE ? 465 : 587) }));

export type DigestSettings = z.infer<typeof digestSettingsSchema>;

const SECONDS = 'expected a number of seconds greater than 0';
const RETRIES = 'expected a whole number of retries from 0 to 10';

/** What `npm run fetch` and `npm run update` read: where the APIs are, and how patient to be. */
export const fetchSettingsSchema = z.object({
  /** The Hugging Face daily-papers API: another host (a mirror, a test server) serving the same API. */
  HF_API_URL: optional(webAddress).transform((value) => value ?? 'https://huggingface.co/api/daily_papers'),
  /** The arXiv query API (Atom). */
  ARXIV_API_URL: optional(webAddress).transform((value) => value ?? 'https://export.arxiv.org/api/query'),
  /** How long one request may take, body included, before it counts as failed and is retried. */
  FETCH_TIMEOUT: optional(z.coerce.number(SECONDS).positive(SECONDS)).transform((value) => value ?? 30),
  /** How many times a failed request is tried again (429, 5xx, network errors, bad bodies). */
  FETCH_RETRIES: optional(z.coerce.number(RETRIES).int(RETRIES).min(0, RETRIES).max(10, RETRIES)).transform((value) => value ?? 4),
});

export type FetchSettings = z.infer<typeof fetchSettingsSchema>;

const BUCKET = 'expected the name of a bucket, like papers-example-org: no s3:// and no path (a path goes in DEPLOY_PREFIX)';
const STORAGE_ADDRESS = 'expected the storage\'s address alone, like https://<account>.r2.cloudflarestorage.com: no path, user name or password';

/**
 * What `npm run deploy` reads: the bucket and where it is. Its keys are the AWS SDK's own
 * variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or any other source of the SDK's default
 * credential chain), read by the SDK and never here, so no message of ours can hold them.
 */
export const deploySettingsSchema = z.object({
  /** The bucket the site is uploaded to; its objects under DEPLOY_PREFIX are the site's, and what the build no longer has is deleted. */
  DEPLOY_BUCKET: z.preprocess(
    unsetIfEmpty,
    z.string({ error: (issue) => (issue.input === undefined ? 'not set: name the bucket to deploy to' : BUCKET) }).trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, BUCKET),
  ),
  /** A folder of the bucket to deploy into, `daily` or `daily/` (the site built with BASE_PATH=/daily/); the whole bucket unless given. */
  DEPLOY_PREFIX: optional(basePath).transform((path) => (path ?? '/').slice(1)),
  /**
   * Where the storage is, for another than AWS S3: Cloudflare R2, MinIO, a server on this machine.
   * Without a user name or password: the keys go in their own variables, and this is printed.
   */
  DEPLOY_ENDPOINT: optional(webAddress.refine((value) => isOriginAlone(value) && !/^[a-z]+:\/\/[^/]*@/i.test(value), STORAGE_ADDRESS)).transform((value) => value && new URL(value).origin),
  /** The bucket's region: `auto` for R2; us-east-1 unless given (MinIO's default too). */
  DEPLOY_REGION: optional(z.string().trim().regex(/^[a-z0-9-]+$/, 'expected a region, like eu-west-1 or auto')).transform((value) => value ?? 'us-east-1'),
  /** `true` to address the bucket as a path of the endpoint (`https://host/bucket/key`), as MinIO wants, rather than as a host name (`https://bucket.host/key`). */
  DEPLOY_FORCE_PATH_STYLE: flag,
});

export type DeploySettings = z.infer<typeof deploySettingsSchema>;

/** Settings read from `env`, or an error with one line per bad variable: `SMTP_PORT: expected a port number`. */
export function readSettings<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = checkSettings(schema, env);
  if ('problems' in result) throw new Error(`invalid settings in the environment:\n  ${result.problems.join('\n  ')}`);
  return result.data;
}

/** Settings read from `env`, or one line per bad variable. */
export function checkSettings<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): { data: z.infer<T> } | { problems: string[] } {
  // A missing variable is said so, rather than as a type error about undefined.
  const result = schema.safeParse(env, { error: (issue) => (issue.input === undefined ? 'not set' : undefined) });
  if (result.success) return { data: result.data };
  const lines = result.error.issues.map((issue) => `${issue.path[0] === undefined ? '(settings)' : String(issue.path[0])}: ${issue.message}`);
  return { problems: [...new Set(lines)] };
}
