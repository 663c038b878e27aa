import type { OpenDataDay } from '../schema/open-data.ts';
import { paperDocument } from './abstracts.ts';
import type { Listing } from './collection.ts';

/** A day of the open data: its papers' records, by rank as on the day's page. */
export function openDataDay(listing: Listing): OpenDataDay {
  return { day: listing.key, papers: listing.papers.map(paperDocument) };
}
