/**
 * The CMS is opt-in: without the theme option a site publishes nothing of it. With it, the admin
 * page loads only the site's own scripts under a policy with no inline or evaluated script.
 */
import { describe, expect, it } from "vitest";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { addCms, adminPage, CMS_CONTENT_SECURITY_POLICY } from "../../plugin/theme/cms.js";
import type { ThemeConfig } from "../../plugin/theme/config.js";
import { resolveThemeOptions } from "../../plugin/theme/options.js";

function recordingConfig(): { config: EleventyConfig; calls: string[] } {
  const calls: string[] = [];
  const config = {
    addTemplate: (name: string, _content: string, data?: { permalink?: string }) => calls.push(`template ${name} ${data?.permalink ?? ""}`),
    addPassthroughCopy: (paths: Record<string, string>) => calls.push(`copy ${Object.values(paths).join(" ")}`),
    addShortcode: (name: string) => calls.push(`shortcode ${name}`),
  } as unknown as EleventyConfig;
  return { config, calls };
}

const themeConfig = (cms: unknown) => ({ options: resolveThemeOptions({ cms }), language: "en-US", publisherName: "Desk", newsroom: {}, directories: { data: "_data" }, articlesFolder: "articles", extraFields: [] }) as unknown as ThemeConfig;

describe("the CMS option", () => {
  it("is off by default, and then adds nothing to the site", () => {
    expect(resolveThemeOptions({}).cms).toBe(false);
    const { config, calls } = recordingConfig();
    addCms(config, themeConfig(false));
    expect(calls).toEqual([]);
  });

  it("on, adds the admin page, its configuration, the components and Sveltia's code", () => {
    const { config, calls } = recordingConfig();
    addCms(config, themeConfig(true));
    expect(calls).toEqual(
      expect.arrayContaining([
        "copy admin/sveltia-cms.js",
        "template newsroom-theme/admin-page.njk /admin/index.html",
        "template newsroom-theme/admin-config.njk /admin/config.yml",
        "template newsroom-theme/admin-components.njk /admin/newsroom-components.js",
      ]),
    );
  });

  it("refuses a value that is not true, false or { backend, config }", () => {
    expect(() => resolveThemeOptions({ cms: "yes" })).toThrow(/cms: must be true, false or \{ backend, config \}/);
    expect(() => resolveThemeOptions({ cms: { backnd: {} } })).toThrow(/backnd/);
    expect(() => resolveThemeOptions({ cms: { backend: "github" } })).toThrow(/cms\.backend: must be an object/);
  });
});

describe("the admin page", () => {
  it("has a policy of its own: scripts from the site only, nothing inline or evaluated", () => {
    expect(CMS_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CMS_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|script-src[^;]*https:/);
    const page = adminPage("en-US", 'The "Desk" <Gazette>');
    expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<script"));
    expect(page).toContain("<title>The &quot;Desk&quot; &lt;Gazette&gt; · Editors</title>");
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});
