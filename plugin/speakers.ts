/**
 * The speakers registry and the AP ways of naming a person.
 */
import { closestMatch, NewsroomError } from "./errors.js";
import { isAbsoluteHttpUrl } from "./escape.js";

/** A registry entry as written in `_data/speakers.json` or the `speakers` option. */
export interface SpeakerEntry {
  /** Full name for the first reference: `Volodymyr Zelenskyy`. Required. */
  name: string;
  /** Name for later references: `Zelenskyy`. Defaults to the last word of `name`. */
  shortName?: string;
  /** Formal title used before the name: `President`. */
  title?: string;
  /** Affiliation adjective or organisation before the title: `Ukrainian`. */
  affiliation?: string;
  /** Plain description: `president of Ukraine`. Used in attributions and structured data. */
  description?: string;
  /** Phrase set off by commas next to the name: `Ukraine’s foreign minister`. Defaults to `description`. */
  appositive?: string;
  /** Page about the person on this site; overrides the `speakerUrl` option. */
  url?: string;
  /** Authoritative pages about the person (Wikipedia, Wikidata, official site). */
  sameAs?: string[];
}

export type SpeakerRegistry = Record<string, SpeakerEntry>;

/** A resolved speaker: a registry entry with its id, or a plain name given inline. */
export interface Speaker {
  /** Registry id, or undefined for a plain name. */
  id: string | undefined;
  name: string;
  shortName: string;
  title: string | undefined;
  affiliation: string | undefined;
  description: string | undefined;
  appositive: string | undefined;
  url: string | undefined;
  sameAs: string[];
}

/** How `speaker` names the person. `auto` is the AP default: `full` first, `short` after. */
export type SpeakerForm = "auto" | "full" | "short" | "name" | "title-after" | "title-before";
export const SPEAKER_FORMS: readonly SpeakerForm[] = ["auto", "full", "short", "name", "title-after", "title-before"];

/** The fields a speaker entry may have (the CMS describes each: theme/registry-fields.ts). */
export const SPEAKER_ENTRY_FIELDS: readonly string[] = ["name", "shortName", "title", "affiliation", "description", "appositive", "url", "sameAs"];
/** Ids look like slugs; anything else passed where an id-or-name is allowed is a plain name. */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** Checks every entry once, so a broken registry fails the build before any page renders. */
export function validateRegistry(registry: unknown, source: string): SpeakerRegistry {
  if (registry === undefined || registry === null) return {};
  if (typeof registry !== "object" || Array.isArray(registry)) {
    throw new NewsroomError({
      where: source,
      problem: "the speakers registry must be an object keyed by speaker id, got",
      value: registry,
      fix: 'write it as { "zelenskyy": { "name": "Volodymyr Zelenskyy", ... } }',
    });
  }
  for (const [id, entry] of Object.entries(registry)) {
    const at = `${source} › ${id}`;
    if (!ID_PATTERN.test(id)) {
      throw new NewsroomError({
        where: at,
        problem: "speaker ids must be lowercase letters, digits, - or _, got",
        value: id,
        fix: `rename the entry, e.g. "${id.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "")}"`,
      });
    }
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new NewsroomError({
        where: at,
        problem: "a speaker entry must be an object, got",
        value: entry,
        fix: 'write it as { "name": "Full Name", "shortName": "Surname", "title": "...", "description": "..." }',
      });
    }
    const record = entry as Record<string, unknown>;
    if (typeof record.name !== "string" || record.name.trim() === "") {
      throw new NewsroomError({
        where: at,
        problem: "the speaker has no name",
        value: record.name,
        fix: `add "name" with the person's full name to the "${id}" entry`,
      });
    }
    for (const [field, value] of Object.entries(record)) {
      if (!SPEAKER_ENTRY_FIELDS.includes(field)) {
        const guess = closestMatch(field, SPEAKER_ENTRY_FIELDS);
        throw new NewsroomError({
          where: at,
          problem: "unknown field",
          value: field,
          fix: guess ? `did you mean "${guess}"? Fields are ${SPEAKER_ENTRY_FIELDS.join(", ")}` : `use only ${SPEAKER_ENTRY_FIELDS.join(", ")}`,
        });
      }
      // sameAs goes into structured data as is: a link without its scheme would make it invalid.
      const wrongType = field === "sameAs"
        ? !Array.isArray(value) || !value.every(isAbsoluteHttpUrl)
        : typeof value !== "string";
      if (wrongType) {
        throw new NewsroomError({
          where: `${at} › ${field}`,
          problem: field === "sameAs" ? "must be a list of absolute http(s) URLs, got" : "must be text, got",
          value,
          fix: field === "sameAs" ? 'write it as ["https://…"]' : `write ${field} as a quoted string`,
        });
      }
    }
  }
  return registry as SpeakerRegistry;
}

function fromEntry(id: string | undefined, entry: SpeakerEntry): Speaker {
  const name = entry.name.trim();
  return {
    id,
    name,
    shortName: entry.shortName?.trim() || (name.split(" ").pop() as string),
    title: entry.title?.trim() || undefined,
    affiliation: entry.affiliation?.trim() || undefined,
    description: entry.description?.trim() || undefined,
    appositive: entry.appositive?.trim() || entry.description?.trim() || undefined,
    url: entry.url?.trim() || undefined,
    sameAs: entry.sameAs ?? [],
  };
}

/** A registry id, strictly: for `speaker`, where a plain name would defeat first/later references. */
export function resolveSpeakerId(id: unknown, registry: SpeakerRegistry, where: string): Speaker {
  if (typeof id !== "string" || id.trim() === "") {
    throw new NewsroomError({
      where,
      problem: "needs a speaker id as its first argument, got",
      value: id,
      fix: `pass the id of an entry in your speakers registry${knownIds(registry)}`,
    });
  }
  const entry = Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (!entry) throw unknownSpeaker(id, registry, where);
  return fromEntry(id, entry);
}

/**
 * A registry id or a plain name ("Jane Doe"). Something shaped like an id that is not in the
 * registry is a typo, not a name: failing here keeps "zelensky" from printing as a person.
 */
export function resolveSpeaker(idOrName: unknown, registry: SpeakerRegistry, where: string): Speaker {
  if (typeof idOrName !== "string" || idOrName.trim() === "") {
    throw new NewsroomError({
      where,
      problem: "needs a speaker (registry id or plain name) as its first argument, got",
      value: idOrName,
      fix: `pass a speaker id${knownIds(registry)} or the person's name in quotes`,
    });
  }
  const trimmed = idOrName.trim();
  if (Object.hasOwn(registry, trimmed)) return fromEntry(trimmed, registry[trimmed] as SpeakerEntry);
  if (ID_PATTERN.test(trimmed)) throw unknownSpeaker(trimmed, registry, where);
  return fromEntry(undefined, { name: trimmed.replace(/\s+/g, " ") });
}

function unknownSpeaker(id: string, registry: SpeakerRegistry, where: string): NewsroomError {
  const guess = closestMatch(id, Object.keys(registry));
  return new NewsroomError({
    where,
    problem: "unknown speaker id",
    value: id,
    fix: guess
      ? `did you mean "${guess}"? Otherwise add "${id}" to your speakers registry`
      : `add "${id}" to your speakers registry (_data/speakers.json or the plugin's speakers option)${knownIds(registry)}`,
  });
}

function knownIds(registry: SpeakerRegistry): string {
  const ids = Object.keys(registry);
  if (ids.length === 0) return "";
  const shown = ids.slice(0, 8).join(", ");
  return ` (known ids: ${shown}${ids.length > 8 ? ", …" : ""})`;
}

export function assertSpeakerForm(form: unknown, where: string): SpeakerForm {
  if (typeof form === "string" && (SPEAKER_FORMS as readonly string[]).includes(form)) return form as SpeakerForm;
  throw new NewsroomError({
    where,
    problem: "unknown name form",
    value: form,
    fix: `use one of ${SPEAKER_FORMS.map((f) => `"${f}"`).join(", ")}`,
  });
}

/** "Ukrainian President Volodymyr Zelenskyy": affiliation, title, full name. */
export function firstReferenceName(speaker: Speaker): string {
  return [speaker.affiliation, speaker.title, speaker.name].filter(Boolean).join(" ");
}

/**
 * The words for a concrete form. The closing comma of an appositive is left to the sentence,
 * so the same form works mid-sentence ("Sybiha, Ukraine’s foreign minister, said") and at its end.
 */
export function speakerWords(speaker: Speaker, form: Exclude<SpeakerForm, "auto">, where: string): string {
  switch (form) {
    case "full":
      return firstReferenceName(speaker);
    case "short":
      return speaker.shortName;
    case "name":
      return speaker.name;
    case "title-after":
    case "title-before": {
      if (!speaker.appositive) {
        throw new NewsroomError({
          where,
          problem: `the "${form}" form needs a description or appositive for speaker`,
          value: speaker.id ?? speaker.name,
          fix: `add "appositive" (e.g. "Ukraine’s foreign minister") or "description" to the registry entry`,
        });
      }
      return form === "title-after" ? `${speaker.name}, ${speaker.appositive}` : `${speaker.appositive}, ${speaker.name}`;
    }
  }
}

/** Forms that give the reader the full name count as the introduction; `short` does not. */
export function formIntroduces(form: Exclude<SpeakerForm, "auto">): boolean {
  return form !== "short";
}
