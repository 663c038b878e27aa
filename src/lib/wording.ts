/** `1 upvote`, `1,234 upvotes`. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** `12 upvotes`, or nothing for a paper no source counts upvotes for (an arXiv-only paper has none, not 0). */
export function upvoteCount(paper: { upvotes?: number }): string | undefined {
  return paper.upvotes === undefined ? undefined : plural(paper.upvotes, 'upvote', 'upvotes');
}

/** The first authors and how many more, as huggingface.co/papers cards show them: `A, B, C and 12 more`. */
export function authorPreview(authors: readonly string[], shown = 3): string {
  const more = authors.length - shown;
  return `${authors.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
