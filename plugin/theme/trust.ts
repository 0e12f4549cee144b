/**
 * The newsroom's standards — The Trust Project's disclosures: its policies (ethics, corrections,
 * ownership and funding, masthead…) as a "Standards" list linked from every page, on the
 * publisher's structured data (the plugin puts them there), checked to be pages the build
 * publishes, and the ones a site still lacks named in the build log.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { logForCli } from "../arguments.js";
import type { EleventyConfig } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { PUBLISHER_POLICIES, renderJsonLdScript, type PublisherPolicy } from "../structured-data.js";
import type { AuthorEntry } from "./front-matter.js";

/** How each policy is named in the Standards list. */
export const POLICY_LABELS: Readonly<Record<PublisherPolicy, string>> = {
  publishingPrinciples: "Publishing principles",
  ethicsPolicy: "Ethics policy",
  correctionsPolicy: "Corrections policy",
  verificationFactCheckingPolicy: "Verification and fact-checking",
  unnamedSourcesPolicy: "Unnamed sources",
  noBylinesPolicy: "Stories without a byline",
  diversityPolicy: "Diversity policy",
  missionCoveragePrioritiesPolicy: "Mission and coverage priorities",
  ownershipFundingInfo: "Ownership and funding",
  actionableFeedbackPolicy: "Feedback and contact",
  masthead: "Masthead",
};

export interface StandardsEntry {
  policy: PublisherPolicy;
  label: string;
  url: string;
}

/** The Standards list: the policies the site gives, in schema.org's order. */
export function standardsList(policies: Partial<Record<PublisherPolicy, string>> | undefined): StandardsEntry[] {
  return PUBLISHER_POLICIES.filter((policy) => policies?.[policy] !== undefined).map((policy) => ({ policy, label: POLICY_LABELS[policy], url: policies?.[policy] as string }));
}

/** The disclosures The Trust Project asks for that the site does not give. */
export function missingDisclosures(policies: Partial<Record<PublisherPolicy, string>> | undefined): PublisherPolicy[] {
  return PUBLISHER_POLICIES.filter((policy) => policies?.[policy] === undefined);
}

/** The build log's line, or the error, naming the disclosures the site lacks; nothing when it has them all. */
export function reportMissingDisclosures(policies: Partial<Record<PublisherPolicy, string>> | undefined, level: "warn" | "error" | "off", settingsFile: string, log: (line: string) => void = logForCli): void {
  const missing = missingDisclosures(policies);
  if (level === "off" || missing.length === 0) return;

  if (level === "error") {
    throw new NewsroomError({
      where: "site settings organisation.policies",
      problem: `lacks ${missing.length} of The Trust Project's disclosures`,
      value: missing.join(", "),
      fix: `publish a page for each and link it: "policies": { "${missing[0]}": "/standards/…/" } (the theme option trustDisclosures: "warn" only names them)`,
      inputPath: settingsFile,
    });
  }
  log(`[newsroom] ${settingsFile}: ${missing.length} of The Trust Project's disclosures are not linked yet in "organisation.policies": ${missing.join(", ")} (docs/theme.md, "Kinds and trust"; trustDisclosures: "off" silences this).`);
}

/**
 * Each policy given as a site path must be a page or file the build publishes: a Standards link
 * that leads nowhere, or a publisher's policy search engines cannot read, would be worse than none.
 */
export function checkPoliciesPublished(eleventyConfig: EleventyConfig, policies: Partial<Record<PublisherPolicy, string>> | undefined, settingsFile: string): void {
  const sitePaths = standardsList(policies).filter((entry) => entry.url.startsWith("/"));
  if (sitePaths.length === 0) return;
  for (const entry of sitePaths) {
    if (entry.url.split(/[?#]/)[0]?.split("/").includes("..")) {
      throw new NewsroomError({ where: `site settings organisation.policies.${entry.policy}`, problem: 'a site path cannot climb out of the site with "..", got', value: entry.url, fix: "give the page's path in the site, e.g. /standards/ethics/", inputPath: settingsFile });
    }
  }
  eleventyConfig.on("eleventy.after", (details) => {
    // Only a build that writes files can be checked.
    if (details?.outputMode !== "fs" || details.runMode !== "build") return;
    const output = details.directories?.output ?? eleventyConfig.directories?.output ?? "_site";
    for (const entry of sitePaths) {
      const file = decodeURI(entry.url.split(/[?#]/)[0] as string);
      if (existsSync(path.join(output, file.endsWith("/") ? `${file}index.html` : file))) continue;
      throw new NewsroomError({
        where: `site settings organisation.policies.${entry.policy}`,
        problem: "the build published no page at this path",
        value: entry.url,
        fix: `write the page (e.g. a Markdown file whose permalink is ${entry.url}), or link the policy where it is published with an absolute URL`,
        inputPath: settingsFile,
      });
    }
  });
}

/**
 * An author page as a schema.org `ProfilePage` whose main entity is the author (The Trust Project's
 * "journalist expertise"): name, title, bio, profiles, and what the author knows, where from and in
 * which languages. `pageUrl` is the page's absolute address.
 */
export function profilePageJsonLd(entry: AuthorEntry, pageUrl: string): string {
  const person: Record<string, unknown> = { "@type": "Person", name: entry.name, url: pageUrl };
  if (entry.title) person.jobTitle = entry.title;
  if (entry.bio) person.description = entry.bio;
  if (entry.sameAs?.length) person.sameAs = entry.sameAs;
  if (entry.expertise?.length) person.knowsAbout = entry.expertise;
  if (entry.languages?.length) person.knowsLanguage = entry.languages;
  if (entry.location) person.workLocation = { "@type": "Place", name: entry.location };
  return renderJsonLdScript({ "@context": "https://schema.org", "@type": "ProfilePage", url: pageUrl, mainEntity: person });
}
