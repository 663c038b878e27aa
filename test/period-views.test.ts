import { describe, expect, it } from 'vitest';
import { papersByDay } from '../src/lib/period-days.ts';
import { periodViews } from '../src/lib/period-views.ts';

const papers = (...days: string[][]) => days.map((listed) => ({ data: { days: listed } }));

describe("a listing's Daily, Weekly and Monthly tabs", () => {
  it("lead from a day to its own ISO week and month", () => {
    expect(periodViews('day', '2026-01-01', [])).toEqual({ day: '2026-01-01', week: '2026-W01', month: '2026-01' });
  });

  it("lead from a week to its latest list day, and to that day's month, though the week straddles two", () => {
    // 2026-W01 runs from Dec 29, 2025 to Jan 4, 2026; a paper listed again later counts only for its days in the week.
    const listed = papers(['2025-12-30'], ['2025-12-29', '2026-01-02', '2026-02-10']);
    expect(periodViews('week', '2026-W01', listed)).toEqual({ day: '2026-01-02', week: '2026-W01', month: '2026-01' });
  });

  it("lead from a month to its latest list day and that day's week", () => {
    const listed = papers(['2026-06-01'], ['2026-06-24', '2026-07-01'], ['2026-05-31', '2026-06-10']);
    expect(periodViews('month', '2026-06', listed)).toEqual({ day: '2026-06-24', week: '2026-W26', month: '2026-06' });
  });
});

describe("a week's or month's days, which its page leads to for the papers it does not show", () => {
  it('count each day of the period once per paper listed on it, oldest first, and leave out days outside it', () => {
    const listed = papers(['2026-06-24'], ['2026-06-01', '2026-07-01'], ['2026-06-24'], ['2026-05-31']);
    expect(papersByDay('month', '2026-06', listed)).toEqual([['2026-06-01', 1], ['2026-06-24', 2]]);
    expect(papersByDay('week', '2026-W01', papers(['2025-12-29'], ['2026-01-04', '2026-01-05']))).toEqual([['2025-12-29', 1], ['2026-01-04', 1]]);
  });
});
