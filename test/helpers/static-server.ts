/**
 * A static file server on loopback for the built site, as GitHub Pages would serve it
 * (index.html for folders, 404.html for missing files), under an optional path prefix; with
 * `gzip`, text compressed as Pages sends it (what Lighthouse's throttled network should weigh).
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { createGzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** What GitHub Pages compresses: text, not photos, fonts or Pagefind's already compressed files. */
const COMPRESSED = new Set([".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"]);

export interface ServeOptions {
  /** Send text gzipped to a browser that accepts it, as GitHub Pages does. */
  gzip?: boolean;
}

export async function serveStatic(root: string, prefix = "/", options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file: string | undefined;
    if (pathname.startsWith(prefix)) {
      const candidate = path.join(root, pathname.slice(prefix.length));
      if (candidate.startsWith(root)) {
        file = existsSync(candidate) && statSync(candidate).isDirectory() ? path.join(candidate, "index.html") : candidate;
      }
    }
    const found = file !== undefined && existsSync(file);
    const served = found ? (file as string) : path.join(root, "404.html");
    const type = TYPES[path.extname(served)] ?? "application/octet-stream";
    const gzip = options.gzip === true && COMPRESSED.has(path.extname(served)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(found ? 200 : 404, gzip ? { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" } : { "content-type": type });
    const body = createReadStream(served);
    if (gzip) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
