import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from './support/locations.ts';
import { scratchFolder } from './support/scratch.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  permissions: Record<string, string>;
  steps: Step[];
  needs?: string;
  if?: string;
  outputs?: Record<string, string>;
}

const workflow = parse(readFileSync(join(projectRoot, '.github/workflows/daily.yml'), 'utf8')) as {
  on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: { update: Job; deploy: Job };
};
const { update, deploy } = workflow.jobs;
const step = (id: string) => update.steps.find((candidate) => candidate.id === id)!;
const commitStep = update.steps.find((candidate) => candidate.run?.includes('git commit'))!;

/** The npm commands in a shell script, in order: `npm ci`, `npm run update`. */
const npmCommands = (script: string) => [...script.matchAll(/\bnpm (?:ci|run [\w:-]+)/g)].map((match) => match[0]);

/** The commands of the README's "Every day" block. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Every day'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  return npmCommands(block);
}

/** Runs a step's script as GitHub Actions does on Linux (`bash -e`, pipefail), with `npm` a stub. */
function runStep(script: string, env: Record<string, string>, cwd?: string): { status: number | null; outputs: Record<string, string>; npm: string[]; stderr: string } {
  const dir = scratchFolder('workflow');
  mkdirSync(join(dir, 'bin'));
  // npm run update exits with $UPDATE_EXIT; every other command succeeds.
  writeFileSync(join(dir, 'bin', 'npm'), '#!/bin/sh\necho "npm $*" >> "$NPM_LOG"\n[ "$*" = "run update" ] && exit "$UPDATE_EXIT"\nexit 0\n');
  chmodSync(join(dir, 'bin', 'npm'), 0o755);
  for (const file of ['output', 'npm.log']) writeFileSync(join(dir, file), '');
  writeFileSync(join(dir, 'step.sh'), script);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', join(dir, 'step.sh')], {
    cwd: cwd ?? dir,
    env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, GITHUB_OUTPUT: join(dir, 'output'), NPM_LOG: join(dir, 'npm.log'), UPDATE_EXIT: '0', ...env },
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(readFileSync(join(dir, 'output'), 'utf8').split('\n').filter(Boolean).map((line) => line.split('=')));
  return { status: result.status, outputs, npm: readFileSync(join(dir, 'npm.log'), 'utf8').split('\n').filter(Boolean), stderr: result.stderr };
}

const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout.trim();

describe('the daily workflow', () => {
  it('runs every day and on demand', () => {
    expect(workflow.on.schedule.map(({ cron }) => cron)).toEqual([expect.stringMatching(/^\d+ \d+ \* \* \*$/)]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it("runs the README's commands, in the README's order, and no other npm command", () => {
    const run = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((candidate) => npmCommands(candidate.run ?? '')));
    expect(readmeCommands()).toEqual(['npm ci', 'npm run update', 'npm run build', 'npm run deploy']);
    expect(run).toEqual(readmeCommands());
    // Each `npm run` names a script of package.json.
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const command of run.filter((line) => line.startsWith('npm run '))) expect(scripts).toHaveProperty(command.split(' ')[2]);
  });

  it('builds with Node 24, and with the address and sub-path GitHub Pages gives the site, or on object storage those the repository variables give', () => {
    expect(update.steps.find((candidate) => candidate.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    expect(step('pages')).toMatchObject({ uses: expect.stringMatching(/^actions\/configure-pages@/), if: "vars.DEPLOY_TARGET != 's3'" });
    expect(step('update').env).toMatchObject({
      SITE_URL: "${{ vars.DEPLOY_TARGET == 's3' && vars.SITE_URL || steps.pages.outputs.origin }}",
      BASE_PATH: "${{ vars.DEPLOY_TARGET == 's3' && vars.BASE_PATH || steps.pages.outputs.base_path }}",
    });
  });

  it('deploys new days, takes "nothing new" as a success with nothing to deploy, and fails when the update fails', () => {
    const script = step('update').run!;
    expect(runStep(script, { UPDATE_EXIT: '0', FORCE: 'false' })).toMatchObject({ status: 0, outputs: { fetched: 'true', deploy: 'true' }, npm: ['npm run update'] });
    expect(runStep(script, { UPDATE_EXIT: '3', FORCE: 'false' })).toMatchObject({ status: 0, outputs: { fetched: 'false', deploy: 'false' }, npm: ['npm run update'] });
    expect(runStep(script, { UPDATE_EXIT: '3', FORCE: 'true' })).toMatchObject({ status: 0, outputs: { fetched: 'false', deploy: 'true' }, npm: ['npm run update', 'npm run build'] });
    expect(runStep(script, { UPDATE_EXIT: '1', FORCE: 'true' })).toMatchObject({ status: 1, npm: ['npm run update'] });
    expect(runStep(script, { UPDATE_EXIT: '2', FORCE: 'false' }).status).toBe(2);
  });

  it('commits only after new days, and deploys only what the update step says to', () => {
    expect(commitStep.if).toBe("steps.update.outputs.fetched == 'true'");
    expect(update.steps.find((candidate) => candidate.uses?.startsWith('actions/upload-pages-artifact@'))).toMatchObject({ if: "steps.update.outputs.deploy == 'true' && vars.DEPLOY_TARGET != 's3'", with: { path: 'dist' } });
    expect(update.outputs).toEqual({ deploy: '${{ steps.update.outputs.deploy }}' });
    expect(deploy).toMatchObject({ needs: 'update', if: "needs.update.outputs.deploy == 'true' && vars.DEPLOY_TARGET != 's3'" });
    expect(deploy.steps.map((candidate) => candidate.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@/)]);
  });

  it('deploys to object storage instead when the repository variable DEPLOY_TARGET is s3, after the commit, its keys from secrets and its settings from variables', () => {
    const storage = update.steps.find((candidate) => candidate.run === 'npm run deploy')!;
    expect(storage.if).toBe("steps.update.outputs.deploy == 'true' && vars.DEPLOY_TARGET == 's3'");
    expect(update.steps.indexOf(storage)).toBeGreaterThan(update.steps.indexOf(commitStep));
    expect(storage.env).toEqual({
      ...Object.fromEntries(['DEPLOY_BUCKET', 'DEPLOY_PREFIX', 'DEPLOY_ENDPOINT', 'DEPLOY_REGION', 'DEPLOY_FORCE_PATH_STYLE'].map((name) => [name, `\${{ vars.${name} }}`])),
      AWS_ACCESS_KEY_ID: '${{ secrets.DEPLOY_ACCESS_KEY_ID }}',
      AWS_SECRET_ACCESS_KEY: '${{ secrets.DEPLOY_SECRET_ACCESS_KEY }}',
    });
    // Secrets go to that step alone.
    const elsewhere = JSON.stringify(Object.values(workflow.jobs).flatMap((job) => job.steps.filter((candidate) => candidate !== storage)));
    expect(elsewhere).not.toContain('secrets.');
  });

  it('commits the new raw records and papers, and nothing else, as the Actions bot, and pushes them', () => {
    const root = scratchFolder('commit');
    const remote = join(root, 'remote.git');
    const clone = join(root, 'clone');
    spawnSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
    spawnSync('git', ['clone', '--quiet', remote, clone]);
    writeFileSync(join(clone, 'README.md'), 'site\n');
    git(clone, 'checkout', '--quiet', '-B', 'main');
    git(clone, '-c', 'user.name=Owner', '-c', 'user.email=owner@example.org', 'commit', '--quiet', '--allow-empty', '-m', 'start');
    git(clone, 'push', '--quiet', '--set-upstream', 'origin', 'main');
    mkdirSync(join(clone, 'data', 'raw', 'hf'), { recursive: true });
    mkdirSync(join(clone, 'content', 'papers'), { recursive: true });
    writeFileSync(join(clone, 'data', 'raw', 'hf', '2026-06-25.json'), '[]\n');
    writeFileSync(join(clone, 'content', 'papers', '2606.25001.md'), '---\nid: "2606.25001"\n---\n');

    expect(runStep(commitStep.run!, {}, clone)).toMatchObject({ status: 0 });
    expect(git(remote, 'log', '-1', '--format=%an <%ae>')).toBe('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>');
    expect(git(remote, 'show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(['content/papers/2606.25001.md', 'data/raw/hf/2026-06-25.json']);
    expect(git(clone, 'status', '--porcelain')).toBe('?? README.md');

    // Nothing new to commit: the step succeeds and pushes nothing.
    const head = git(remote, 'rev-parse', 'HEAD');
    expect(runStep(commitStep.run!, {}, clone).status).toBe(0);
    expect(git(remote, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('asks each job for the least it needs, and runs once at a time', () => {
    expect(workflow.permissions).toEqual({});
    expect(update.permissions).toEqual({ contents: 'write', pages: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency).toEqual({ group: 'daily-papers', 'cancel-in-progress': false });
  });
});
