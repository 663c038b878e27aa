import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/run.ts';
import { hfDailyData } from './support/locations.ts';
import { runScript } from './support/run-script.ts';
import { startSmtpServer } from './support/smtp.ts';

/** A real day of Hugging Face daily papers, ingested into a collection of its own. */
const DAY = '2026-06-15';
const dayIds: string[] = JSON.parse(readFileSync(join(hfDailyData, `${DAY}.json`), 'utf8')).map((item: { paper: { id: string } }) => item.paper.id);
const SITE = 'https://papers.example.org';
const credentials = { user: 'digest', pass: 'not-a-real-password' };

/** Runs `npm run digest` as a person or cron would. */
const digest = (args: string[], env: Record<string, string>) => runScript('digest.ts', args, env);

describe('npm run digest', () => {
  let papers: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const settings = () => ({
    PAPERS_DIR: papers,
    SITE_URL: SITE,
    BASE_PATH: '/daily/',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SMTP_USER: credentials.user,
    SMTP_PASS: credentials.pass,
    // The test server offers no STARTTLS: a relay on this machine, as the setting is meant for.
    SMTP_ALLOW_PLAINTEXT: 'true',
    DIGEST_FROM: 'Daily Papers <digest@papers.example.org>',
    DIGEST_TO: 'ada@example.org, grace@example.org',
  });

  beforeAll(async () => {
    papers = mkdtempSync(join(tmpdir(), 'digest-papers-'));
    expect(ingest({ inputs: [join(hfDailyData, `${DAY}.json`)], outDir: papers }).errors).toBe(0);
    smtp = await startSmtpServer(credentials);
  });
  afterAll(async () => {
    await smtp?.close();
    rmSync(papers, { recursive: true, force: true });
  });

  it('sends the day to each recipient through the SMTP server, as HTML and plain text with absolute links', async () => {
    const result = await digest(['--date', DAY, '--send'], settings());
    expect(result.stderr).toContain('sent to ada@example.org');
    expect(result.code).toBe(0);

    // One message per recipient, so no reader sees another's address.
    expect(smtp.received.map((mail) => [mail.rcptTo, mail.message.to && 'text' in mail.message.to ? mail.message.to.text : undefined])).toEqual([
      [['ada@example.org'], 'ada@example.org'],
      [['grace@example.org'], 'grace@example.org'],
    ]);
    for (const { mailFrom, user, message } of smtp.received) {
      expect(user).toBe(credentials.user);
      expect(mailFrom).toBe('digest@papers.example.org');
      expect(message.from?.text).toBe('"Daily Papers" <digest@papers.example.org>');
      expect(message.subject).toBe(`Daily Papers: ${dayIds.length} papers of Jun 15, 2026`);

      expect(message.html).toBeTruthy();
      const $ = load(message.html as string);
      const hrefs = $('a').map((_, a) => $(a).attr('href')).get();
      for (const href of hrefs) expect(href).toMatch(/^(https:\/\/papers\.example\.org\/daily\/|https:\/\/arxiv\.org\/abs\/)/);
      expect($('h2 a').map((_, a) => $(a).attr('href')).get().sort()).toEqual(dayIds.map((id) => `${SITE}/daily/papers/${id}/`).sort());

      expect(message.text).toBeTruthy();
      for (const id of dayIds) expect(message.text).toContain(`${SITE}/daily/papers/${id}/`);
      expect(message.text).not.toMatch(/<\w+[^>]*>/);
    }
  });

  it('reports a recipient it could not reach and exits with 1', async () => {
    const before = smtp.received.length;
    const result = await digest(['--date', DAY, '--send'], { ...settings(), SMTP_PASS: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NOT sent to ada@example\.org: .*Invalid username or password/);
    expect(smtp.received.length).toBe(before);
  });

  it('refuses a server that offers no STARTTLS, never sending it the password, unless SMTP_ALLOW_PLAINTEXT says so', async () => {
    const before = { received: smtp.received.length, logins: smtp.logins.length };
    const { SMTP_ALLOW_PLAINTEXT: _, ...withoutOptOut } = settings();
    const result = await digest(['--date', DAY, '--send'], withoutOptOut);
    expect(result.code).toBe(1);
    for (const recipient of ['ada@example.org', 'grace@example.org']) {
      expect(result.stderr).toContain(`NOT sent to ${recipient}: no TLS with the server, so nothing was sent, the password neither (Error upgrading connection with STARTTLS`);
    }
    expect(result.stderr).toContain('SMTP_ALLOW_PLAINTEXT=true sends without it');
    expect(smtp.logins.length).toBe(before.logins);
    expect(smtp.received.length).toBe(before.received);
  });

  it('names each missing or bad setting, sends nothing and exits with 2', async () => {
    const result = await digest(['--date', DAY, '--send'], { PAPERS_DIR: papers, SITE_URL: 'ftp://papers.example.org', SMTP_PORT: '25x', DIGEST_TO: 'ada@example.org, not an address' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'invalid settings:\n' +
        '  SITE_URL: expected an http(s) address, like https://papers.example.org\n' +
        '  SMTP_HOST: not set\n' +
        '  SMTP_PORT: expected a port number from 1 to 65535\n' +
        '  DIGEST_FROM: not set\n' +
        '  DIGEST_TO: expected an e-mail address, or a name and an address: Daily Papers <digest@example.org>\n',
    );
  });

  it('prints the plain text, or the HTML, without --send and without a build', async () => {
    const text = await digest(['--date', DAY], { PAPERS_DIR: papers, SITE_URL: SITE });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Daily Papers · Papers of Jun 15, 2026\n/);
    for (const id of dayIds) expect(text.stdout).toContain(`${SITE}/papers/${id}/`);
    const html = await digest(['--date', DAY, '--html'], { PAPERS_DIR: papers, SITE_URL: SITE });
    expect(html.stdout).toMatch(/^<!doctype html>/i);
    expect(load(html.stdout)('h2 a')).toHaveLength(dayIds.length);
  });

  it('links to the placeholder address, and says so, when SITE_URL is not set', async () => {
    const result = await digest(['--date', DAY], { PAPERS_DIR: papers });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('SITE_URL is not set');
    expect(result.stdout).toContain(`https://example.invalid/papers/${dayIds[0]}/`);
  });

  it("takes the site's address, base path, name and collection from the config file", async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'digest-config-')), 'site.json');
    writeFileSync(config, JSON.stringify({ siteUrl: SITE, basePath: 'reading', title: 'Reading Group', papersDir: papers }));
    const result = await digest(['--date', DAY], { DAILY_PAPERS_CONFIG: config });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('SITE_URL is not set');
    expect(result.stdout).toMatch(/^Reading Group · Papers of Jun 15, 2026\n/);
    for (const id of dayIds) expect(result.stdout).toContain(`${SITE}/reading/papers/${id}/`);
  });

  it('exits with 1 on a day without papers, and with 2 without a day', async () => {
    expect((await digest(['--date', '2026-06-14'], { PAPERS_DIR: papers })).code).toBe(1);
    expect((await digest([], { PAPERS_DIR: papers })).code).toBe(2);
    expect((await digest(['--date', '2026-02-30'], { PAPERS_DIR: papers })).code).toBe(2);
  });
});
