import { getCollection, type CollectionEntry } from 'astro:content';
import { neighbours, papersByDay } from './papers.ts';

export type PaperEntry = CollectionEntry<'papers'>;

export interface DayListing {
  day: string;
  papers: PaperEntry[];
  previous?: string;
  next?: string;
}

/** Every day that has papers, ascending, each with its papers and the days either side. */
export async function getDayListings(): Promise<DayListing[]> {
  const byDay = papersByDay(await getCollection('papers'));
  const days = [...byDay.keys()];
  return days.map((day, index) => ({ day, papers: byDay.get(day)!, ...neighbours(days, index) }));
}
