#!/usr/bin/env node
// Command-line entry point: `npm run build [-- astro build options]`. Runs `astro build` under a
// heap limit that grows with the collection (src/build/astro-build.ts).
import { spawn } from 'node:child_process';
import { astroBuildCommand } from '../src/build/astro-build.ts';
import { siteSettingsOrExit } from '../src/cli/command-line.ts';

// Every settings problem named, exit 2, before Astro starts (and never as a stack trace from it).
const settings = siteSettingsOrExit();
const { command, args } = astroBuildCommand({ root: process.cwd(), papersDir: settings.papersDir, nodeOptions: process.env.NODE_OPTIONS, args: process.argv.slice(2) });
const build = spawn(command, args, { stdio: 'inherit' });
build.on('error', (error) => {
  console.error(`could not start the build: ${error.message}`);
  process.exit(1);
});
build.on('exit', (code) => process.exit(code ?? 1));
