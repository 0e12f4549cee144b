/**
 * The theme's photos: the lead photo above a story, the share image every page announces
 * (og:image, the large Twitter card), photos in feeds, author portraits, and the share cards
 * drawn for stories without a photo and for the site itself.
 */
import { namingFileAsync } from "../arguments.js";
import type { EleventyCollectionItem, EleventyPage } from "../eleventy-types.js";
import { NewsroomError } from "../errors.js";
import { escapeHtml } from "../escape.js";
import { fallbackFiles, renderFigure, renderPicture, type PhotoFile } from "../figure.js";
import type { PhotoSource } from "../images.js";
import { absoluteSiteUrl } from "../page-structured-data.js";
import { parseLeadPhoto } from "../photo-field.js";
import type { Photos } from "../photos.js";
import type { ImageReference } from "../options.js";
import type { QuotationRecord } from "../quotation-record.js";
import { ShareCards, type CardContent, type CardFile, type CardPublishing } from "./share-card.js";
import type { SiteShareImage } from "./site-settings.js";

/** What the theme's photo shortcodes need from the build. */
export interface ThemePhotoContext {
  photos: Photos;
  cards: ShareCards;
  cardPublishing: () => CardPublishing;
  /** The `sizes` of a photo in the article column. */
  columnSizes: string;
  /** A card of its own for each story without a photo; else the site's card (the theme's `storyCards`). */
  storyCards: boolean;
  /** The site's own share image (site.json `shareImage`), shared instead of the site's card. */
  siteImage: SiteShareImage | undefined;
  /** The settings file, named in the errors of the site's card (its name and tagline are written there). */
  settingsFile: string;
  siteUrl: string | undefined;
  pathPrefix: () => string | undefined;
}

/** The slice of a page's data the share image reads. */
interface PageData {
  title?: unknown;
  section?: unknown;
  image?: unknown;
  site?: { name?: unknown; tagline?: unknown };
  sections?: Record<string, { name?: unknown }>;
  pageType?: unknown;
  noindex?: unknown;
}

export interface ShareImage extends ImageReference {
  alt: string | undefined;
  type: "image/jpeg" | "image/png";
}

/** A story as a card reads it (a collection item). */
export interface StoryItem {
  inputPath?: string | undefined;
  url?: string | false | undefined;
  data?: Record<string, unknown> | undefined;
}

/** How wide the theme draws a card's thumbnail (site.css `.card__thumb`). */
export const THUMBNAIL_SIZES = "7.5rem";
/** How wide the theme draws the front page's lead photo: two-thirds of the page on wide screens, else the screen less its margins. */
export const LEAD_ART_SIZES = "(min-width: 64rem) 45rem, calc(100vw - 2rem)";

/** The width social sites want of a large preview. */
const SHARE_IMAGE_WIDTH = 1200;

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/** A story's card: site, section, headline and its first pull quote with the speaker. */
export function storyCard(data: PageData, pullquote: QuotationRecord | undefined): CardContent {
  const section = typeof data.section === "string" ? text(data.sections?.[data.section]?.name) : undefined;
  return {
    kind: "story",
    siteName: text(data.site?.name) ?? "",
    section,
    headline: text(data.title) ?? "",
    quote: text(pullquote?.text),
    speaker: text(pullquote?.speaker.name),
  };
}

export function siteCard(data: PageData): CardContent {
  return { kind: "site", siteName: text(data.site?.name) ?? "", tagline: text(data.site?.tagline) };
}

export class ThemePhotos {
  constructor(private readonly context: ThemePhotoContext) {}

  /** The story's lead photo as a figure, loaded first; nothing when it has none. */
  async leadFigure(data: PageData, page: EleventyPage | undefined): Promise<string> {
    return namingFileAsync(page?.inputPath, async () => {
      const lead = parseLeadPhoto(data.image, page?.inputPath);
      if (!lead) return "";
      const source = await this.context.photos.source(lead.src, { inputPath: page?.inputPath, where: "front matter image.src" });
      const photo = await this.context.photos.responsive(source);
      return renderFigure(photo, lead, { sizes: this.context.columnSizes, priority: "lead", where: "front matter image", className: "article__photo" });
    });
  }

  /**
   * A story card's thumbnail, decorative (the headline beside it says what the story is), drawn
   * `sizes` wide; nothing for a story without a lead photo. Below the fold, so it loads lazily.
   * It links to the story as the headline does, since readers tap a card's picture (as on the
   * Guardian's and BBC's fronts); hidden from assistive technology and out of the tab order, so
   * the story is announced and tabbed to once, by its headline.
   */
  async thumbnail(item: StoryItem | undefined): Promise<string> {
    const lead = item ? parseLeadPhoto(item.data?.image, item.inputPath) : undefined;
    if (!item || !lead) return "";
    return namingFileAsync(item.inputPath, async () => {
      const source = await this.context.photos.source(lead.src, { inputPath: item.inputPath, where: "front matter image.src" });
      const photo = await this.context.photos.thumbnail(source, lead.focus);
      const picture = renderPicture(photo, "", { sizes: THUMBNAIL_SIZES, priority: "inline" });
      return typeof item.url === "string"
        ? `<a class="card__thumb" href="${escapeHtml(item.url)}" tabindex="-1" aria-hidden="true">${picture}</a>`
        : `<div class="card__thumb">${picture}</div>`;
    });
  }

  /**
   * The story's thumbnail for its search result: an empty element naming the 320 px JPEG for
   * Pagefind's `image` (else Pagefind would show the lead photo's largest file); nothing without a photo.
   */
  async searchImage(data: PageData, page: EleventyPage | undefined): Promise<string> {
    const lead = parseLeadPhoto(data.image, page?.inputPath);
    if (!lead) return "";
    return namingFileAsync(page?.inputPath, async () => {
      const source = await this.context.photos.source(lead.src, { inputPath: page?.inputPath, where: "front matter image.src" });
      const files = fallbackFiles(await this.context.photos.thumbnail(source, lead.focus));
      const file = files[files.length - 1] as PhotoFile;
      return `<span hidden data-pagefind-meta="image[data-src]" data-src="${escapeHtml(file.url)}"></span>`;
    });
  }

  /**
   * The front page's lead art: the story's lead photo large, from the very files its article
   * publishes (no bytes added), loaded first; nothing for a story without a lead photo.
   */
  async leadArt(item: StoryItem | undefined): Promise<string> {
    const lead = item ? parseLeadPhoto(item.data?.image, item.inputPath) : undefined;
    if (!item || !lead) return "";
    return namingFileAsync(item.inputPath, async () => {
      const source = await this.context.photos.source(lead.src, { inputPath: item.inputPath, where: "front matter image.src" });
      const photo = await this.context.photos.responsive(source);
      return `<div class="lead__photo">${renderPicture(photo, lead.decorative ? "" : lead.alt, { sizes: LEAD_ART_SIZES, priority: "lead" })}</div>`;
    });
  }

  /** The page's share image: the lead photo's 16:9 crop, else the story's card, else the site's card. */
  async shareImage(data: PageData, page: EleventyPage | undefined, pullquote: QuotationRecord | undefined): Promise<ShareImage> {
    return namingFileAsync(page?.inputPath, async () => {
      const lead = data.pageType === "article" ? parseLeadPhoto(data.image, page?.inputPath) : undefined;
      if (lead) {
        const source = await this.context.photos.source(lead.src, { inputPath: page?.inputPath, where: "front matter image.src" });
        const [wide] = await this.context.photos.crops(source, lead.focus);
        const crop = wide as PhotoFile;
        return { url: crop.url, width: crop.width, height: crop.height, alt: lead.decorative ? undefined : lead.alt, type: "image/jpeg" };
      }
      return this.imageWithoutPhoto(data, pullquote);
    });
  }

  /**
   * What a page without a photo is shared with: a story's own card (unless `storyCards` is off),
   * else the site's share image from site.json, else the site's card.
   */
  async imageWithoutPhoto(data: PageData, pullquote: QuotationRecord | undefined): Promise<ShareImage> {
    if (data.pageType === "article" && this.context.storyCards) return this.drawnCard(storyCard(data, pullquote));
    return (await this.siteImage()) ?? this.drawnCard(siteCard(data));
  }

  private async drawnCard(content: CardContent): Promise<ShareImage> {
    const card = await this.cardFile(content);
    return { url: card.url, width: card.width, height: card.height, alt: cardAlt(content), type: "image/png" };
  }

  private async cardFile(content: CardContent): Promise<CardFile> {
    try {
      return await this.context.cards.card(content, this.context.cardPublishing());
    } catch (error) {
      throw content.kind === "site" && error instanceof NewsroomError ? error.inFile(this.context.settingsFile) : error;
    }
  }

  /**
   * The site's share image, whole (made for sharing, it is not cropped) as a JPEG 1200 px wide:
   * social sites show a narrower one as a small thumbnail, so that stops the build.
   */
  private async siteImage(): Promise<ShareImage | undefined> {
    const image = this.context.siteImage;
    if (!image) return undefined;
    const jpegs = fallbackFiles(await this.context.photos.responsive(await this.siteImageSource(image), [SHARE_IMAGE_WIDTH]));
    const file = jpegs.find((candidate) => candidate.width === SHARE_IMAGE_WIDTH) ?? (jpegs[0] as PhotoFile);
    return { url: file.url, width: file.width, height: file.height, alt: image.alt, type: "image/jpeg" };
  }

  /** The share image's file, checked: a picture narrower than a large preview stops the build. */
  private async siteImageSource(image: SiteShareImage): Promise<PhotoSource> {
    const where = "site settings shareImage.src";
    const source = await namingFileAsync(this.context.settingsFile, () => this.context.photos.source(image.src, { inputPath: undefined, where }));
    if (source.width < SHARE_IMAGE_WIDTH) {
      throw new NewsroomError({
        where,
        problem: `is ${source.width}x${source.height} px; a share image must be at least ${SHARE_IMAGE_WIDTH} px wide, or social sites show it as a small thumbnail`,
        value: image.src,
        fix: "use a picture 1200x630 px or larger (the shape social sites show)",
        inputPath: this.context.settingsFile,
      });
    }
    return source;
  }

  /** The `<meta>` tags that announce the share image, with absolute URLs. */
  async shareMeta(data: PageData, page: EleventyPage | undefined, pullquote: QuotationRecord | undefined): Promise<string> {
    const image = await this.shareImage(data, page, pullquote);
    return shareImageMetaTags({ ...image, url: this.absolute(image.url) }, Boolean(data.noindex));
  }

  /** The lead photo's largest JPEG up to 1200 px, for feeds; undefined for a story without one. */
  async feedPhoto(item: EleventyCollectionItem): Promise<(PhotoFile & { absoluteUrl: string; alt: string }) | undefined> {
    return namingFileAsync(item.inputPath, async () => {
      const lead = parseLeadPhoto(item.data.image, item.inputPath);
      if (!lead) return undefined;
      const source = await this.context.photos.source(lead.src, { inputPath: item.inputPath, where: "front matter image.src" });
      const jpegs = fallbackFiles(await this.context.photos.responsive(source));
      const file = [...jpegs].reverse().find((candidate) => candidate.width <= 1200) ?? (jpegs[0] as PhotoFile);
      return { ...file, absoluteUrl: this.absolute(file.url), alt: lead.alt };
    });
  }

  /**
   * The style guide's sample figure: the site's share image, or else its card, processed like any
   * photo. The theme ships no photo, and a sample must not pretend to show a real scene.
   */
  async sampleFigure(data: PageData): Promise<string> {
    const image = this.context.siteImage;
    if (image) {
      return renderFigure(
        await this.context.photos.responsive(await this.siteImageSource(image)),
        { alt: image.alt, caption: "A figure with its caption: the site’s share image, as social sites show it.", credit: `${text(data.site?.name) ?? ""} theme` },
        { sizes: this.context.columnSizes, priority: "inline", where: "style guide figure" },
      );
    }
    const content = siteCard(data);
    const card = await this.cardFile(content);
    const photo = await this.context.photos.responsive(await this.context.photos.fromFile(card.file, "style guide figure"));
    return renderFigure(
      photo,
      { alt: `The share card of ${content.siteName}: the name${content.kind === "site" && content.tagline ? " and tagline" : ""} in large type under a red rule`, caption: "A figure with its caption: the site’s share card, as social sites show it.", credit: `${content.siteName} theme` },
      { sizes: this.context.columnSizes, priority: "inline", where: "style guide figure" },
    );
  }

  /**
   * An author's portrait, decorative beside the name it shows: large on the author page, small in
   * a story's byline (the same files: a byline adds no bytes to the site).
   */
  async authorPortrait(photo: unknown, authorId: string, dataFile: string, place: "profile" | "byline" = "profile"): Promise<string> {
    if (photo === undefined) return "";
    const source = await this.context.photos.source(photo, { inputPath: undefined, where: `${dataFile} ${authorId}.photo` });
    const processed = await this.context.photos.responsive(source, [160, 320]);
    if (place === "byline") return `<div class="byline__photo">${renderPicture(processed, "", { sizes: "3rem", priority: "inline" })}</div>`;
    return `<div class="profile__photo">${renderPicture(processed, "", { sizes: "8rem", priority: "lead" })}</div>`;
  }

  private absolute(url: string): string {
    return this.context.siteUrl ? absoluteSiteUrl(url, this.context.siteUrl, this.context.pathPrefix()) : url;
  }
}

/** The `<meta>` tags that announce a share image whose URL is already absolute. */
export function shareImageMetaTags(image: ShareImage, noindex: boolean): string {
  const url = escapeHtml(image.url);
  const alt = image.alt === undefined ? "" : escapeHtml(image.alt);
  return [
    `<meta property="og:image" content="${url}">`,
    `<meta property="og:image:type" content="${image.type}">`,
    `<meta property="og:image:width" content="${image.width}">`,
    `<meta property="og:image:height" content="${image.height}">`,
    ...(alt ? [`<meta property="og:image:alt" content="${alt}">`] : []),
    `<meta name="twitter:card" content="summary_large_image">`,
    `<meta name="twitter:image" content="${url}">`,
    ...(alt ? [`<meta name="twitter:image:alt" content="${alt}">`] : []),
    // Lets search engines show the share image large (Google Discover and Top stories); a
    // noindex page keeps its own robots tag alone.
    ...(noindex ? [] : [`<meta name="robots" content="max-image-preview:large">`]),
  ].join("\n");
}

/** What a card says, as alt text for og:image:alt. */
export function cardAlt(content: CardContent): string {
  if (content.kind === "site") return [content.siteName, content.tagline].filter(Boolean).join(": ");
  const quote = content.quote ? ` “${content.quote}”${content.speaker ? ` — ${content.speaker}` : ""}` : "";
  return `${content.siteName}${content.section ? `, ${content.section}` : ""}: ${content.headline}.${quote}`;
}
