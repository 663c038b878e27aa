import { basename, join } from 'node:path';
import { fileInside, listInputFiles, readBytes, readText, writeFileAtomic } from '../../src/fs/files.ts';
import { dayInFileName } from '../../src/lib/dates.ts';
import { ARXIV_ID } from '../../src/schema/paper.ts';

/**
 * Archive-scale collections for the bench, made from the real Hugging Face daily-papers files:
 * scale k writes ceil(k) copies of the real days, copy j moved back by j spans of the data (in
 * whole weeks, so a weekday stays a weekday), with arXiv ids rewritten so that every paper stays
 * valid, unique and dated like its id. Texts stay real; only ids and dates change. The result is
 * a folder of raw day files that the real ingest reads, so ingest is measured too.
 *
 * One day is in memory at a time: an 8x collection (54,000 papers) is written day by day.
 */

/** A Hugging Face daily item as far as this module rewrites it; every other key is kept as it is. */
interface RawItem {
  paper: { id: string; publishedAt?: string; submittedOnDailyAt?: string; [key: string]: unknown };
  publishedAt?: string;
  [key: string]: unknown;
}

export interface ScaledCollection {
  /** Day files written. */
  days: number;
  /** Items in them (a paper listed on two days counts twice). */
  records: number;
  firstDay: string;
  lastDay: string;
}

const DAY_MS = 86_400_000;

/**
 * Writes scale `scale` of the day files in `source` into `outDir`. Copy 0 is the real files,
 * byte for byte; copy j (1 to ceil(scale)-1) is every day moved `j * spanWeeks(days)` weeks back.
 * A fractional scale takes, of its last copy, the run of days nearest the copies before it (the
 * newest ones), so the archive has no gap: 0.1 is the newest tenth of the real days.
 */
export function writeScaledCollection({ source, outDir, scale }: { source: string; outDir: string; scale: number }): ScaledCollection {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, not ${scale}`);
  const files = dayFiles(source);
  const weeks = spanWeeks(files.map(({ day }) => day));
  const copies = Math.ceil(scale);
  const realIds = new Set<string>();
  if (copies > 1) for (const { file } of files) for (const item of readItems(file)) realIds.add(item.paper.id);
  const ids = idAllocator(realIds);
  const written: string[] = [];
  let records = 0;
  for (let copy = 0; copy < copies; copy++) {
    const share = Math.min(1, scale - copy);
    const days = share === 1 ? files : files.slice(files.length - Math.max(1, Math.round(share * files.length)));
    const renamed = new Map<string, string>();
    for (const { file, day } of days) {
      if (copy === 0) {
        const bytes = readBytes(file);
        writeFileAtomic(fileInside(outDir, basename(file)), bytes);
        records += readItems(file).length;
        written.push(day);
        continue;
      }
      const shifted = moveDay(day, -7 * weeks * copy);
      records += writeShiftedDay(file, { outDir, day: shifted, shiftDays: -7 * weeks * copy, ids, renamed });
      written.push(shifted);
    }
  }
  written.sort();
  return { days: written.length, records, firstDay: written[0], lastDay: written.at(-1)! };
}

/**
 * Writes one more day into `outDir`: the items of the real day file `sourceFile`, dated `day`,
 * with fresh ids that none of `takenIds` (the collection's papers) has. This is the day the bench
 * adds to a built site.
 */
export function writeFreshDay({ sourceFile, outDir, day, takenIds }: { sourceFile: string; outDir: string; day: string; takenIds: Iterable<string> }): { file: string; records: number } {
  const from = dayInFileName(basename(sourceFile));
  if (!from) throw new Error(`no day in the file name ${sourceFile}`);
  const shiftDays = Math.round((Date.parse(day) - Date.parse(from)) / DAY_MS);
  const records = writeShiftedDay(sourceFile, { outDir, day, shiftDays, ids: idAllocator(new Set(takenIds)), renamed: new Map() });
  return { file: join(outDir, `${day}.json`), records };
}

/** The real day files of `dir`, by day. */
export function dayFiles(dir: string): { file: string; day: string }[] {
  return listInputFiles([dir], ['.json']).files.map((file) => {
    const day = dayInFileName(basename(file));
    if (!day) throw new Error(`no day in the file name ${file}`);
    return { file, day };
  });
}

/**
 * How far one copy moves back: the days' span (first to last, both counted) rounded up to whole
 * weeks, so copies do not overlap and every day keeps its weekday.
 */
export function spanWeeks(days: readonly string[]): number {
  const sorted = [...days].sort();
  return Math.ceil((Date.parse(sorted.at(-1)!) - Date.parse(sorted[0]) + DAY_MS) / (7 * DAY_MS));
}

/** Rewrites one day file's ids and dates (moved by `shiftDays`), writes it as `<day>.json` in the source's own format; returns its item count. */
function writeShiftedDay(file: string, { outDir, day, shiftDays, ids, renamed }: { outDir: string; day: string; shiftDays: number; ids: IdAllocator; renamed: Map<string, string> }): number {
  const items = readItems(file);
  const shift = (timestamp: string | undefined) => timestamp && new Date(Date.parse(timestamp) + shiftDays * DAY_MS).toISOString();
  for (const item of items) {
    const { paper } = item;
    const oldId = paper.id;
    if (paper.publishedAt) paper.publishedAt = shift(paper.publishedAt);
    if (paper.submittedOnDailyAt) paper.submittedOnDailyAt = shift(paper.submittedOnDailyAt);
    if (item.publishedAt) item.publishedAt = shift(item.publishedAt);
    let id = renamed.get(oldId);
    if (!id) renamed.set(oldId, (id = ids(paper.publishedAt ?? `${day}T00:00:00.000Z`)));
    paper.id = id;
  }
  // As the source files are: two-space indent, raw UTF-8, no final newline.
  writeFileAtomic(fileInside(outDir, `${day}.json`), JSON.stringify(items, null, 2));
  return items.length;
}

function moveDay(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

function readItems(file: string): RawItem[] {
  return JSON.parse(readText(file)) as RawItem[];
}

/** Hands out a new arXiv id for the month of an ISO date. */
export type IdAllocator = (date: string) => string;

/**
 * Hands out new-style arXiv ids for the month of a date, never one of `taken` nor one twice: `YYMM.NNNNN`
 * from 2015, `YYMM.NNNN` from 2007 to 2014. Numbers count down from the top of the range,
 * far above what arXiv had issued in any month, so they do not meet real ids either.
 */
export function idAllocator(taken: Set<string>): IdAllocator {
  const nextNumber = new Map<string, number>();
  return (date) => {
    const yymm = `${date.slice(2, 4)}${date.slice(5, 7)}`;
    const digits = Number(date.slice(0, 4)) >= 2015 ? 5 : 4;
    let number = nextNumber.get(yymm) ?? 10 ** digits - 1;
    let id: string;
    do {
      if (number < 1) throw new Error(`no new-style arXiv ids left in ${date.slice(0, 7)}`);
      id = `${yymm}.${String(number--).padStart(digits, '0')}`;
    } while (taken.has(id));
    if (!ARXIV_ID.test(id)) throw new Error(`${date.slice(0, 7)} has no new-style arXiv ids (they start in 2007): use a smaller scale`);
    nextNumber.set(yymm, number);
    taken.add(id);
    return id;
  };
}
