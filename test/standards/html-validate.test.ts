/**
 * Every HTML page both sites build passes html-validate with the committed configuration
 * (.htmlvalidate.mjs: the recommended preset, each change explained there): 0 errors.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { HtmlValidate, Severity, StaticConfigLoader, type ConfigData, type Message } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, buildSite, listFiles, repoRoot, type SiteBuild } from "../helpers/site-build.js";

let config: ConfigData;
let validator: HtmlValidate;
let fixture: SiteBuild;
let showcase: SiteBuild;

beforeAll(async () => {
  config = ((await import(pathToFileURL(path.join(repoRoot, ".htmlvalidate.mjs")).href)) as { default: ConfigData }).default;
  validator = new HtmlValidate(new StaticConfigLoader(config));
  [fixture, showcase] = await Promise.all([buildFixtureSite({ env: { SITE_URL: "https://fixture.example" } }), buildSite()]);
});

afterAll(async () => {
  await Promise.all([fixture, showcase].map((site) => site && rm(site.output, { recursive: true, force: true })));
});

function describeMessage(file: string, message: Message): string {
  return `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`;
}

/** Validates every .html file of a build; returns the pages checked and each error as one line. */
async function validateSite(site: SiteBuild): Promise<{ pages: string[]; errors: string[] }> {
  const pages = (await listFiles(site.output)).filter((file) => file.endsWith(".html"));
  const errors: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(await site.read(page), page);
    for (const result of report.results) {
      for (const message of result.messages) if (message.severity === 2) errors.push(describeMessage(page, message));
    }
  }
  return { pages, errors };
}

describe("html-validate reports no errors", () => {
  it("on any page of the fixture newsroom", async () => {
    const { pages, errors } = await validateSite(fixture);
    expect(pages.length).toBeGreaterThan(35);
    expect(errors).toEqual([]);
  });

  it("on any page of the showcase", async () => {
    const { pages, errors } = await validateSite(showcase);
    expect(pages.length).toBeGreaterThan(8);
    expect(errors).toEqual([]);
  });
});

describe("the configuration", () => {
  const page = (body: string): string =>
    `<!DOCTYPE html><html lang="en"><head><title>Test</title></head><body><main>${body}</main></body></html>`;
  const quote = '<aside class="nr-pullquote"><blockquote><p>Words</p></blockquote></aside>';

  it("lets pull quotes inside a story be asides without names, as HTML-AAM maps them", async () => {
    const report = await validator.validateString(page(`<article><h1>Story</h1><p>Words</p>${quote}${quote}</article>`), "story.html");
    expect(report.results.flatMap((result) => result.messages.map((message) => message.ruleId))).toEqual([]);
  });

  it("still wants a unique name for each complementary landmark outside a story", async () => {
    const report = await validator.validateString(page(`<p>Words</p>${quote}${quote}`), "page.html");
    expect(report.results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain("unique-landmark");
  });

  it("switches off no recommended rule but long-title", async () => {
    const disabled = async (settings: ConfigData): Promise<string[]> => {
      const rules = (await new HtmlValidate(new StaticConfigLoader(settings)).getConfigFor("page.html")).getRules();
      return [...rules].filter(([, [severity]]) => severity === Severity.DISABLED).map(([rule]) => rule);
    };
    const preset = await disabled({ root: true, extends: ["html-validate:recommended"] });
    const ours = await disabled(config);
    expect(ours.filter((rule) => !preset.includes(rule))).toEqual(["long-title"]);
  });
});
