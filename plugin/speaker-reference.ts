/**
 * Speaker reference: a person named the AP way, full on first reference and short after.
 */
import { escapeHtml, isSafeUrl } from "./escape.js";
import { NewsroomError } from "./errors.js";
import { formIntroduces, speakerWords, type Speaker, type SpeakerForm } from "./speakers.js";

/** Which people a page has already introduced. A Set<string> is one. */
export interface IntroducedSpeakers {
  has(id: string): boolean;
  add(id: string): unknown;
}

export interface SpeakerReferenceOptions {
  /** Link target for the person's page; only introducing references link, as news sites do. */
  url?: string | undefined;
  where?: string | undefined;
}

/**
 * Renders a reference and records the introduction in `introduced`, so the next `auto`
 * reference on the same page comes out short.
 */
export function renderSpeakerReference(
  speaker: Speaker,
  form: SpeakerForm,
  introduced: IntroducedSpeakers,
  options: SpeakerReferenceOptions = {},
): string {
  const where = options.where ?? "speaker";
  const key = speaker.id ?? speaker.name;
  const concrete = form === "auto" ? (introduced.has(key) ? "short" : "full") : form;
  const words = speakerWords(speaker, concrete, where);
  const introduces = formIntroduces(concrete);
  if (introduces) introduced.add(key);

  const classes = `nr-speaker nr-speaker--${concrete}`;
  const data = speaker.id ? ` data-speaker="${escapeHtml(speaker.id)}"` : "";
  const url = introduces ? options.url : undefined;
  if (url !== undefined) {
    if (!isSafeUrl(url)) {
      throw new NewsroomError({
        where,
        problem: "the speaker page URL is not an http(s) URL or site path",
        value: url,
        fix: 'make speakerUrl (or the entry\'s "url") return a path like "/speakers/zelenskyy/" or an https:// URL',
      });
    }
    return `<a class="${classes}"${data} href="${escapeHtml(url)}">${escapeHtml(words)}</a>`;
  }
  return `<span class="${classes}"${data}>${escapeHtml(words)}</span>`;
}
