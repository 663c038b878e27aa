#!/usr/bin/env node
// Command-line entry point: `npm run digest -- --date YYYY-MM-DD [--send] [--html]`.
import { parseCommandLine } from '../src/cli/command-line.ts';
import { checkSiteSettings } from '../src/config/site-settings.ts';
import { renderDigest } from '../src/digest/digest.ts';
import { readDayPapers } from '../src/digest/day-papers.ts';
import { sendDigest } from '../src/digest/send.ts';
import { forTerminal } from '../src/lib/control-characters.ts';
import { PLACEHOLDER_SITE, siteUrl } from '../src/lib/site-url.ts';
import { isoDay } from '../src/schema/paper.ts';
import { checkSettings, digestSettingsSchema, type DigestSettings } from '../src/schema/settings.ts';

const USAGE = `usage: npm run digest -- --date YYYY-MM-DD [--send] [--html] [--papers DIR]
  --date DAY     the list day to digest
  --send         send it by e-mail; settings come from the environment: SITE_URL, SMTP_HOST,
                 SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, SMTP_ALLOW_PLAINTEXT, DIGEST_FROM,
                 DIGEST_TO (see the README)
  --html         print the HTML version instead of the plain text (without --send)
  --papers DIR   the collection (default: PAPERS_DIR, else the config file's papersDir, else content/papers)
Without --send the digest is printed to standard output. The site's address and base path
(SITE_URL and BASE_PATH, or daily-papers.config.json) make its links.
exit codes: 0 done; 1 no papers that day, or a recipient not reached; 2 usage or settings error`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const args = parseCommandLine(
  {
    options: {
      date: { type: 'string' },
      send: { type: 'boolean', default: false },
      html: { type: 'boolean', default: false },
      papers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);
const { date, send, html } = args.values;
if (!date || !isoDay.safeParse(date).success) fail(`${date ? `not a day: ${JSON.stringify(date)}` : '--date is required'}\n${USAGE}`, 2);

// Every problem of the site's settings and the mail settings at once, each said once.
const checked = checkSiteSettings(process.env, process.cwd());
const siteSettings = 'settings' in checked ? checked.settings : undefined;
// The config file's address serves when SITE_URL is not set, as it does for the build.
const mail = send ? checkSettings(digestSettingsSchema, { ...process.env, SITE_URL: process.env.SITE_URL || siteSettings?.siteUrl }) : undefined;
const problems = new Set([...('problems' in checked ? checked.problems : []), ...(mail && 'problems' in mail ? mail.problems : [])]);
if (!siteSettings || problems.size > 0) fail(`invalid settings:\n  ${[...problems].join('\n  ')}`, 2);
const settings: DigestSettings | undefined = mail && 'data' in mail ? mail.data : undefined;
const site = siteUrl(siteSettings.siteUrl);
const collection = args.values.papers ?? siteSettings.papersDir;
if (site.href === PLACEHOLDER_SITE) console.error(`SITE_URL is not set (nor siteUrl in the config file): the digest links to ${PLACEHOLDER_SITE}`);

let papers;
try {
  papers = readDayPapers(collection, date);
} catch (error) {
  fail(`cannot read ${collection}: ${(error as Error).message}`, 2);
}
if (papers.length === 0) fail(`no papers listed on ${date} in ${collection}`, 1);

const digest = renderDigest(date, papers, site);
console.error(`${date}: ${digest.shown} of ${digest.total} papers in the digest, ${Buffer.byteLength(digest.html).toLocaleString('en-US')} bytes of HTML`);
if (!settings) {
  process.stdout.write(html ? digest.html : digest.text);
  process.exit(0);
}

const deliveries = await sendDigest(digest, settings);
for (const delivery of deliveries) console.error(forTerminal(`${delivery.ok ? 'sent to' : 'NOT sent to'} ${delivery.recipient}: ${delivery.response}`));
process.exit(deliveries.every((delivery) => delivery.ok) ? 0 : 1);
