import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'astro/zod';
import { checkSiteSettings, type SiteSettings } from '../config/site-settings.ts';
import { fetchSettingsSchema, readSettings, type FetchSettings } from '../schema/settings.ts';

/** What the commands share on the command line: usage errors, --help, settings. */

/** Every command's exit code for a usage or settings error. */
export const USAGE_EXIT = 2;

export function usageError(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(USAGE_EXIT);
}

/**
 * The parsed arguments (`config` declares `help`); exits 2 with the usage on a bad one, and 0
 * after printing it for `--help`.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    usageError((error as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}

/** The fetch settings from the environment; exits 2 naming each bad variable. */
export function fetchSettingsOrExit(): FetchSettings {
  return environmentSettingsOrExit(fetchSettingsSchema);
}

/** A command's settings from the environment, by `schema` (src/schema/settings.ts); exits 2 naming each bad variable. */
export function environmentSettingsOrExit<T extends z.ZodType>(schema: T): z.infer<T> {
  try {
    return readSettings(schema, process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(USAGE_EXIT);
  }
}

/**
 * The site's settings (the config file, then the environment), as the build reads them, so that
 * a command writes the collection the build reads; exits 2 naming every problem.
 */
export function siteSettingsOrExit(): SiteSettings {
  const checked = checkSiteSettings(process.env, process.cwd());
  if ('settings' in checked) return checked.settings;
  console.error(`invalid site settings:\n  ${checked.problems.join('\n  ')}`);
  process.exit(USAGE_EXIT);
}
