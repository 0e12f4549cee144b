/**
 * Running a build and measuring it: wall time, CPU time (user + system) and peak memory (maximum
 * resident set size), read from GNU time's verbose report. Also the tools the benchmark needs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";

export interface Measurement {
  wall: number;
  cpu: number;
  /** Peak resident memory in bytes. */
  rss: number;
}

const TIME = "/usr/bin/time";

/** A build that failed, with what GNU time measured of it up to the end (when it reported). */
export class BuildFailed extends Error {
  constructor(
    message: string,
    readonly measured: Measurement | undefined,
    /** The last lines the build printed: the reason. */
    readonly tail: string,
  ) {
    super(message);
  }
}

/** Runs `command` under GNU time; throws BuildFailed with the command's output when it fails. */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Measurement {
  const result = spawnSync(TIME, ["-v", command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const report = result.stderr ?? "";
  if (result.status !== 0) {
    let measured: Measurement | undefined;
    try {
      measured = readTimeReport(report);
    } catch {
      measured = undefined;
    }
    const output = `${(result.stdout ?? "").slice(-2000)}\n${report.slice(-4000)}`;
    throw new BuildFailed(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${output}`, measured, report.split("\tCommand being timed")[0]?.slice(-2000) ?? "");
  }
  return readTimeReport(report);
}

/** Wall time, CPU time and peak memory from GNU time's verbose report. */
export function readTimeReport(report: string): Measurement {
  const field = (name: string) => {
    const match = new RegExp(`^\\s*${name.replace(/[()]/g, "\\$&")}: (.+)$`, "m").exec(report);
    if (!match) throw new Error(`GNU time did not report "${name}":\n${report.slice(-2000)}`);
    return match[1] as string;
  };
  const clock = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":").map(Number);
  const wall = clock.reduce((total, part) => total * 60 + part, 0);
  return {
    wall,
    cpu: Number(field("User time (seconds)")) + Number(field("System time (seconds)")),
    rss: Number(field("Maximum resident set size (kbytes)")) * 1024,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

export function version(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n")[0] ?? "";
}

/**
 * GNU time, Hugo and Jekyll from Debian's packages. Installed with apt-get when missing and the
 * benchmark runs as root; otherwise the missing ones are reported and their rows skipped.
 */
export function ensureTools(log: (line: string) => void): { hugo: boolean; jekyll: boolean; skipped: string[] } {
  const packages: Record<string, string> = { time: TIME, hugo: "hugo", jekyll: "jekyll" };
  const missing = Object.entries(packages)
    .filter(([, command]) => (command.startsWith("/") ? !existsSync(command) : !has(command)))
    .map(([name]) => name);
  const skipped: string[] = [];
  if (missing.length) {
    const isRoot = process.getuid?.() === 0;
    const apt = has("apt-get");
    if (isRoot && apt) {
      log(`Installing ${missing.join(", ")} with apt-get …`);
      const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      if (install().status !== 0) {
        spawnSync("apt-get", ["update"], { stdio: "inherit" });
        install();
      }
    } else {
      log(`Missing: ${missing.join(", ")}. Install them with: sudo apt-get install ${missing.join(" ")}`);
    }
  }
  if (!existsSync(TIME)) throw new Error("GNU time (/usr/bin/time) is needed to measure peak memory: sudo apt-get install time");
  for (const tool of ["hugo", "jekyll"]) if (!has(tool)) skipped.push(tool);
  return { hugo: has("hugo"), jekyll: has("jekyll"), skipped };
}

export function clean(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Processor and memory of this machine, for the report. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown processor"}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.type()} ${os.release().split("-")[0]}`;
}
