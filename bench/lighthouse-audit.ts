/**
 * Lighthouse on pages of a built site, served on loopback: the four category scores, the layout
 * shift and the largest contentful paint's element. Used by `npm run lighthouse` (every page type,
 * mobile and desktop, performance at its best of three) and by the browser test that checks the
 * categories a machine's load cannot move.
 *
 * Lighthouse drives the browser tests' Chromium (Debian's, or CHROMIUM_PATH) through
 * chrome-launcher, with their flags: nothing downloads a browser.
 */
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import type { Config, Flags, Result } from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/helpers/browser.js";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];
export const FORM_FACTORS = ["mobile", "desktop"] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

export interface Audit {
  url: string;
  formFactor: FormFactor;
  /** Each category's score from 0 to 1 (null when Lighthouse could not score it). */
  scores: Record<Category, number | null>;
  cumulativeLayoutShift: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  /** The LCP element's opening tag as Lighthouse saw it, or "" when none was found. */
  lcpElement: string;
  /** A CSS selector of the LCP element, or "". */
  lcpSelector: string;
  /** The audits that cost points, for a failing run: id and title. */
  shortfalls: string[];
}

export interface Lighthouse {
  audit(url: string, formFactor: FormFactor, categories?: readonly Category[]): Promise<Audit>;
  close(): Promise<void>;
}

/** Starts Chromium for Lighthouse; `close()` ends it. */
export async function startLighthouse(): Promise<Lighthouse> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no browser at ${CHROMIUM_PATH}: install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium-based browser`);
  }
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  return {
    audit: (url, formFactor, categories = CATEGORIES) => runAudit(chrome.port, url, formFactor, categories),
    close: async () => {
      chrome.kill();
    },
  };
}

async function runAudit(port: number, url: string, formFactor: FormFactor, categories: readonly Category[]): Promise<Audit> {
  const flags: Flags = { port, output: "json", logLevel: "error", onlyCategories: [...categories] };
  // Lighthouse's own mobile default (a mid-range phone on slow 4G, simulated) or its desktop preset.
  const config: Config | undefined = formFactor === "desktop" ? (desktopConfig as Config) : undefined;
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return summarise(result.lhr, formFactor);
}

function summarise(lhr: Result, formFactor: FormFactor): Audit {
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${lhr.finalDisplayedUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, lhr.categories[category]?.score ?? null])) as Record<Category, number | null>;
  const numeric = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
  const lcp = lhr.audits["largest-contentful-paint-element"]?.details as { items?: { items?: { node?: { snippet?: string; selector?: string } }[] }[] } | undefined;
  const shortfalls = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category.id}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
  );
  return {
    url: lhr.finalDisplayedUrl,
    formFactor,
    scores,
    cumulativeLayoutShift: numeric("cumulative-layout-shift"),
    largestContentfulPaintMs: numeric("largest-contentful-paint"),
    totalBlockingTimeMs: numeric("total-blocking-time"),
    lcpElement: lcp?.items?.[0]?.items?.[0]?.node?.snippet ?? "",
    lcpSelector: lcp?.items?.[0]?.items?.[0]?.node?.selector ?? "",
    shortfalls,
  };
}
