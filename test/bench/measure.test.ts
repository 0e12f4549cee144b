/**
 * The benchmark reads wall time, CPU time and peak memory from GNU time's verbose report, also of a
 * build that failed (a 100,000-story build that ran out of memory is recorded, not lost).
 */
import { describe, expect, it } from "vitest";
import { readTimeReport } from "../../bench/measure.js";

const report = (clock: string) =>
  [
    "<--- the build's own last lines --->",
    '\tCommand being timed: "node cmd.cjs --quiet"',
    "\tUser time (seconds): 2032.78",
    "\tSystem time (seconds): 163.65",
    "\tPercent of CPU this job got: 108%",
    `\tElapsed (wall clock) time (h:mm:ss or m:ss): ${clock}`,
    "\tMaximum resident set size (kbytes): 17422512",
    "\tExit status: 0",
  ].join("\n");

describe("readTimeReport", () => {
  it("reads minutes and seconds, CPU as user plus system, and the peak in bytes", () => {
    const measured = readTimeReport(report("33:47.01"));
    expect(measured.wall).toBeCloseTo(33 * 60 + 47.01, 5);
    expect(measured.cpu).toBeCloseTo(2196.43, 5);
    expect(measured.rss).toBe(17422512 * 1024);
  });

  it("reads hours", () => {
    expect(readTimeReport(report("1:02:03")).wall).toBe(3723);
  });

  it("says which figure is missing from a report it cannot read", () => {
    expect(() => readTimeReport("Killed")).toThrow(/GNU time did not report "Elapsed \(wall clock\) time/);
  });
});
