/**
 * `npm run bench`: builds the same generated news corpus with the newsroom theme, with plain
 * Eleventy (the floor: the same pages with the plugin's output written in), with Hugo and with
 * Jekyll, side by side; prints wall time, CPU time and peak memory (medians), the ratios to the
 * floor, how build time grows with the number of articles, and the page weight of every page type.
 * Writes the report to bench/RESULTS.md.
 *
 *   npm run bench                     100, 1,000 and 10,000 articles (3 runs, 1 run at 10,000)
 *   npm run bench -- --quick          100 and 1,000 articles
 *   npm run bench -- --articles 2000  one size
 *   npm run bench -- --sizes 1000,10000,100000   these sizes (up to 100,000; Jekyll, whose
 *                                     build grows faster than linearly, only up to 10,000)
 *   npm run bench -- --runs 5         runs per size (default 3; 1 from 5,000 articles)
 *   npm run bench -- --reuse          report sizes not measured in this run from an earlier run
 *                                     of the same code (bench/.work/rows.json), e.g. 100,000 late
 *   npm run bench -- --readme         also put the tables in bench/README.md
 *   npm run bench -- --corpus-only    only generate (or check) the corpora of the sizes asked for
 *   npm run bench -- --skip jekyll,floor-shortcodes   leave these generators out
 *   npm run bench -- --site-cards     the theme with storyCards: false (stories share the site's
 *                                     card), for 100,000, whose first build would draw 100,000 cards
 *
 * At the largest size up to 10,000 it also measures an edit in watch mode (`npm start`): the
 * time from saving one story to its page being rewritten by Eleventy's incremental build.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { benchDir, generateCorpus, loadCorpusData, repoRoot, type CorpusSite } from "./generate.js";
import { BuildFailed, clean, ensureTools, machine, measure, median, version, type Measurement } from "./measure.js";
import { gzipSync } from "node:zlib";
import { pageTypeOf } from "../test/helpers/page-types.js";
import { pageWeights, type PageWeight, type Size } from "./weight.js";
import { leadPhotoWeight, photoWeightReport, siteBytesWithoutPhotos } from "./photo-weight.js";

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string) => {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
};
const withValue = ["--articles", "--runs", "--sizes", "--skip"];
const unknown = argv.filter((arg, i) => arg.startsWith("--") && !["--quick", "--readme", "--reuse", "--corpus-only", "--site-cards", "--photo-weight", "--help", ...withValue].includes(arg) && !withValue.includes(argv[i - 1] ?? ""));
if (unknown.length || flag("--help")) {
  console.error("usage: npm run bench [-- --quick | --articles N | --sizes N,N,…] [--runs N] [--skip ID,…] [--site-cards] [--reuse] [--corpus-only] [--photo-weight] [--readme]");
  process.exit(unknown.length ? 2 : 0);
}
const articlesArg = value("--articles");
const sizesArg = value("--sizes");
const sizes = sizesArg
  ? sizesArg.split(",").map(Number).sort((a, b) => a - b)
  : articlesArg ? [Number(articlesArg)] : flag("--quick") ? [100, 1000] : [100, 1000, 10_000];
if (sizes.some((size) => !Number.isInteger(size) || size < 10 || size > 100_000)) {
  console.error("--articles and --sizes take whole numbers from 10 to 100000");
  process.exit(2);
}
/**
 * Above this, Jekyll's build grows faster than linearly (see the notes): hours at 100,000. The
 * floor, there to measure the plugin's overhead at 1,000, stops here too.
 */
const JEKYLL_LIMIT = 10_000;
/** Watch mode's edit is measured at the largest size up to this one. */
const WATCH_SIZE = [...sizes].reverse().find((size) => size <= 10_000);
const runsArg = value("--runs") === undefined ? undefined : Number(value("--runs"));
if (runsArg !== undefined && (!Number.isInteger(runsArg) || runsArg < 1)) {
  console.error("--runs must be a positive whole number");
  process.exit(2);
}
const runsFor = (size: number) => runsArg ?? (size >= 5000 ? 1 : 3);
/** The size the main table, the ratios and the page weights are reported at. */
const mainSize = sizes.includes(1000) || flag("--reuse") ? 1000 : (sizes[sizes.length - 1] as number);

const work = path.join(benchDir, ".work");
/** Above this many stories an Eleventy build outgrows Node's default heap limit (about 4 GB). */
const DEFAULT_HEAP_LIMIT_SIZE = 10_000;
/** Stories per Eleventy process in the "built in parts" row. */
const PART_SIZE = 2_500;
// Builds write to a RAM disk when there is one, so the disk's speed does not decide the result;
// above 10,000 stories to disk, as the output (some 7 GB at 100,000) would take the memory the
// build needs.
const outRoot = path.join(existsSync("/dev/shm") && sizes.every((size) => size <= DEFAULT_HEAP_LIMIT_SIZE) ? "/dev/shm" : os.tmpdir(), `newsroom-bench-${process.pid}`);
process.on("exit", () => rmSync(outRoot, { recursive: true, force: true }));
const log = (line = "") => console.log(line);
const relative = (file: string) => path.relative(repoRoot, file) || ".";

// ---------------------------------------------------------------------------------------------
// The generators

interface Tool {
  id: string;
  label: string;
  /** Only at the main size: rows that explain the comparison (in italics in the table). */
  mainSizeOnly?: boolean;
  /** The largest size it is run at. */
  maxSize?: number;
  /** The smallest size it is run at. */
  minSize?: number;
  run(corpus: string, out: string): Measurement;
}

const node = process.execPath;
const eleventyCli = path.join(repoRoot, "node_modules/@11ty/eleventy/cmd.cjs");
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", ...extra };
  delete env.SITE_URL;
  return env;
};

const skippedTools = (value("--skip") ?? "").split(",").filter(Boolean);
/** The theme's share cards, kept between builds (its imageCacheDir, relative to the build's folder). */
const cardCache = path.join(repoRoot, ".cache", "newsroom-images", "cards");
/** Processed photos, kept between builds. */
const photoCache = path.join(repoRoot, ".cache", "newsroom-images", "img");
/** One story in this many gets a lead photo in the photo rows' corpus. */
const PHOTO_EVERY = 50;
/** New topics per story in the topics row's corpus: an archive gathers topics as it grows. */
const TOPICS_PER_STORY = 0.3;
const themeCards: Record<string, string> = flag("--site-cards") ? { NEWSROOM_STORY_CARDS: "off" } : {};
/**
 * The theme corpus's stories print their dates with filters ({{ page.date | isoDate }}), template
 * code a story may run only where the site trusts its stories (the theme option trustedStories).
 */
const trustedCorpus: Record<string, string> = { NEWSROOM_TRUSTED_STORIES: "on" };
/** The sizes whose theme rows were built with --site-cards (this run's, and with --reuse earlier ones). */
const siteCardSizes = new Set<number>(flag("--site-cards") ? sizes : []);

/**
 * The Eleventy builds' heap limit at the size being measured: Node's default up to 10,000 stories,
 * as a newsroom runs it; above, most of the machine's memory, so the build finishes and its real
 * peak is recorded (a newsroom would set NODE_OPTIONS=--max-old-space-size the same way).
 */
let heapLimit: Record<string, string> = {};
const heapLimitFor = (size: number): Record<string, string> =>
  size > DEFAULT_HEAP_LIMIT_SIZE ? { NODE_OPTIONS: `--max-old-space-size=${Math.floor((os.totalmem() / 2 ** 20) * 0.85)}` } : {};

function tools(available: { hugo: boolean; jekyll: boolean }): Tool[] {
  const pkg = path.join(work, "pkg");
  /** One Eleventy build with a config of the compiled package, into `out`. */
  const eleventy = (config: string, out: string, env: Record<string, string>) =>
    measure(node, [eleventyCli, `--config=${relative(path.join(pkg, config))}`, `--output=${out}`, "--quiet"], { cwd: repoRoot, env: cleanEnv({ ...env, ...heapLimit }) });
  const list: Tool[] = [
    {
      id: "theme",
      label: "Eleventy + newsroom theme",
      run: (corpus, out) =>
        eleventy("eleventy.config.js", out, { NEWSROOM_INPUT: relative(path.join(corpus, "theme")), NEWSROOM_DATA: relative(path.join(corpus, "theme", "_data")), ...themeCards, ...trustedCorpus }),
    },
    {
      id: "floor",
      label: "Plain Eleventy (floor)",
      maxSize: JEKYLL_LIMIT,
      run: (corpus, out) =>
        eleventy("floor.config.js", out, { FLOOR_INPUT: relative(path.join(corpus, "floor")) }),
    },
  ];
  list.push({
    id: "minimal",
    label: "Minimal plain Eleventy",
    run: (corpus, out) =>
      eleventy("minimal.config.js", out, { MINIMAL_INPUT: relative(path.join(corpus, "minimal")) }),
  });
  list.push({
    id: "floor-shortcodes",
    label: "Plain Eleventy + shortcode calls",
    mainSizeOnly: true,
    run: (corpus, out) =>
      eleventy("floor.config.js", out, { FLOOR_INPUT: relative(path.join(corpus, "floor-shortcodes")) }),
  });
  list.push({
    id: "theme-cold",
    label: "Eleventy + theme, first build (no image cache)",
    mainSizeOnly: true,
    run: (corpus, out) => {
      // What a newsroom's first build pays: every story's share card drawn, none from the cache.
      rmSync(cardCache, { recursive: true, force: true });
      return list[0]!.run(corpus, out);
    },
  });
  // Lead photos: the theme's corpus with one story in PHOTO_EVERY given a 3000x2000 JPEG.
  const photoRun = (corpus: string, out: string) =>
    eleventy("eleventy.config.js", out, { NEWSROOM_INPUT: relative(path.join(corpus, "theme-photos")), NEWSROOM_DATA: relative(path.join(corpus, "theme-photos", "_data")), ...themeCards, ...trustedCorpus });
  list.push({ id: "theme-photos", label: `Eleventy + theme, 1 story in ${PHOTO_EVERY} with a lead photo`, mainSizeOnly: true, run: photoRun });
  // Topics: the theme's corpus with each story given one more topic, from a set that grows with
  // the archive (Eleventy makes a collection of every tag, and a story's topics are its tags).
  list.push({
    id: "theme-topics",
    label: `Eleventy + theme, ${TOPICS_PER_STORY * 10} topics per 10 stories`,
    minSize: 1000,
    maxSize: DEFAULT_HEAP_LIMIT_SIZE,
    run: (corpus, out) =>
      eleventy("eleventy.config.js", out, { NEWSROOM_INPUT: relative(path.join(corpus, "theme-topics")), NEWSROOM_DATA: relative(path.join(corpus, "theme-topics", "_data")), ...themeCards, ...trustedCorpus }),
  });
  list.push({
    id: "theme-photos-cold",
    label: `Eleventy + theme, 1 story in ${PHOTO_EVERY} with a lead photo, first build`,
    mainSizeOnly: true,
    run: (corpus, out) => {
      // The photos processed anew (AVIF, WebP and JPEG at every width, three crops); cards stay cached.
      rmSync(photoCache, { recursive: true, force: true });
      return photoRun(corpus, out);
    },
  });
  list.push({
    id: "plugin-plain",
    label: "Plugin alone: plain Eleventy site",
    mainSizeOnly: true,
    run: (corpus, out) =>
      eleventy("plugin-alone.config.js", out, { PLUGIN_ALONE_INPUT: relative(path.join(corpus, "plugin-plain")) }),
  });
  list.push({
    id: "plugin-stubs",
    label: "Plugin alone: the calls, answered by stand-ins",
    mainSizeOnly: true,
    run: (corpus, out) =>
      eleventy("plugin-alone.config.js", out, { PLUGIN_ALONE_INPUT: relative(path.join(corpus, "plugin-stubs")) }),
  });
  list.push({
    id: "plugin",
    label: "Plugin alone: the same site with the plugin",
    mainSizeOnly: true,
    run: (corpus, out) =>
      eleventy("plugin-alone.config.js", out, { PLUGIN_ALONE_INPUT: relative(path.join(corpus, "plugin")), NEWSROOM_PLUGIN: relative(path.join(pkg, "plugin", "index.js")) }),
  });
  if (available.hugo) {
    // Compared at 10,000 stories, as the speed target asks; at 100,000 its memory (1.8 GB at
    // 10,000) would crowd the theme's run off the machine.
    list.push({ id: "hugo", label: "Hugo", maxSize: DEFAULT_HEAP_LIMIT_SIZE, run: (corpus, out) => measure("hugo", ["--quiet", "-s", path.join(corpus, "hugo"), "-d", out], { env: cleanEnv({}) }) });
  }
  if (available.jekyll) {
    list.push({
      id: "jekyll",
      label: "Jekyll",
      maxSize: JEKYLL_LIMIT,
      run: (corpus, out) => measure("jekyll", ["build", "--quiet", "--disable-disk-cache", "-s", path.join(corpus, "jekyll"), "-d", out], { env: cleanEnv({}) }),
    });
  }
  // A large archive's build: the same theme in parts, one Eleventy process per PART_SIZE stories
  // (eleventy-plugin-newsroom build --stories-per-part); below 10,000 one build holds them easily.
  list.push({
    id: "theme-parts",
    label: `Eleventy + theme, built in parts of ${PART_SIZE.toLocaleString("en-US")} stories`,
    minSize: DEFAULT_HEAP_LIMIT_SIZE,
    run: (corpus, out) =>
      measure(node, [path.join(pkg, "plugin", "cli", "index.js"), "build", "--stories-per-part", String(PART_SIZE), `--config=${relative(path.join(pkg, "eleventy.config.js"))}`, `--output=${out}`, "--quiet"], {
        cwd: repoRoot,
        env: cleanEnv({ NEWSROOM_INPUT: relative(path.join(corpus, "theme")), NEWSROOM_DATA: relative(path.join(corpus, "theme", "_data")), ...themeCards, ...heapLimit, ...trustedCorpus }),
      }),
  });
  list.push({
    id: "theme-tsx",
    label: "Eleventy + theme, TypeScript source via tsx",
    mainSizeOnly: true,
    run: (corpus, out) =>
      measure(node, [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), eleventyCli, "--config=eleventy.config.ts", `--output=${out}`, "--quiet"], {
        cwd: repoRoot,
        env: cleanEnv({ NEWSROOM_INPUT: relative(path.join(corpus, "theme")), NEWSROOM_DATA: relative(path.join(corpus, "theme", "_data")), ...trustedCorpus }),
      }),
  });
  // The theme is the benchmark's subject: --skip theme leaves it out only above 10,000 stories,
  // where one build runs out of memory and its parts build the site.
  const theme = list[0] as Tool;
  if (skippedTools.includes("theme")) theme.maxSize = DEFAULT_HEAP_LIMIT_SIZE;
  return list.filter((tool) => tool === theme || !skippedTools.includes(tool.id));
}

/** What each output comparison compares, by the row compared with. */
const EQUIVALENCE: Record<string, string> = {
  floor: "the theme and the floor",
  "floor-shortcodes": "the theme and the floor with shortcode calls",
  "plugin-plain": "the plugin-alone site with the plugin and without it",
  "plugin-stubs": "the plugin-alone site with the plugin and with stand-ins",
  "theme-parts": "the theme built whole and in parts",
};

const DESCRIPTIONS: Record<string, string> = {
  "theme-parts": "the theme built with `eleventy-plugin-newsroom build --stories-per-part 2500`: one Eleventy process reads each share of 2,500 stories, one writes it, and one writes each share of 10,000 list pages (the first of them also the feeds, sitemaps and other pages), so no process holds the whole archive",
  theme: "the theme as installed from npm: the compiled plugin, its shortcodes, filters, JSON-LD, checks and lists",
  floor: "the same pages with the plugin's output written into the content: no plugin, same templates otherwise",
  minimal: "the same markdown (the floor's bodies) in one minimal layout: no lists, feeds, sitemaps or plugin; the yardstick of the theme's speed target",
  hugo: "Debian's Hugo, the same article bodies, minimal layouts with the same page types",
  jekyll: "Debian's Jekyll, no plugins, the same article bodies, minimal layouts with the same page types",
  "floor-shortcodes": "the floor with the articles' shortcode calls left in, each answered by a shortcode that only returns the plugin's HTML for it: what Eleventy and Nunjucks spend on the calls, whatever a plugin does in them",
  "theme-tsx": "as `npm run build` runs the showcase: the plugin's TypeScript compiled on load by tsx",
  "theme-topics": `the theme's corpus with each story given one more topic of its own, from ${TOPICS_PER_STORY * 100} per 100 stories (3,000 at 10,000 stories): Eleventy makes a collection of every tag, and an archive's topics grow with it`,
  "theme-cold": "the theme row with its image cache emptied first: a newsroom's first build, which draws every story's share card (later builds take them from the cache, which the Pages workflow keeps)",
  "theme-photos": `the theme's corpus with one story in ${PHOTO_EVERY} given a lead photo (a 3000x2000 JPEG): its photos processed, from the cache as in every build after the first`,
  "theme-photos-cold": "the same with the processed photos removed from the cache first: every photo made anew in AVIF, WebP and JPEG at each width, and cropped three ways",
  "plugin-plain": "the plugin alone, measured in a plain site: the same stories in one small layout, each with a speaker's first reference, a pull quote and an AP date written in as the plugin's HTML; no plugin",
  "plugin-stubs": "that plain site with the two shortcodes and the filter called in every story, each call answered by a stand-in that only looks up the plugin's HTML for it: what Eleventy and Nunjucks spend on the calls, whoever answers them",
  "plugin": "that plain site with the plugin installed and the two shortcodes and the filter called in every story (the same pages, byte for byte)",
};

/**
 * The theme as npm installs it (compiled JavaScript) and both Eleventy configs as JavaScript, so
 * neither Eleventy row pays for TypeScript compilation on load.
 */
function preparePackage(): void {
  const pkg = path.join(work, "pkg");
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  const tsc = spawnSync(node, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", relative(pkg)], { cwd: repoRoot, encoding: "utf8" });
  if (!existsSync(path.join(pkg, "plugin", "theme", "index.js"))) throw new Error(`could not compile the plugin:\n${tsc.stdout}${tsc.stderr}`);
  // The compiled theme finds its templates in _includes/ next to its folder, as in the package.
  symlinkSync(path.relative(pkg, path.join(repoRoot, "_includes")), path.join(pkg, "_includes"));
  for (const [source, target] of [["eleventy.config.ts", "eleventy.config.js"], ["bench/floor/eleventy.config.ts", "floor.config.js"], ["bench/minimal/eleventy.config.ts", "minimal.config.js"], ["bench/plugin-alone/eleventy.config.ts", "plugin-alone.config.js"]] as const) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(repoRoot, source), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(path.join(pkg, target), outputText);
  }
}

// ---------------------------------------------------------------------------------------------
// Corpora

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((file) => path.join(dir, file)).filter((file) => statSync(file).isFile()).sort();
}

/** Everything a corpus is made from: a corpus with the same stamp is reused. */
function corpusStamp(size: number, sites: readonly CorpusSite[]): string {
  const hash = createHash("sha256").update(String(size)).update(sites.join(","));
  const inputs = [path.join(benchDir, "generate.ts"), ...["corpus", "floor", "minimal", "hugo", "jekyll", "plugin-alone"].flatMap((dir) => filesUnder(path.join(benchDir, dir))), ...filesUnder(path.join(repoRoot, "_includes"))];
  for (const file of inputs) hash.update(relative(file)).update(readFileSync(file));
  return hash.digest("hex");
}

function corpusFor(size: number, active: Tool[]): string {
  const dir = path.join(work, `corpus-${size}`);
  // Only the sites this size builds ("theme-tsx" builds the theme's).
  const sites = (["theme", "floor", "floor-shortcodes", "minimal", "hugo", "jekyll", "plugin", "plugin-plain", "plugin-stubs"] as const).filter((site) => site === "theme" || active.some((tool) => tool.id === site));
  const stamp = corpusStamp(size, sites);
  const stampFile = path.join(dir, ".stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    log(`  corpus of ${size.toLocaleString("en-US")} articles: unchanged, reused`);
    return dir;
  }
  const started = performance.now();
  generateCorpus(size, dir, sites);
  writeFileSync(stampFile, stamp);
  log(`  corpus of ${size.toLocaleString("en-US")} articles generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

/** The report's heading for the lead photos' weight; `--photo-weight` rewrites that section alone. */
const PHOTO_SECTION = "## Lead photos and GitHub Pages' 1 GB limit";

/**
 * `--photo-weight`: the lead-photo section of bench/RESULTS.md alone, with no timing (bytes do not
 * move with the machine's load): one theme build at the main size for the pages' bytes per story,
 * then the photo-like picture through the theme's photo work. The other sections stay as they are.
 */
async function photoWeightOnly(list: Tool[]): Promise<void> {
  const theme = list.find((tool) => tool.id === "theme") as Tool;
  const corpus = corpusFor(mainSize, [theme]);
  const out = path.join(outRoot, "theme");
  log(`  one theme build of ${count(mainSize)} articles for the pages' bytes per story`);
  theme.run(corpus, out);
  const pageBytes = siteBytesWithoutPhotos(out) / mainSize;
  log("Lead photo weight: one photo-like picture through the theme's photo work");
  const section = `${PHOTO_SECTION}\n\n${photoWeightReport(await leadPhotoWeight(), pageBytes)}\n`;
  const file = path.join(benchDir, "RESULTS.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(PHOTO_SECTION);
  const end = start === -1 ? -1 : text.indexOf("\n## ", start + PHOTO_SECTION.length);
  const before = start === -1 ? text.indexOf("\n## Targets") + 1 : start;
  const after = start === -1 ? before : end === -1 ? text.length : end + 1;
  writeFileSync(file, `${text.slice(0, before)}${section}\n${text.slice(after)}`);
  log(`\n${section}\nWritten to bench/RESULTS.md (that section only).`);
}

/** The theme's corpus again, each story with one more topic, "Topic k", k < stories × TOPICS_PER_STORY. */
function withTopics(corpus: string, size: number): void {
  const target = path.join(corpus, "theme-topics");
  const stamp = readFileSync(path.join(corpus, ".stamp"), "utf8");
  if (existsSync(path.join(target, ".stamp")) && readFileSync(path.join(target, ".stamp"), "utf8") === stamp) return;
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(corpus, "theme"), target, { recursive: true });
  const topics = Math.max(1, Math.round(size * TOPICS_PER_STORY));
  const articles = readdirSync(path.join(target, "articles")).filter((file) => file.endsWith(".md")).sort();
  for (const [i, file] of articles.entries()) {
    const story = path.join(target, "articles", file);
    const text = readFileSync(story, "utf8");
    const tagged = text.replace(/^tags: \[/m, `tags: ["Topic ${i % topics}",`);
    if (tagged === text) throw new Error(`no tags line in ${story}`);
    writeFileSync(story, tagged);
  }
  writeFileSync(path.join(target, ".stamp"), stamp);
  log(`  ${topics.toLocaleString("en-US")} topics added to a copy of the theme's corpus`);
}

/**
 * The theme's corpus again, one story in PHOTO_EVERY with a lead photo: a 3000x2000 JPEG of its
 * own (a gradient made with sharp, different for each story), with alt, caption and credit.
 */
async function withPhotos(corpus: string): Promise<void> {
  const target = path.join(corpus, "theme-photos");
  const stamp = readFileSync(path.join(corpus, ".stamp"), "utf8");
  if (existsSync(path.join(target, ".stamp")) && readFileSync(path.join(target, ".stamp"), "utf8") === stamp) return;
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(corpus, "theme"), target, { recursive: true });
  const { default: sharp } = await import("sharp");
  const articles = readdirSync(path.join(target, "articles")).filter((file) => file.endsWith(".md")).sort();
  const [width, height] = [3000, 2000];
  let photos = 0;
  for (const [i, file] of articles.entries()) {
    if (i % PHOTO_EVERY !== 0) continue;
    const pixels = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 3;
        pixels[at] = (x * 255) / width + i;
        pixels[at + 1] = (y * 255) / height + 3 * i;
        pixels[at + 2] = ((x + y + 7 * i) % 160) + 40;
      }
    }
    const name = file.replace(/\.md$/, ".jpg");
    await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 82 }).toFile(path.join(target, "articles", name));
    const story = path.join(target, "articles", file);
    const text = readFileSync(story, "utf8");
    const image = `image:\n  src: ${name}\n  alt: "A generated gradient standing in for story ${i}'s photo"\n  caption: "The scene of story ${i}."\n  credit: "Bench Photo Desk"\n`;
    writeFileSync(story, text.replace(/^---\n/, `---\n${image}`));
    photos++;
  }
  writeFileSync(path.join(target, ".stamp"), stamp);
  log(`  ${photos} lead photos (3000x2000 JPEG) added to a copy of the theme's corpus`);
}

function htmlPages(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).sort() : [];
}

/** The theme's and the floor's HTML pages, compared byte for byte. */
function compareOutputs(theme: string, floor: string): { pages: number; identical: number; different: string[]; onlyOne: string[] } {
  const a = htmlPages(theme);
  const b = new Set(htmlPages(floor));
  const different: string[] = [];
  let identical = 0;
  for (const file of a) {
    if (!b.has(file)) continue;
    if (readFileSync(path.join(theme, file)).equals(readFileSync(path.join(floor, file)))) identical++;
    else different.push(file);
  }
  const inA = new Set(a);
  const onlyOne = [...a.filter((file) => !b.has(file)), ...[...b].filter((file) => !inA.has(file))];
  return { pages: a.length, identical, different, onlyOne };
}

// ---------------------------------------------------------------------------------------------
// Running

interface Row {
  tool: Tool;
  size: number;
  runs: Measurement[];
  pages: number;
}

const results: Row[] = [];
/** Builds above 10,000 stories that did not finish (out of memory, say), with what was measured. */
const failedBuilds: { id: string; label: string; size: number; reason: string; measured: Measurement | undefined; pagesWritten: number }[] = [];
let weights: PageWeight[] = [];
/** The theme site's bytes per story, photos apart (pages, feeds, cards, assets, search index), at the main size. */
let pageBytesPerStory: number | undefined;
const equivalence: (ReturnType<typeof compareOutputs> & { size: number; against: string })[] = [];
/** Pagefind's indexing at the main size and at the largest. */
const pagefind = new Map<number, Measurement>();
/** Sizes whose Pagefind run failed (at 100,000 it may run out of memory), with its last words. */
const pagefindFailed = new Map<number, string>();
/** The heaviest page that is not an article, at each size (HTML, gzip). */
const heaviestList = new Map<number, { url: string; gzip: number }>();
let watchEdit: { size: number; initial: number; edits: number[]; minimal?: { initial: number; edits: number[] } } | undefined;

function heaviestNonArticle(root: string, sections: string[]): { url: string; gzip: number } {
  let heaviest = { url: "", gzip: 0 };
  for (const file of htmlPages(root)) {
    const type = pageTypeOf(file.split(path.sep).join("/"), sections);
    if (!type || type === "article") continue;
    const gzip = gzipSync(readFileSync(path.join(root, file))).length;
    if (gzip > heaviest.gzip) heaviest = { url: `/${file.replace(/index\.html$/, "")}`, gzip };
  }
  return heaviest;
}

/** Waits until `done()` holds, checking every 25 ms; fails after `seconds`. */
async function until(done: () => boolean, seconds: number, what: string): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * `npm start`'s loop: Eleventy watching the corpus with --incremental. After the first build,
 * one story is saved with a new paragraph three times; each time counts from the save to the
 * story's page on disk holding the paragraph. The minimal site, watched the same way, is what
 * Eleventy's incremental mode alone takes for the edit.
 */
async function measureWatchEdit(corpus: string, out: string, site: "theme" | "minimal"): Promise<{ initial: number; edits: number[] }> {
  const pkg = path.join(work, "pkg");
  const input = path.join(corpus, site);
  const [config, env] =
    site === "theme"
      ? ["eleventy.config.js", { NEWSROOM_INPUT: relative(input), NEWSROOM_DATA: relative(path.join(input, "_data")), ...trustedCorpus }]
      : ["minimal.config.js", { MINIMAL_INPUT: relative(input) }];
  const child = spawn(node, [eleventyCli, `--config=${relative(path.join(pkg, config))}`, `--output=${out}`, "--watch", "--incremental"], {
    cwd: repoRoot,
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let builds = 0;
  let tail = "";
  let failed = "";
  const read = (chunk: Buffer) => {
    const text = tail + chunk.toString("utf8");
    builds += text.split("Watching…").length - 1 - (tail.split("Watching…").length - 1);
    if (/Error|Problem writing/.test(text) && !failed) failed = text.slice(-2000);
    tail = text.slice(-40);
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  const story = (readdirSync(path.join(input, "articles")) as string[]).filter((file) => file.endsWith(".md")).sort()[0] as string;
  const storyFile = path.join(input, "articles", story);
  const original = readFileSync(storyFile, "utf8");
  try {
    const started = performance.now();
    await until(() => builds >= 1 || failed !== "" || child.exitCode !== null, 1800, "the first build in watch mode");
    if (failed || child.exitCode !== null) throw new Error(`watch mode failed:\n${failed}`);
    const initial = (performance.now() - started) / 1000;
    const slug = story.replace(/\.md$/, "");
    const page = htmlPages(out).find((file) => file.endsWith(`${path.sep}${slug}${path.sep}index.html`));
    if (!page) throw new Error(`no page for ${story} in ${out}`);
    const edits: number[] = [];
    const pause = () => new Promise((resolve) => setTimeout(resolve, 3000));
    for (let take = 1; take <= 3; take++) {
      // Eleventy prints "Watching…" before its file watcher has read the whole folder; a save in
      // that moment goes unseen, so each save waits a moment (not counted).
      await pause();
      const marker = `Edited for the benchmark, take ${take}.`;
      const saved = performance.now();
      writeFileSync(storyFile, `${original}\n${marker}\n`);
      await until(() => readFileSync(path.join(out, page), "utf8").includes(marker) || failed !== "", 600, "the edited page");
      if (failed) throw new Error(`the rebuild failed:\n${failed}`);
      edits.push((performance.now() - saved) / 1000);
      await until(() => builds >= take + 1, 300, "the rebuild to finish");
    }
    return { initial, edits };
  } finally {
    writeFileSync(storyFile, original);
    child.kill("SIGTERM");
  }
}

interface SavedRow {
  id: string;
  size: number;
  runs: Measurement[];
  pages: number;
}

/** What the measured code is made of: rows measured from the same stamp can be reported together. */
function codeStamp(): string {
  const hash = createHash("sha256");
  for (const dir of ["plugin", "_includes", "bench"]) {
    for (const file of filesUnder(path.join(repoRoot, dir))) {
      if (file.includes(`${path.sep}.work${path.sep}`) || file.endsWith("RESULTS.md")) continue;
      hash.update(relative(file)).update(readFileSync(file));
    }
  }
  return hash.update(readFileSync(path.join(repoRoot, "package-lock.json"))).digest("hex");
}

const rowsFile = path.join(work, "rows.json");

/** Keeps this run's rows (and, with --reuse, takes an earlier run's rows of other sizes). */
function persistRows(list: Tool[]): void {
  const stamp = codeStamp();
  const saved = existsSync(rowsFile) ? (JSON.parse(readFileSync(rowsFile, "utf8")) as { stamp: string; rows: SavedRow[]; extra?: Record<string, unknown> }) : undefined;
  const earlier = saved?.stamp === stamp ? saved.rows : [];
  if (flag("--reuse")) {
    for (const old of earlier) {
      const tool = list.find((t) => t.id === old.id);
      if (!tool || results.some((r) => r.tool.id === old.id && r.size === old.size)) continue;
      results.push({ tool, size: old.size, runs: old.runs, pages: old.pages });
    }
    const extra = saved?.stamp === stamp ? saved.extra : undefined;
    if (extra?.weights && weights.length === 0) weights = extra.weights as PageWeight[];
    if (extra?.watchEdit && watchEdit === undefined) watchEdit = extra.watchEdit as NonNullable<typeof watchEdit>;
    for (const [size, value] of Object.entries((extra?.heaviestList ?? {}) as Record<string, { url: string; gzip: number }>)) {
      if (!heaviestList.has(Number(size))) heaviestList.set(Number(size), value);
    }
    for (const [size, value] of Object.entries((extra?.pagefind ?? {}) as Record<string, Measurement>)) {
      if (!pagefind.has(Number(size))) pagefind.set(Number(size), value);
    }
    for (const size of (extra?.siteCardSizes ?? []) as number[]) if (!sizes.includes(size)) siteCardSizes.add(size);
  }
  const rows: SavedRow[] = results.map((r) => ({ id: r.tool.id, size: r.size, runs: r.runs, pages: r.pages }));
  const extra = { weights, watchEdit, heaviestList: Object.fromEntries(heaviestList), pagefind: Object.fromEntries(pagefind), siteCardSizes: [...siteCardSizes] };
  writeFileSync(rowsFile, JSON.stringify({ stamp, rows, extra }, null, 1));
}

async function runAll(): Promise<{ skipped: string[]; versions: Record<string, string> }> {
  const started = performance.now();
  log(`Benchmark: ${sizes.map((size) => size.toLocaleString("en-US")).join(", ")} articles on ${machine()}`);
  const available = ensureTools(log);
  log("Compiling the plugin as it is published …");
  preparePackage();
  const list = tools(available);
  mkdirSync(outRoot, { recursive: true });
  // Git ignores the corpora through a .gitignore of their own: listed in the root .gitignore,
  // they would be skipped by Eleventy too, which honours that file.
  writeFileSync(path.join(work, ".gitignore"), "# Corpora and builds of npm run bench.\n*\n");
  const { data } = loadCorpusData();
  const sections = Object.keys(data.sections);
  if (flag("--photo-weight")) {
    await photoWeightOnly(list);
    process.exit(0);
  }
  if (flag("--corpus-only")) {
    for (const size of sizes) corpusFor(size, list.filter((tool) => (!tool.mainSizeOnly || size === mainSize) && (!tool.maxSize || size <= tool.maxSize) && (!tool.minSize || size >= tool.minSize)));
    process.exit(0);
  }

  for (const [index, size] of sizes.entries()) {
    log(`\n${size.toLocaleString("en-US")} articles`);
    const active = list.filter((tool) => (!tool.mainSizeOnly || size === mainSize) && (!tool.maxSize || size <= tool.maxSize) && (!tool.minSize || size >= tool.minSize));
    const corpus = corpusFor(size, active);
    heapLimit = heapLimitFor(size);
    if (active.some((tool) => tool.id.startsWith("theme-photos"))) await withPhotos(corpus);
    if (active.some((tool) => tool.id === "theme-topics")) withTopics(corpus, size);
    if (size > DEFAULT_HEAP_LIMIT_SIZE) {
      // A warm-up would double a run of half an hour; at this size the build's fixed start-up
      // costs, which a warm-up takes out, are lost in the noise.
      log("  no warm-up build at this size");
    } else if (index === 0) {
      log("  warm-up build of each generator (not counted)");
      for (const tool of active) {
        clean(path.join(outRoot, tool.id));
        tool.run(corpus, path.join(outRoot, tool.id));
      }
    } else {
      // The theme's rows measure a build with its share cards cached, as every build after a
      // newsroom's first (the Pages workflow keeps the cache); "theme-cold" measures the first.
      log("  warm-up builds of the theme, which fill its image cache (not counted)");
      for (const tool of active.filter((t) => t.id === "theme" || t.id === "theme-photos" || t.id === "theme-topics")) {
        clean(path.join(outRoot, tool.id));
        tool.run(corpus, path.join(outRoot, tool.id));
      }
    }
    let rows = active.map((tool) => ({ tool, size, runs: [] as Measurement[], pages: 0 }));
    for (let run = 1; run <= runsFor(size); run++) {
      for (const row of rows) {
        const out = path.join(outRoot, row.tool.id);
        clean(out);
        let measured: Measurement;
        try {
          measured = row.tool.run(corpus, out);
        } catch (error) {
          // Above 10,000 stories a build may run out of memory after half an hour: recorded as
          // such, and the other rows go on. Below, a failure is a bug in the benchmark: it stops.
          if (!(error instanceof BuildFailed) || size <= DEFAULT_HEAP_LIMIT_SIZE) throw error;
          const reason = /out of memory/i.test(error.tail) ? "ran out of memory" : `failed: ${error.tail.trim().split("\n").slice(-1)[0] ?? ""}`;
          failedBuilds.push({ id: row.tool.id, label: row.tool.label, size, reason, measured: error.measured, pagesWritten: htmlPages(out).length });
          log(`  run ${run} ${row.tool.label.padEnd(44)} ${reason}${error.measured ? ` after ${error.measured.wall.toFixed(0)} s, peak ${(error.measured.rss / 2 ** 20).toFixed(0)} MB` : ""}`);
          continue;
        }
        row.runs.push(measured);
        log(`  run ${run} ${row.tool.label.padEnd(44)} ${measured.wall.toFixed(2).padStart(7)} s wall ${measured.cpu.toFixed(2).padStart(7)} s CPU ${(measured.rss / 2 ** 20).toFixed(0).padStart(6)} MB`);
      }
    }
    rows = rows.filter((row) => row.runs.length > 0);
    for (const row of rows) row.pages = htmlPages(path.join(outRoot, row.tool.id)).length;
    results.push(...rows);
    if (active.some((tool) => tool.id === "floor")) equivalence.push({ size, against: "floor", ...compareOutputs(path.join(outRoot, "theme"), path.join(outRoot, "floor")) });
    if (active.some((tool) => tool.id === "plugin")) {
      equivalence.push({ size, against: "plugin-plain", ...compareOutputs(path.join(outRoot, "plugin"), path.join(outRoot, "plugin-plain")) });
    }
    if (active.some((tool) => tool.id === "plugin-stubs")) {
      equivalence.push({ size, against: "plugin-stubs", ...compareOutputs(path.join(outRoot, "plugin"), path.join(outRoot, "plugin-stubs")) });
    }
    if (active.some((tool) => tool.id === "theme-parts") && rows.some((row) => row.tool.id === "theme")) {
      equivalence.push({ size, against: "theme-parts", ...compareOutputs(path.join(outRoot, "theme"), path.join(outRoot, "theme-parts")) });
    }
    if (active.some((tool) => tool.id === "floor-shortcodes")) {
      equivalence.push({ size, against: "floor-shortcodes", ...compareOutputs(path.join(outRoot, "theme"), path.join(outRoot, "floor-shortcodes")) });
    }
    for (const e of equivalence.filter((e) => e.size === size && (e.different.length || e.onlyOne.length))) {
      log(`  WARNING: the ${e.against} builds other pages than the theme (${e.different.length + e.onlyOne.length}, e.g. ${[...e.different, ...e.onlyOne][0]}): update bench/floor/ to follow the theme's templates.`);
    }
    // A theme build that did not finish leaves half a site: nothing more to measure of it.
    // The site as one build wrote it, or else (a large archive) as its parts did: the same pages.
    const site = ["theme", "theme-parts"].find((id) => rows.some((row) => row.tool.id === id));
    const themeBuilt = site !== undefined;
    if (site) heaviestList.set(size, heaviestNonArticle(path.join(outRoot, site), sections));
    if (site && (size === mainSize || size === sizes[sizes.length - 1])) {
      log("  Pagefind index over the theme's output (npm run build's second step), once");
      try {
        pagefind.set(size, measure(node, [path.join(repoRoot, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", path.join(outRoot, site)], { cwd: repoRoot, env: cleanEnv({}) }));
      } catch (error) {
        // Recorded, not fatal: the builds measured before it (half an hour at 100,000) still count.
        const words = String((error as Error).message).trim().split("\n").filter(Boolean).slice(-3).join(" / ");
        pagefindFailed.set(size, words);
        log(`  Pagefind failed: ${words}`);
      }
    }
    if (size === mainSize && themeBuilt) {
      weights = pageWeights(path.join(outRoot, "theme"), sections);
      pageBytesPerStory = siteBytesWithoutPhotos(path.join(outRoot, "theme")) / size;
    }
    if (size === WATCH_SIZE) {
      log("  watch mode (npm start): the first build, then one story edited three times");
      const out = path.join(outRoot, "watch");
      clean(out);
      watchEdit = { size, ...(await measureWatchEdit(corpus, out, "theme")) };
      log(`  first build ${watchEdit.initial.toFixed(1)} s; edit to page ${watchEdit.edits.map((t) => `${t.toFixed(2)} s`).join(", ")}`);
      clean(out);
      if (active.some((tool) => tool.id === "minimal")) {
        watchEdit.minimal = await measureWatchEdit(corpus, out, "minimal");
        log(`  minimal plain Eleventy, the same edit: ${watchEdit.minimal.edits.map((t) => `${t.toFixed(2)} s`).join(", ")}`);
        clean(out);
      }
    }
    for (const tool of active) clean(path.join(outRoot, tool.id));
  }
  rmSync(outRoot, { recursive: true, force: true });
  persistRows(list);
  log(`\nDone in ${((performance.now() - started) / 60000).toFixed(1)} minutes.`);
  const eleventy = JSON.parse(readFileSync(path.join(repoRoot, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string };
  const versions: Record<string, string> = { Node: process.version, Eleventy: eleventy.version };
  if (available.hugo) versions.Hugo = /v[\d.]+/.exec(version("hugo", ["version"]))?.[0] ?? "?";
  if (available.jekyll) versions.Jekyll = version("jekyll", ["--version"]).replace(/^jekyll\s*/, "");
  return { skipped: available.skipped, versions };
}

// ---------------------------------------------------------------------------------------------
// Reporting

const seconds = (value: number) => `${value.toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString("en-US")} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const count = (value: number) => value.toLocaleString("en-US");
const ratio = (value: number, floor: number) => `${value >= floor ? "+" : "−"}${Math.abs((value / floor - 1) * 100).toFixed(0)} %`;
const FIRST_ROUND_TRIP = 14 * 1024;

function row(id: string, size: number): (Row & { wall: number; cpu: number; rss: number }) | undefined {
  const found = results.find((result) => result.tool.id === id && result.size === size);
  if (!found) return undefined;
  return { ...found, wall: median(found.runs.map((r) => r.wall)), cpu: median(found.runs.map((r) => r.cpu)), rss: median(found.runs.map((r) => r.rss)) };
}

function table(header: string[], rows: string[][], align: ("l" | "r")[]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${align.map((a) => (a === "r" ? "---:" : ":---")).join("|")}|`,
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
}

interface Report {
  main: string;
  scaling: string;
  weight: string;
  photos: string;
  targets: string;
  notes: string;
}

/** Every size reported: this run's and, with --reuse, an earlier run's of the same code. */
const reportedSizes = () => [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
const GIB = 2 ** 30;
const LIST_PAGE_LIMIT = 30 * 1024;

function report(skipped: string[]): Omit<Report, "photos"> {
  const sizes = reportedSizes();
  const floor = row("floor", mainSize);
  const ids = ["theme", "theme-cold", "theme-photos", "theme-photos-cold", "theme-topics", "floor", "minimal", "floor-shortcodes", "hugo", "jekyll", "theme-tsx"];
  const main = table(
    ["Generator", "HTML pages", "Wall (median)", "CPU (median)", "Peak memory", "Wall vs floor", "CPU vs floor"],
    ids
      .map((id) => row(id, mainSize))
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .map((r) => [
        r.tool.mainSizeOnly ? `_${r.tool.label}_` : r.tool.label,
        count(r.pages),
        seconds(r.wall),
        seconds(r.cpu),
        megabytes(r.rss),
        floor ? (r.tool.id === "floor" ? "—" : ratio(r.wall, floor.wall)) : "",
        floor ? (r.tool.id === "floor" ? "—" : ratio(r.cpu, floor.cpu)) : "",
      ]),
    ["l", "r", "r", "r", "r", "r", "r"],
  );

  const growth = (id: string): string[] => {
    const points = sizes.map((size) => row(id, size));
    const cells = points.map((p) => (p ? `${p.cpu.toFixed(1)} s (${p.wall.toFixed(1)} s)` : "—"));
    const perArticle = sizes.slice(1).map((size, i) => {
      const a = points[i];
      const b = points[i + 1];
      return a && b ? ((b.cpu - a.cpu) / (size - (sizes[i] as number))) * 1000 : undefined;
    });
    const last = points[points.length - 1];
    const linear = perArticle.length >= 2 && perArticle[0] && perArticle[perArticle.length - 1] ? (perArticle[perArticle.length - 1] as number) / (perArticle[0] as number) : undefined;
    return [
      ...cells,
      ...perArticle.map((ms) => (ms === undefined ? "—" : `${ms.toFixed(2)} ms`)),
      ...(sizes.length >= 3 ? [linear === undefined ? "—" : `× ${linear.toFixed(2)}`] : []),
      last ? megabytes(last.rss) : "—",
    ];
  };
  const scaling = table(
    [
      "Generator",
      ...sizes.map((size) => `${count(size)} articles: CPU (wall)`),
      ...sizes.slice(1).map((size, i) => `CPU per article ${count(sizes[i] as number)} → ${count(size)}`),
      ...(sizes.length >= 3 ? ["Change in cost per article"] : []),
      `Peak memory at ${count(sizes[sizes.length - 1] as number)}`,
    ],
    ["theme", "theme-topics", "theme-parts", "floor", "minimal", "hugo", "jekyll"].filter((id) => sizes.some((size) => row(id, size))).map((id) => [results.find((r) => r.tool.id === id)?.tool.label ?? id, ...growth(id)]),
    ["l", ...sizes.map(() => "r" as const), ...sizes.slice(1).map(() => "r" as const), ...(sizes.length >= 3 ? ["r" as const] : []), "r"],
  );

  const cell = (size: Size) => `${kb(size.raw)} / ${kb(size.gzip)} / ${kb(size.brotli)}`;
  const weight = table(
    ["Page type", "Pages", "HTML raw / gzip / brotli", "HTML + CSS raw / gzip / brotli", "Heaviest page, HTML + CSS gzip"],
    weights.map((w) => [
      w.type,
      count(w.pages),
      cell(w.typical.html),
      `${cell(w.typical.total)}${w.type === "article" ? (w.typical.total.gzip <= FIRST_ROUND_TRIP ? " ✓" : " ✗") : ""}`,
      `${kb(w.heaviest.total.gzip)}${w.type === "article" ? (w.heaviest.total.gzip <= FIRST_ROUND_TRIP ? " ✓" : " ✗") : ""}`,
    ]),
    ["l", "r", "r", "r", "r"],
  );

  const theme = row("theme", mainSize);
  const targets: string[] = [];
  if (theme && floor) {
    const cpu = (theme.cpu / floor.cpu - 1) * 100;
    const wall = (theme.wall / floor.wall - 1) * 100;
    const calls = row("floor-shortcodes", mainSize);
    const split = calls
      ? ` Of it, ${((calls.cpu / floor.cpu - 1) * 100).toFixed(0)} points are Eleventy and Nunjucks handling the shortcode calls (the floor with shortcode calls that do nothing costs that much more), and ${(((theme.cpu - calls.cpu) / floor.cpu) * 100).toFixed(0)} points the plugin's own work.`
      : "";
    const largest = sizes[sizes.length - 1] as number;
    const [bigTheme, bigFloor] = [row("theme", largest), row("floor", largest)];
    const later =
      largest !== mainSize && bigTheme && bigFloor
        ? ` At ${count(largest)} articles, where the fixed costs (loading, warming up) weigh less: ${((bigTheme.cpu / bigFloor.cpu - 1) * 100).toFixed(0)} %.`
        : "";
    targets.push(`- **Plugin overhead at ${count(mainSize)} articles ≤ 10 %:** ${cpu <= 10 ? "met" : "**missed**"} — ${cpu.toFixed(0)} % more CPU time than the floor (${seconds(theme.cpu)} against ${seconds(floor.cpu)}); wall time ${wall.toFixed(0)} %.${split}${later}`);
  }
  const [alone, plain] = [row("plugin", mainSize), row("plugin-plain", mainSize)];
  if (alone && plain) {
    const cpu = (alone.cpu / plain.cpu - 1) * 100;
    const stubs = row("plugin-stubs", mainSize);
    const split = stubs
      ? ` Of it, ${((stubs.cpu / plain.cpu - 1) * 100).toFixed(0)} points are Eleventy and Nunjucks handling the calls (stand-ins that only look up the answer cost that much), and ${(((alone.cpu - stubs.cpu) / plain.cpu) * 100).toFixed(0)} points the plugin's own work and loading.`
      : "";
    targets.push(
      `- **The plugin alone at ${count(mainSize)} stories ≤ 10 % over plain Eleventy** (two shortcodes and a filter a story): ${cpu <= 10 ? "met" : "**missed**"} — ${cpu.toFixed(0)} % more CPU time (${seconds(alone.cpu)} against ${seconds(plain.cpu)}); wall time ${((alone.wall / plain.wall - 1) * 100).toFixed(0)} % (${seconds(alone.wall)} against ${seconds(plain.wall)}).${split}`,
    );
  }
  const [warm, cold] = [row("theme", mainSize), row("theme-cold", mainSize)];
  if (warm && cold) {
    targets.push(`- **What share cards add to a first build:** ${seconds(cold.wall - warm.wall)} wall, ${seconds(cold.cpu - warm.cpu)} CPU at ${count(mainSize)} stories (${(((cold.cpu - warm.cpu) / mainSize) * 1000).toFixed(0)} ms of CPU a card); later builds take the cards from the cache.`);
  }
  const [photosWarm, photosCold] = [row("theme-photos", mainSize), row("theme-photos-cold", mainSize)];
  if (warm && photosWarm && photosCold) {
    const photoCount = Math.ceil(mainSize / PHOTO_EVERY);
    targets.push(
      `- **What photos add:** ${photoCount} lead photos (3000x2000 JPEG) in ${count(mainSize)} stories add ${seconds(photosCold.wall - warm.wall)} wall, ${seconds(photosCold.cpu - warm.cpu)} CPU to a first build (${((photosCold.cpu - warm.cpu) / photoCount).toFixed(2)} s of CPU a photo), and ${seconds(photosWarm.wall - warm.wall)} wall, ${seconds(photosWarm.cpu - warm.cpu)} CPU once they are cached.`,
    );
  }
  if (sizes.length >= 3) {
    const points = sizes.map((size) => row("theme", size));
    const per = sizes.slice(1).map((size, i) => ((points[i + 1]?.cpu ?? 0) - (points[i]?.cpu ?? 0)) / (size - (sizes[i] as number)));
    const change = (per[per.length - 1] as number) / (per[0] as number);
    targets.push(
      `- **Build time linear in the number of articles:** ${change <= 1.5 ? "met" : "**missed**"} — each article costs ${(((per[0] as number) * 1000)).toFixed(2)} ms of CPU from ${count(sizes[0] as number)} to ${count(sizes[1] as number)} articles and ${(((per[per.length - 1] as number) * 1000)).toFixed(2)} ms from ${count(sizes[sizes.length - 2] as number)} to ${count(sizes[sizes.length - 1] as number)} (× ${change.toFixed(2)}; a quadratic step would multiply it by about ten).`,
    );
  } else {
    targets.push("- **Build time linear in the number of articles:** not measured (needs three sizes; run without --quick or --articles).");
  }
  const article = weights.find((w) => w.type === "article");
  if (article) {
    targets.push(
      `- **Article page HTML + CSS ≤ 14 KB gzip:** ${article.heaviest.total.gzip <= FIRST_ROUND_TRIP ? "met" : "**missed**"} — ${kb(article.typical.total.gzip)} for the typical article, ${kb(article.heaviest.total.gzip)} for the heaviest (${article.heaviest.url}), against ${kb(FIRST_ROUND_TRIP)}.`,
    );
  }
  const largest = sizes[sizes.length - 1] as number;
  const big = row("theme", largest);
  if (big) targets.push(`- **Peak memory at ${count(largest)} articles:** ${megabytes(big.rss)} for the theme (floor ${megabytes(row("floor", largest)?.rss ?? 0)}).`);
  const [theme10k, minimal10k, hugo10k] = [row("theme", 10_000), row("minimal", 10_000), row("hugo", 10_000)];
  if (theme10k && minimal10k) {
    const times = theme10k.wall / minimal10k.wall;
    targets.push(
      `- **The theme at 10,000 articles within 1.5 × the wall time of minimal plain Eleventy:** ${times <= 1.5 ? "met" : "**missed**"} — ${seconds(theme10k.wall)} against ${seconds(minimal10k.wall)} (× ${times.toFixed(2)}; CPU × ${(theme10k.cpu / minimal10k.cpu).toFixed(2)})` +
        (hugo10k ? `; Hugo ${seconds(hugo10k.wall)} (the theme takes × ${(theme10k.wall / hugo10k.wall).toFixed(1)}).` : "."),
    );
  }
  const parts10k = row("theme-parts", 10_000);
  if (theme10k || parts10k) {
    const inOne = theme10k ? `${megabytes(theme10k.rss)} in one build` : "";
    const inParts = parts10k ? `${megabytes(parts10k.rss)} built in parts of ${count(PART_SIZE)} stories (${seconds(parts10k.wall)} wall${minimal10k ? `, × ${(parts10k.wall / minimal10k.wall).toFixed(2)} the minimal site's` : ""})` : "";
    const best = Math.min(theme10k?.rss ?? Infinity, parts10k?.rss ?? Infinity);
    targets.push(`- **Peak memory at 10,000 articles under 1 GiB:** ${best < GIB ? "met" : "**missed**"} — ${[inOne, inParts].filter(Boolean).join("; ")}.`);
  }
  const parts100k = row("theme-parts", 100_000);
  if (parts100k) targets.push(`- **100,000 articles on one machine, peak under 6 GiB, built in parts of ${count(PART_SIZE)} stories:** ${parts100k.rss < 6 * GIB ? "met" : "**missed**"} — ${megabytes(parts100k.rss)}, ${seconds(parts100k.wall)} wall, ${seconds(parts100k.cpu)} CPU.`);
  const theme100k = row("theme", 100_000);
  const failed100k = failedBuilds.find((failure) => failure.id === "theme" && failure.size === 100_000);
  if (failed100k) {
    const at = failed100k.measured ? ` after ${seconds(failed100k.measured.wall)} (${seconds(failed100k.measured.cpu)} CPU) at a peak of ${megabytes(failed100k.measured.rss)}` : "";
    targets.push(`- **100,000 articles on one machine, peak under 6 GiB:** **missed** — the build ${failed100k.reason}${at}, with ${failed100k.pagesWritten.toLocaleString("en-US")} pages written.`);
  }
  if (theme100k) targets.push(`- **100,000 articles on one machine, peak under 6 GiB:** ${theme100k.rss < 6 * GIB ? "met" : "**missed**"} — ${megabytes(theme100k.rss)}, ${seconds(theme100k.wall)} wall, ${seconds(theme100k.cpu)} CPU.`);
  const heaviest = sizes.filter((size) => heaviestList.has(size)).map((size) => ({ size, ...(heaviestList.get(size) as { url: string; gzip: number }) }));
  if (heaviest.length) {
    const over = heaviest.filter((h) => h.gzip > LIST_PAGE_LIMIT);
    targets.push(
      `- **No page but an article over 30 KB gzip (HTML), at any archive size:** ${over.length ? "**missed**" : "met"} — the heaviest: ${heaviest.map((h) => `${kb(h.gzip)} at ${count(h.size)} articles (${h.url})`).join("; ")}.`,
    );
  }
  if (watchEdit) {
    const worst = Math.max(...watchEdit.edits);
    targets.push(
      `- **An edit shows in under 2 s in watch mode (\`npm start\`, incremental) at ${count(watchEdit.size)} articles:** ${worst < 2 ? "met" : "**missed**"} — from saving the story to its page rewritten: ${watchEdit.edits.map((t) => seconds(t)).join(", ")} (first build ${seconds(watchEdit.initial)}).${watchEdit.minimal ? ` Eleventy's incremental mode alone, on the minimal site, takes ${watchEdit.minimal.edits.map((t) => seconds(t)).join(", ")} for the same edit.` : ""}`,
    );
  }

  const notes: string[] = [];
  for (const e of equivalence) {
    notes.push(
      `- ${count(e.size)} articles: ${count(e.identical)} of ${count(e.pages)} HTML pages of ${EQUIVALENCE[e.against] ?? e.against} are byte-identical` +
        (e.different.length ? `; different: ${e.different.slice(0, 5).join(", ")}${e.different.length > 5 ? ", …" : ""}` : "") +
        (e.onlyOne.length ? `; in one build only: ${e.onlyOne.slice(0, 5).join(", ")}${e.onlyOne.length > 5 ? ", …" : ""}` : "") +
        ".",
    );
  }
  for (const [size, run] of [...pagefind.entries()].sort(([a], [b]) => a - b)) {
    notes.push(`- Pagefind's index over the theme's ${count(size)} articles (the second step of \`npm run build\`, not in the rows above): ${seconds(run.wall)} wall, ${seconds(run.cpu)} CPU, ${megabytes(run.rss)}.`);
  }
  for (const failure of failedBuilds) {
    const at = failure.measured ? ` after ${seconds(failure.measured.wall)} wall, ${seconds(failure.measured.cpu)} CPU, at a peak of ${megabytes(failure.measured.rss)}` : "";
    notes.push(`- ${failure.label} at ${count(failure.size)} articles: the build ${failure.reason}${at}; ${failure.pagesWritten.toLocaleString("en-US")} pages were written. It has no row.`);
  }
  for (const [size, words] of pagefindFailed) notes.push(`- Pagefind's index over the theme's ${count(size)} articles failed: ${words.replace(/`/g, "'")}.`);

  const withSiteCards = reportedSizes().filter((size) => siteCardSizes.has(size));
  if (withSiteCards.length) notes.push(`- At ${withSiteCards.map(count).join(" and ")} articles the theme was built with \`storyCards: false\` (\`--site-cards\`): stories share the site's card, so the first build draws no card per story.`);
  if (results.some((r) => r.size > JEKYLL_LIMIT)) {
    notes.push(`- Jekyll, Hugo and the floor are not run above ${count(JEKYLL_LIMIT)} articles: Jekyll's build grows faster than linearly (see the growth table), Hugo is compared at ${count(DEFAULT_HEAP_LIMIT_SIZE)}, and the floor is there for the plugin's overhead at ${count(mainSize)}.`);
    notes.push(`- Above ${count(DEFAULT_HEAP_LIMIT_SIZE)} articles the Eleventy builds ran with \`NODE_OPTIONS=--max-old-space-size=\` 85 % of the machine's memory, and without a warm-up build: Node's default heap limit (about 4 GB) stops them.`);
  }
  const missingCss = [...new Set(weights.flatMap((w) => w.missing))];
  if (missingCss.length) notes.push(`- Not counted in the page weight (not built): ${missingCss.join(", ")}.`);
  for (const tool of skipped) notes.push(`- ${tool === "hugo" ? "Hugo" : "Jekyll"} is not installed, so its row is missing: \`sudo apt-get install ${tool}\`.`);
  return { main, scaling, weight, targets: targets.join("\n"), notes: notes.join("\n") };
}

function document(r: Report, versions: Record<string, string>): string {
  const sizes = reportedSizes();
  const partsRow = sizes.map((size) => row("theme-parts", size)).find(Boolean);
  const plural = (n: number) => `${n} run${n === 1 ? "" : "s"}`;
  const runs = [...new Set(sizes.map(runsFor))].length === 1 ? `${plural(runsFor(sizes[0] as number))} per generator` : sizes.map((size) => `${plural(runsFor(size))} at ${count(size)}`).join(", ");
  return `# Benchmark results

Written by \`npm run bench\` (see [bench/README.md](README.md) for what each row measures and how to
reproduce). Machine: ${machine()}. ${Object.entries(versions).map(([name, v]) => `${name} ${v}`).join(", ")}. Medians of ${runs}.

## ${count(mainSize)} articles

${r.main}

What each row builds:

${["theme", "theme-cold", "theme-photos", "theme-photos-cold", "theme-topics", "floor", "minimal", "floor-shortcodes", "hugo", "jekyll", "theme-tsx", "plugin-plain", "plugin-stubs", "plugin"].filter((id) => row(id, mainSize)).map((id) => `- **${row(id, mainSize)?.tool.label}**: ${DESCRIPTIONS[id]}.`).join("\n")}${partsRow ? `\n- **${partsRow.tool.label}** (from ${count(DEFAULT_HEAP_LIMIT_SIZE)} articles): ${DESCRIPTIONS["theme-parts"]}.` : ""}

## Growth with the number of articles

CPU time (user + system) and, in brackets, wall time; "CPU per article" is the extra CPU time per added article between two
sizes.

${r.scaling}

Each row's growth is its generator's own. Jekyll's clean-up and write phases (\`jekyll build --profile\`) grow faster than
linearly with thousands of pages while its rendering stays linear.

## Page weight (theme, ${count(mainSize)} articles)

The typical page of each type (median HTML + CSS gzip size), and the heaviest. CSS is the stylesheets the page links, each
compressed on its own as it travels; ✓ marks an article page within the first round trip (${kb(FIRST_ROUND_TRIP)}).

${r.weight}

The list pages (section, topic, author, month, speaker, about) show 20 stories a page (the theme's \`pageSize\`), so no
page grows with the number of articles; "-page-2" rows are their later pages.

${PHOTO_SECTION}

${r.photos}

## Targets

${r.targets}

## Checks and notes

${r.notes}
`;
}

function updateReadme(r: Report, versions: Record<string, string>): void {
  const file = path.join(benchDir, "README.md");
  const readme = readFileSync(file, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (!readme.includes(start) || !readme.includes(end)) {
    log("bench/README.md has no <!-- bench:start --> … <!-- bench:end --> markers; left as it is.");
    return;
  }
  const body = `${start}
Latest run: ${machine()}; ${Object.entries(versions).map(([name, v]) => `${name} ${v}`).join(", ")}.

**${count(mainSize)} articles**

${r.main}

**Growth with the number of articles** (CPU time, wall time in brackets)

${r.scaling}

**Page weight of the theme's pages** (${count(mainSize)} articles; typical page of each type, and the heaviest)

${r.weight}

**Targets**

${r.targets}
${end}`;
  writeFileSync(file, readme.slice(0, readme.indexOf(start)) + body + readme.slice(readme.indexOf(end) + end.length));
  log("bench/README.md's tables updated.");
}

const { skipped, versions } = await runAll();
log("Lead photo weight: one photo-like picture through the theme's photo work");
const r = { ...report(skipped), photos: photoWeightReport(await leadPhotoWeight(), pageBytesPerStory) };
const text = document(r, versions);
log(`\n${text}`);
writeFileSync(path.join(benchDir, "RESULTS.md"), text);
log("Written to bench/RESULTS.md.");
if (flag("--readme")) updateReadme(r, versions);
