/// <reference lib="dom" />
/**
 * Real Chromium for the browser tests and the screenshot script: Debian's `chromium` driven by
 * playwright-core (no browser download). CHROMIUM_PATH points at another Chromium-based browser.
 *
 * Every context made here is sealed to loopback: a request to any other host is refused and
 * recorded, so a test can fail on it.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const WIDTHS = [360, 1280] as const;
export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/** The axe-core rule tags of WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const LOOPBACK = "127.0.0.1";
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no browser at ${CHROMIUM_PATH}: install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium-based browser`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface SealedContext {
  context: BrowserContext;
  /** Every URL the pages tried to load from anywhere but loopback (each one was refused). */
  outside: string[];
}

/** A browser context whose pages can reach 127.0.0.1 and nothing else. */
export async function sealedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<SealedContext> {
  const context = await browser.newContext({ serviceWorkers: "block", ...options });
  const outside: string[] = [];
  const isOutside = (address: string): boolean => {
    const url = new URL(address);
    return !["data:", "blob:", "about:"].includes(url.protocol) && url.hostname !== LOOPBACK;
  };
  await context.route(
    (url) => isOutside(url.href),
    (route) => {
      outside.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  await context.routeWebSocket(
    (url) => isOutside(url.href),
    (socket) => {
      outside.push(socket.url());
      return socket.close();
    },
  );
  // Belt and braces: anything that reached the network layer without passing the route.
  context.on("request", (request) => {
    const url = request.url();
    if (isOutside(url) && !outside.includes(url)) outside.push(url);
  });
  return { context, outside };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core's WCAG 2.x A/AA rules on the page as it stands and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not a <script> tag, so the page's own Content
  // Security Policy (no inline script) stays in force while axe runs.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html, failureSummary: node.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** A short, readable account of violations for a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(node.target)} ${node.failureSummary ?? ""}`.trim()),
  );
}

/** `screenshots/<site>-<page>-<width>-<scheme>.png` */
export function screenshotName(site: string, pageName: string, width: number, colorScheme: ColorScheme): string {
  return `${site}-${pageName}-${width}-${colorScheme}.png`;
}
