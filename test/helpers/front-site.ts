/**
 * The fixture newsroom as a newsroom lays out its front: a copy whose older photo story is
 * `featured: true`, plus a story with a right and a left pull quote before a block quotation.
 * The copy sits beside test/scratch/, not in it: Eleventy ignores what .gitignore names.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureFixturePhotos } from "./photos.js";
import { buildSite, repoRoot, type BuildSettings, type SiteBuild } from "./site-build.js";

export const FEATURED = "sports/2025/09/10/stadium-lights-fundraiser/";
export const PULL_QUOTES = "sports/2025/10/10/ravens-depth/";
/** A story with no lead photo, and a story with a correction. */
export const WITHOUT_PHOTO = "politics/2025/10/14/council-approves-2026-budget/";
export const CORRECTED = "politics/2025/08/21/housing-ordinance-first-reading/";

const PULL_QUOTE_STORY = `---
title: 'Ravens'' Coach Says "Depth Wins in November"'
dek: "Marcus Bell plans to use every player on the roster -- sophomores included -- before the playoffs."
date: 2025-10-10T12:00:00-05:00
section: sports
tags: [Football]
byline: [lena-park]
people: [marcus-bell]
---
{% speaker "marcus-bell" %} spoke to reporters after practice on Thursday, a day before the Ravens play their last road game of the regular season.

{% pullquote "marcus-bell", "right" %}Depth wins in November{% endpullquote %}

{% pullquote "marcus-bell", "left" %}Every player on this roster will see the field{% endpullquote %}

{% quote "marcus-bell", "after practice", "Riverton", "2025-10-09" %}
Depth wins in November. Every player on this roster will see the field before the playoffs, and the ones who are ready will stay on it.
{% endquote %}

The Ravens have used 41 players this season, the most in the Tri-County League. Eleven of them are sophomores, and four have started at least one game.

{% speaker "marcus-bell" %} said the younger players had earned their time in practice. The team has three regular-season games left, two of them at home.

The playoff bracket will be set on the first Sunday of November, after the last games of the regular season are played.
`;

export async function buildFrontSite(settings: BuildSettings = {}): Promise<SiteBuild> {
  const fixture = path.join(repoRoot, "test/fixtures/newsroom-site");
  await ensureFixturePhotos(fixture);
  const scratch = await mkdtemp(path.join(repoRoot, "test", "scratch-front-"));
  try {
    await cp(fixture, scratch, { recursive: true });
    const story = path.join(scratch, "articles/stadium-lights-fundraiser.md");
    await writeFile(story, (await readFile(story, "utf8")).replace("section: sports\n", "section: sports\nfeatured: true\n"));
    await writeFile(path.join(scratch, "articles/ravens-depth.md"), PULL_QUOTE_STORY);
    const relative = path.relative(repoRoot, scratch);
    const site = await buildSite({ ...settings, env: { NEWSROOM_INPUT: relative, NEWSROOM_DATA: `${relative}/_data`, ...settings.env } });
    return {
      ...site,
      cleanup: async () => {
        await site.cleanup();
        await rm(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}
