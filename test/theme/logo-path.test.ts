/** The publisher logo, when a site path, names a file of the output folder: never one above it. */
import { describe, expect, it } from "vitest";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { checkLogoPublished } from "../../plugin/theme/checks.js";

function registered(logo: string): number {
  let handlers = 0;
  const config = { on: () => void handlers++, directories: { output: "_site" } } as unknown as EleventyConfig;
  checkLogoPublished(config, logo, "_data/site.json");
  return handlers;
}

describe("the publisher logo's site path", () => {
  it.each(["/../../etc/passwd", "/assets/../../private.png", "/%2e%2e/secret.svg"])("may not climb out of the site: %s", (logo) => {
    expect(() => registered(logo)).toThrow(/\[newsroom\] site settings organisation\.logo in _data\/site\.json: a site path cannot climb out of the site with "\.\.", got: .*Fix: point organisation\.logo at the logo's path in the site, e\.g\. \/assets\/logo\.svg/);
  });

  it("a path inside the site is checked once the build is written", () => {
    expect(registered("/assets/logo.svg")).toBe(1);
    expect(registered("https://cdn.example.com/logo.svg")).toBe(0);
  });
});
