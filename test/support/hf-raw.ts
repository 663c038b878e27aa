import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A raw daily-papers item with the day its file is named after, read without any project code. */
export interface RawItem {
  fileDay: string;
  item: {
    paper: { id: string; title: string; summary: string; authors: { name: string }[]; upvotes?: number; submittedOnDailyAt?: string; organization?: { fullname: string } };
    publishedAt: string;
    title?: string;
    numComments?: number;
    organization?: { fullname: string };
  };
}

export function readRawDays(folder: string, days?: readonly string[]): RawItem[] {
  const names = days ? days.map((day) => `${day}.json`) : readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  return names.flatMap((name) => (JSON.parse(readFileSync(join(folder, name), 'utf8')) as RawItem['item'][]).map((item) => ({ fileDay: name.slice(0, 10), item })));
}

/** The list day the data README defines: the UTC date of submittedOnDailyAt, else the file's day. */
export function expectedListDay({ fileDay, item }: RawItem): string {
  const at = item.paper.submittedOnDailyAt;
  return at ? new Date(at).toISOString().slice(0, 10) : fileDay;
}
