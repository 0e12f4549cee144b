/**
 * A newsroom's first dozen stories, written into a site made by `init`: three sections, four
 * stories with lead photos (JPEGs made with sharp), one of them `featured: true` and not the
 * newest, prose typed with straight quotes and apostrophes, and tags shared across sections so
 * related stories mix stories with and without photos.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeJpeg } from "./photos.js";

export interface DozenStory {
  slug: string;
  section: string;
  /** Days after 2025-10-01, at noon in the site's zone. */
  day: number;
  photo: boolean;
  featured?: boolean;
}

/**
 * Newest last; photos on stories 1, 5, 7 and 9, story-07 featured (five days older than the
 * newest). Every story is tagged Harbor, so the newest story's related stories are 11, 10 and 9.
 */
export const DOZEN: readonly DozenStory[] = Array.from({ length: 12 }, (_, index) => {
  const number = index + 1;
  return {
    slug: `story-${String(number).padStart(2, "0")}`,
    section: ["local", "sports", "business"][index % 3] as string,
    day: number,
    photo: [1, 5, 7, 9].includes(number),
    ...(number === 7 ? { featured: true } : {}),
  };
});

export const FEATURED_STORY = DOZEN.find((story) => story.featured) as DozenStory;

/** What a story's prose says, typed as a reporter types it: straight quotes and apostrophes. */
export const TYPED_QUOTE = `"We're ready for the harbor's busiest week," the harbor master said.`;
/** The same words as the published page must show them. */
export const TYPOGRAPHIC_QUOTE = "“We’re ready for the harbor’s busiest week,” the harbor master said.";

/** The path of a story's page under _site (the site's zone is New York; noon stays on its day). */
export function storyPath(story: DozenStory): string {
  return `${story.section}/2025/10/${String(story.day).padStart(2, "0")}/${story.slug}/`;
}

function storyText(story: DozenStory): string {
  const number = Number(story.slug.slice(-2));
  const photo = story.photo
    ? `image:\n  src: photos/${story.slug}.jpg\n  alt: "The harbor at dawn, photo ${number}"\n  caption: "The harbor on the morning of story ${number}."\n  credit: "Sample Reporter"\n`
    : "";
  return `---
title: "Harbor story number ${number} of the first dozen"
dek: "Story ${number} of twelve, in ${story.section}."
date: 2025-10-${String(story.day).padStart(2, "0")}T12:00:00-04:00
section: ${story.section}
tags: [Harbor${number % 2 === 0 ? ", Boats" : ""}]
byline: [sample-reporter]
${story.featured ? "featured: true\n" : ""}${photo}---
The harbor opened its new pier on day ${number} of the month, and the town came to watch.

${TYPED_QUOTE}

Boats were tied two deep along the old wall while the crews waited for the tide.
`;
}

/**
 * Writes the dozen stories, their photos and the sections into `site` (a folder made by `init`),
 * in place of the starter's sample stories.
 */
export async function writeDozenStories(site: string): Promise<void> {
  await writeFile(
    path.join(site, "_data/sections.json"),
    JSON.stringify({ local: { name: "Local", description: "News from around town." }, sports: { name: "Sports", description: "The teams." }, business: { name: "Business", description: "Work and money." } }, null, 2),
  );
  for (const sample of ["sample-story.md", "sample-column.md"]) await rm(path.join(site, "articles", sample), { force: true });
  await mkdir(path.join(site, "articles/photos"), { recursive: true });
  for (const story of DOZEN) {
    await writeFile(path.join(site, "articles", `${story.slug}.md`), storyText(story));
    if (story.photo) await writeFile(path.join(site, "articles/photos", `${story.slug}.jpg`), await makeJpeg(1600, 1067));
  }
}
