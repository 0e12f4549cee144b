import { describe, expect, it } from "vitest";
import { validateSiteSettings, newsroomOptionsFromSettings } from "../../plugin/theme/site-settings.js";
import { missingDisclosures, profilePageJsonLd, reportMissingDisclosures, standardsList } from "../../plugin/theme/trust.js";
import { checkRegistryEntries } from "../../plugin/theme/front-matter.js";
import { PUBLISHER_POLICIES } from "../../plugin/structured-data.js";

const ALL = Object.fromEntries(PUBLISHER_POLICIES.map((policy) => [policy, `/standards/${policy}/`]));

describe("the Standards list", () => {
  it("lists the policies given, labelled, in schema.org's order", () => {
    expect(standardsList({ masthead: "/masthead/", ethicsPolicy: "https://news.example.org/ethics/" })).toEqual([
      { policy: "ethicsPolicy", label: "Ethics policy", url: "https://news.example.org/ethics/" },
      { policy: "masthead", label: "Masthead", url: "/masthead/" },
    ]);
    expect(standardsList(undefined)).toEqual([]);
  });
});

describe("the Trust Project's disclosures a site lacks", () => {
  it("are named in the build log, or stop the build, or are left unsaid", () => {
    expect(missingDisclosures(ALL)).toEqual([]);
    expect(missingDisclosures({ ethicsPolicy: "/e/" })).toHaveLength(PUBLISHER_POLICIES.length - 1);
    const lines: string[] = [];
    reportMissingDisclosures({ ethicsPolicy: "/e/", masthead: "/m/" }, "warn", "_data/site.json", (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[newsroom\] _data\/site\.json: 9 of The Trust Project's disclosures are not linked yet in "organisation\.policies": publishingPrinciples, correctionsPolicy, /);
    expect(lines[0]).not.toContain("ethicsPolicy");
    reportMissingDisclosures(ALL, "warn", "_data/site.json", (line) => lines.push(line));
    reportMissingDisclosures({}, "off", "_data/site.json", (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(() => reportMissingDisclosures({ ethicsPolicy: "/e/" }, "error", "_data/site.json", (line) => lines.push(line))).toThrow(/\[newsroom\] site settings organisation\.policies in _data\/site\.json: lacks 10 of The Trust Project's disclosures: "publishingPrinciples, correctionsPolicy/);
    expect(() => reportMissingDisclosures(ALL, "error", "_data/site.json")).not.toThrow();
  });
});

describe("site.json organisation.policies", () => {
  const settings = (policies: unknown) => ({ name: "N", url: "https://news.example.org", language: "en", timeZone: "UTC", organisation: { name: "N", logo: "/logo.svg", policies } });
  it("is passed to the plugin's publisher", () => {
    const checked = validateSiteSettings(settings({ ethicsPolicy: "/standards/ethics/" }), "_data/site.json");
    expect(newsroomOptionsFromSettings(checked).publisher?.policies).toEqual({ ethicsPolicy: "/standards/ethics/" });
  });
  it.each([
    ["a misspelt policy", { ethicPolicy: "/e/" }, /site settings organisation\.policies\.ethicPolicy in _data\/site\.json: unknown key: "ethicPolicy"\. Fix: did you mean "ethicsPolicy"\?/],
    ["a script link", { ethicsPolicy: "javascript:alert(1)" }, /organisation\.policies\.ethicsPolicy .*must be a site path or an absolute http\(s\) URL/],
    ["a password", { masthead: "https://me:hunter2@news.example.org/masthead/" }, /organisation\.policies\.masthead .*holds a user name or password/],
    ["a list", ["/e/"], /organisation\.policies .*must be an object of links by policy/],
  ])("stops on %s", (_name, policies, message) => {
    expect(() => validateSiteSettings(settings(policies), "_data/site.json")).toThrow(message);
    if (_name === "a password") expect(() => validateSiteSettings(settings(policies), "_data/site.json")).not.toThrow(/hunter2/);
  });
});

describe("an author's expertise, location and languages", () => {
  it("are checked in authors.json", () => {
    expect(() => checkRegistryEntries("authors", { a: { name: "A", expertise: ["Courts"], location: "Riverton", languages: ["English"] } }, "_data/authors.json")).not.toThrow();
    expect(() => checkRegistryEntries("authors", { a: { name: "A", expertise: "Courts" } }, "_data/authors.json")).toThrow(/authors registry a\.expertise in _data\/authors\.json: must be a list of text, got: "Courts"/);
    expect(() => checkRegistryEntries("authors", { a: { name: "A", languages: [""] } }, "_data/authors.json")).toThrow(/a\.languages .*must be a list of text/);
    expect(() => checkRegistryEntries("authors", { a: { name: "A", location: ["Riverton"] } }, "_data/authors.json")).toThrow(/a\.location .*must be text/);
    expect(() => checkRegistryEntries("authors", { a: { name: "A", expertize: ["Courts"] } }, "_data/authors.json")).toThrow(/did you mean "expertise"\?/);
  });

  it("make the author page a ProfilePage, safe in its script element", () => {
    const html = profilePageJsonLd({ name: "Ada </script><script>alert(1)</script>", expertise: ["Courts"] }, "https://news.example.org/authors/ada/");
    expect(html).not.toContain("</script><script>");
    const data = JSON.parse(/<script type="application\/ld\+json">(.*)<\/script>/.exec(html)?.[1] ?? "{}") as Record<string, unknown>;
    expect(data).toEqual({ "@context": "https://schema.org", "@type": "ProfilePage", url: "https://news.example.org/authors/ada/", mainEntity: { "@type": "Person", name: "Ada </script><script>alert(1)</script>", url: "https://news.example.org/authors/ada/", knowsAbout: ["Courts"] } });
  });
});
