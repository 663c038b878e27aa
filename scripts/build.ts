#!/usr/bin/env node
// Command-line entry point: `npm run build [-- astro build options]`. Runs `astro build` under a
// heap limit that grows with the collection (src/build/astro-build.ts).
import { spawn } from 'node:child_process';
import { astroBuildCommand } from '../src/build/astro-build.ts';
import { checkSiteSettings } from '../src/config/site-settings.ts';

const checked = checkSiteSettings(process.env, process.cwd());
if ('problems' in checked) {
  console.error(`invalid site settings:\n  ${checked.problems.join('\n  ')}`);
  process.exit(1);
}
const { command, args } = astroBuildCommand({ root: process.cwd(), papersDir: checked.settings.papersDir, nodeOptions: process.env.NODE_OPTIONS, args: process.argv.slice(2) });
const build = spawn(command, args, { stdio: 'inherit' });
build.on('error', (error) => {
  console.error(`could not start the build: ${error.message}`);
  process.exit(1);
});
build.on('exit', (code) => process.exit(code ?? 1));
