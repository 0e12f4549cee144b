/**
 * The misquote guard as Eleventy runs it: once a page is written, its pull quotes are checked
 * against the story's own text (integrity.ts).
 */
import { NewsroomError } from "./errors.js";
import { findMisquotes, type Misquote } from "./integrity.js";
import type { PluginContext } from "./plugin-context.js";

export function addMisquoteCheck({ eleventyConfig, options, state }: Pick<PluginContext, "eleventyConfig" | "options" | "state">): void {
  // The story's body is the page's own content without its layout: a headline, dek or page
  // furniture holding the words does not count. A page outside the collections has no such
  // content to read, so its whole output (without <head>) stands in.
  // The last the plugin sees of a page, so it also lets go of the page's records (finishPage).
  eleventyConfig.addLinter("newsroom-pullquote-integrity", function (content) {
    const quotations = state.finishPage(this.page);
    if (options.pullquoteCheck === "off") return;
    const claims = quotations.filter((q) => q.kind === "pullquote").map((q) => ({ text: q.text, speaker: q.speaker.id ?? q.speaker.name }));
    if (claims.length === 0) return;
    const body = state.contentOf(this.page) ?? content.replace(/<head[\s>][\s\S]*?<\/head>/i, "");
    for (const misquote of findMisquotes(body, claims)) {
      const error = misquoteError(misquote, this.page?.inputPath ?? this.inputPath);
      if (options.pullquoteCheck === "error") throw error;
      if (state.firstTime(error.message)) console.warn(error.message);
    }
  });

  const nameOf = (key: string): string => state.registry[key]?.name ?? key;
  function misquoteError(misquote: Misquote, inputPath: string | undefined): NewsroomError {
    if (misquote.problem === "absent") {
      return new NewsroomError({
        where: "pullquote",
        problem: "the pull quote's words do not occur in the story's text (its headline, dek and page furniture do not count)",
        value: misquote.claim.text,
        fix: "quote the story word for word (quote marks, case and spacing may differ), or set pullquoteCheck: \"off\"",
        inputPath,
      });
    }
    const said = misquote.saidBy.map(nameOf).join(" and ");
    return new NewsroomError({
      where: "pullquote",
      problem: `the pull quote credits ${nameOf(misquote.claim.speaker)} with words the story quotes from ${said}`,
      value: misquote.claim.text,
      fix: `credit the pull quote to the person the story quotes (${misquote.saidBy.map((key) => `"${key}"`).join(" or ")}), or lift words that ${nameOf(misquote.claim.speaker)} said`,
      inputPath,
    });
  }
}
