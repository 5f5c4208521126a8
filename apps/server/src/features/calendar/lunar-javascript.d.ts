// Only the parts of lunar-javascript (1.7.x, untyped CommonJS) that calendar/lunar.ts uses.
declare module 'lunar-javascript' {
  export interface LunarSolarDay {
    /** 'YYYY-MM-DD' */
    toYmd(): string;
  }
  export interface LunarMonthInfo {
    getYear(): number;
    /** Negative for a leap month: -2 is 闰二月. */
    getMonth(): number;
    /** 29 or 30 */
    getDayCount(): number;
    getFirstJulianDay(): number;
  }
  export interface LunarYearInfo {
    /** 0 when the lunar year has no leap month */
    getLeapMonth(): number;
    /** The 12 or 13 months of this lunar year, in order. */
    getMonthsInYear(): LunarMonthInfo[];
  }
  export const LunarYear: { fromYear(lunarYear: number): LunarYearInfo };
  export const Solar: { fromJulianDay(julianDay: number): LunarSolarDay };
}
