/**
 * A build step's failure, said as the config errors are: what went wrong, where (a file, a shard,
 * a step), and a hint of what to do. Astro prints the message; the fields are for tests and tools.
 */
export class BuildError extends Error {
  readonly what: string;
  readonly where: string;
  readonly hint: string;
  constructor(what: string, where: string, hint: string) {
    super(`${where}: ${what}. ${hint}`);
    this.name = 'BuildError';
    this.what = what;
    this.where = where;
    this.hint = hint;
  }
}
