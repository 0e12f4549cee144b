/**
 * Page weight of each page type of a built theme site: the HTML plus the stylesheets it links,
 * raw, gzip (zlib's default level, as a server compresses on the fly) and brotli (quality 11, as
 * for precompressed files). Each file is compressed on its own, as it travels.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { PAGE_TYPES, pageTypeOf } from "../test/helpers/page-types.js";

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  type: string;
  pages: number;
  /** The page of median HTML + CSS gzip size (the typical page) and the heaviest. */
  typical: { url: string; html: Size; css: Size; total: Size };
  heaviest: { url: string; total: Size };
  /** Linked stylesheets the build did not produce (Pagefind's, written by npm run build). */
  missing: string[];
}

function size(bytes: Buffer): Size {
  return { raw: bytes.length, gzip: gzipSync(bytes).length, brotli: brotliCompressSync(bytes).length };
}

const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO: Size = { raw: 0, gzip: 0, brotli: 0 };

function htmlFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).map((file) => file.split(path.sep).join("/"));
}

export function pageWeights(root: string, sections: string[]): PageWeight[] {
  const cssCache = new Map<string, Size | undefined>();
  const css = (href: string): Size | undefined => {
    if (!cssCache.has(href)) {
      const file = path.join(root, href.replace(/^\//, "").split("?")[0] as string);
      cssCache.set(href, existsSync(file) ? size(readFileSync(file)) : undefined);
    }
    return cssCache.get(href);
  };
  const byType = new Map<string, { url: string; html: Size; css: Size; total: Size; missing: string[] }[]>();
  for (const file of htmlFiles(root)) {
    const type = pageTypeOf(file, sections);
    if (!type) continue;
    const bytes = readFileSync(path.join(root, file));
    const html = size(bytes);
    const missing: string[] = [];
    let styles = ZERO;
    for (const match of bytes.toString("utf8").matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)) {
      const href = /\bhref="([^"]+)"/.exec(match[0])?.[1];
      if (!href || /^[a-z]+:/i.test(href)) continue;
      const sheet = css(href);
      if (sheet) styles = add(styles, sheet);
      else missing.push(href);
    }
    const url = `/${file.replace(/index\.html$/, "")}`;
    byType.set(type, [...(byType.get(type) ?? []), { url, html, css: styles, total: add(html, styles), missing }]);
  }
  return PAGE_TYPES.map((type) => type.name).filter((type) => byType.has(type)).map((type) => {
    const pages = (byType.get(type) ?? []).sort((a, b) => a.total.gzip - b.total.gzip);
    const typical = pages[Math.floor((pages.length - 1) / 2)] as (typeof pages)[number];
    const heaviest = pages[pages.length - 1] as (typeof pages)[number];
    return { type, pages: pages.length, typical, heaviest: { url: heaviest.url, total: heaviest.total }, missing: [...new Set(pages.flatMap((page) => page.missing))] };
  });
}
