/**
 * html-validate settings for every page the theme builds (test/standards/html-validate.test.ts;
 * also picked up by `npx html-validate _site`). The recommended preset, with each change explained.
 */
import { defineConfig } from "html-validate";

/**
 * HTML-AAM maps <aside> to the complementary landmark only when it is scoped to <body> or <main>;
 * scoped to sectioning content (article, aside, nav, section) it is generic unless it has an
 * accessible name. html-validate calls every <aside> a landmark, so the theme's pull quotes (one
 * <aside> each, inside the story's <article>) would count as unnamed duplicate landmarks. This puts
 * the standard's mapping back; unique-landmark still applies to every real landmark.
 * https://www.w3.org/TR/html-aam-1.0/#el-aside-ancestorbodymain
 */
function asideRole(node) {
  if (node.hasAttribute("aria-label") || node.hasAttribute("aria-labelledby")) return "complementary";
  // closest() starts at the node itself, so this asks whether it sits inside sectioning content
  // (<main> cannot, so no nearer <main> can scope it).
  return node.closest("article *, aside *, nav *, section *") ? "generic" : "complementary";
}

export default defineConfig({
  root: true,
  extends: ["html-validate:recommended"],
  elements: ["html5", { aside: { aria: { implicitRole: asideRole } } }],
  rules: {
    // A story's <title> is its headline as written (the showcase's comes word for word from the source); the 70-character cap is search-snippet advice, not validity.
    "long-title": "off",
  },
});
