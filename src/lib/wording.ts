/** `1 upvote`, `1,234 upvotes`. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** The first authors and how many more, as huggingface.co/papers cards show them: `A, B, C and 12 more`. */
export function authorPreview(authors: readonly string[], shown = 3): string {
  const more = authors.length - shown;
  return `${authors.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
