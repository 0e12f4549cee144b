/**
 * What the CMS saves of dates and registries, in Chromium, in local-repository mode:
 * - the editor's computer is in Tokyo, the newsroom in New York (and Los Angeles, Kolkata): the
 *   times picked are saved as the wall-clock times picked with the newsroom's offset on each day
 *   (summer and winter time), and the story is filed on the newsroom's day;
 * - a section added in the settings is saved in the list form the theme reads, and builds.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDesk, openLocalAdmin, READ_REPOSITORY, repositoryFiles, startDesk, type LocalAdmin, type StartedDesk } from "../helpers/cms-desk.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";

const scratch = mkdtempSync(path.join(tmpdir(), "newsroom-cms-data-"));
const desk = path.join(scratch, "desk");
let server: StaticServer;
let browser: Browser;
let started: StartedDesk | undefined;

beforeAll(async () => {
  started = await startDesk(desk, scratch);
  ({ server, browser } = started);
}, 180_000);

afterAll(() => started?.stop());

/** The admin page in local-repository mode, on a computer in `timezoneId`, holding the newsroom's files. */
function openAdmin(timezoneId: string, address = server.url): Promise<LocalAdmin> {
  return openLocalAdmin(browser, address, repositoryFiles(desk), { timezoneId });
}

async function savedFiles(page: Page): Promise<Record<string, string>> {
  const saved = (await page.evaluate(READ_REPOSITORY)) as Record<string, string>;
  return Object.fromEntries(Object.entries(saved).map(([name, base64]) => [name, Buffer.from(base64, "base64").toString("utf8")]));
}

const field = (page: Page, key: string) => page.locator(`section.field[data-key-path="${key}"]`);

/**
 * A new story written in the CMS on a computer in `computerZone`, its dates filled as the editor
 * types them (`YYYY-MM-DDTHH:mm`, the picker's own form): the text the CMS saves.
 */
async function storyWithDates(address: string, computerZone: string, zoneShown: string, dates: { date: string; updated?: string }): Promise<string> {
  const { page, errors, close } = await openAdmin(computerZone, address);
  await page.getByRole("button", { name: "Create New Entry" }).first().click();
  // The picker says whose time it is.
  await expect.poll(() => field(page, "date").textContent()).toContain(zoneShown);
  const values: [string, string, string][] = [["title", "input", "Night council vote"], ["dek", "textarea", "The council voted after 11 p.m."], ["date", "input[type=datetime-local]", dates.date]];
  if (dates.updated) values.push(["updated", "input[type=datetime-local]", dates.updated]);
  for (const [key, tag, text] of values) await field(page, key).locator(tag).fill(text);
  await field(page, "section").getByRole("radio").first().click();
  // The form draws its fields as they scroll into view; the story's text is required.
  await page.mouse.move(300, 400);
  for (let turn = 0; turn < 20 && (await field(page, "body").count()) === 0; turn++) {
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(200);
  }
  await field(page, "body").locator("[contenteditable=true]").click();
  await page.keyboard.type("The council voted late.");
  await page.mouse.wheel(0, -40_000);
  // The new entry's form may be drawn again while its options load, emptying what was filled first.
  for (const [key, tag, text] of values) {
    const input = field(page, key).locator(tag);
    if ((await input.inputValue()) !== text) await input.fill(text);
    expect(await input.inputValue(), key).toBe(text);
  }
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Entry saved.").waitFor();
  expect(errors).toEqual([]);
  const story = (await savedFiles(page))["articles/night-council-vote.md"] ?? "";
  await close();
  return story;
}

/** Builds the newsroom with `story` among its stories, and returns the page at `address`. */
async function builtStory(story: string, address: string): Promise<string> {
  writeFileSync(path.join(desk, "articles", "night-council-vote.md"), story);
  const rebuilt = await buildDesk(desk, scratch);
  try {
    return await rebuilt.read(address);
  } finally {
    await rebuilt.cleanup();
    rmSync(path.join(desk, "articles", "night-council-vote.md"));
  }
}

describe("dates written through the CMS", () => {
  it("are saved as the wall-clock times picked, with the newsroom's offset on that day (a newsroom behind UTC, a computer ahead)", async () => {
    const { timeZone } = JSON.parse(readFileSync(path.join(desk, "_data", "site.json"), "utf8")) as { timeZone: string };
    expect(timeZone).toBe("America/New_York");
    // 23:30 on the day summer time begins (-04:00: Tokyo's computer is already on the 10th), and
    // noon on the day it ends (-05:00).
    const story = await storyWithDates(server.url, "Asia/Tokyo", "New York", { date: "2025-03-09T23:30", updated: "2025-11-02T12:00" });
    expect(story).toMatch(/\ndate: 2025-03-09T23:30:00-04:00\n/);
    expect(story).toMatch(/\nupdated: 2025-11-02T12:00:00-05:00\n/);
    // Filed on the newsroom's day, the 9th, not the 10th the editor's computer was on.
    expect(await builtStory(story, "local/2025/03/09/night-council-vote/index.html")).toContain('datetime="2025-03-09T23:30:00-04:00"');
  }, 300_000);

  it("are saved with the newsroom's offset in a newsroom ahead of UTC, from a computer behind it", async () => {
    const settingsFile = path.join(desk, "_data", "site.json");
    const settings = readFileSync(settingsFile, "utf8");
    writeFileSync(settingsFile, settings.replace('"timeZone": "America/New_York"', '"timeZone": "Asia/Kolkata"'));
    const kolkata = await buildDesk(desk, scratch);
    const kolkataServer = await serveStatic(kolkata.output);
    try {
      // A quarter past midnight on New Year's Day in Kolkata: still 31 December on the computer in Los Angeles.
      const story = await storyWithDates(kolkataServer.url, "America/Los_Angeles", "Kolkata", { date: "2025-01-01T00:15" });
      expect(story).toMatch(/\ndate: 2025-01-01T00:15:00\+05:30\n/);
      expect(await builtStory(story, "local/2025/01/01/night-council-vote/index.html")).toContain('datetime="2025-01-01T00:15:00+05:30"');
    } finally {
      await kolkataServer.close();
      await kolkata.cleanup();
      writeFileSync(settingsFile, settings);
    }
  }, 300_000);
});

describe("a registry edited in the CMS's settings", () => {
  it("opens for each registry written as a list, its entries in the form, lists of text included", async () => {
    for (const registry of ["sections", "authors", "speakers"]) {
      const entries = JSON.parse(readFileSync(path.join(desk, "_data", `${registry}.json`), "utf8")) as { id: string; name: string; expertise?: string[] }[];
      const { page, errors, close } = await openAdmin("America/New_York");
      await page.goto(`${server.url}admin/#/collections/settings/entries/${registry}`);
      await field(page, `${registry}.0.id`).locator("input").waitFor();
      for (const [index, entry] of entries.entries()) {
        // The form draws its fields as they scroll into view.
        await page.mouse.move(600, 400);
        for (let turn = 0; turn < 20 && (await field(page, `${registry}.${index}.id`).count()) === 0; turn++) {
          await page.mouse.wheel(0, 600);
          await page.waitForTimeout(200);
        }
        expect(await field(page, `${registry}.${index}.id`).locator("input").inputValue(), registry).toBe(entry.id);
        expect(await field(page, `${registry}.${index}.name`).locator("input").inputValue(), registry).toBe(entry.name);
      }
      const expertise = entries[0]?.expertise;
      if (expertise) expect(await field(page, `${registry}.0.expertise.0`).locator("input").inputValue()).toBe(expertise[0]);
      expect(errors, registry).toEqual([]);
      await close();
    }
  }, 300_000);

  it("is saved as the list the theme reads, and the new section builds", async () => {
    const { page, errors, close } = await openAdmin("America/New_York");
    await page.goto(`${server.url}admin/#/collections/settings/entries/sections`);
    await field(page, "sections.0.id").locator("input").waitFor();
    expect(await field(page, "sections.0.id").locator("input").inputValue()).toBe("local");
    // The button's label isolates the list's name: "Add \u2068Section\u2069".
    await page.getByRole("button", { name: /^Add\W*Section\W*$/ }).click();
    await field(page, "sections.1.id").locator("input").fill("schools");
    await field(page, "sections.1.name").locator("input").fill("Schools");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Entry saved.").waitFor();
    expect(errors).toEqual([]);
    const sections = (await savedFiles(page))["_data/sections.json"] ?? "";
    await close();
    expect(JSON.parse(sections)).toEqual([{ id: "local", name: "Local", description: "News from around town." }, { id: "schools", name: "Schools" }]);

    const before = readFileSync(path.join(desk, "_data", "sections.json"), "utf8");
    mkdirSync(path.join(desk, "_data"), { recursive: true });
    writeFileSync(path.join(desk, "_data", "sections.json"), sections);
    const rebuilt = await buildDesk(desk, scratch);
    try {
      expect(await rebuilt.read("schools/index.html")).toContain("Schools");
      const config = await rebuilt.read("admin/config.yml");
      expect(config).toMatch(/- label: Schools \(schools\)\n\s+value: schools/);
    } finally {
      await rebuilt.cleanup();
      writeFileSync(path.join(desk, "_data", "sections.json"), before);
    }
  }, 300_000);
});
