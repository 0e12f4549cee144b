/**
 * What every template language must render for the pages in test/fixtures/languages/, with the
 * plugin's timeZone set to America/New_York.
 */
export const LANGUAGES = ["/nunjucks/", "/liquid/", "/markdown-nunjucks/", "/markdown-liquid/", "/javascript/"];

/** The WebC page: the same HTML once parsed (WebC re-serializes markup, ordering attributes its own way). */
export const WEBC = "/webc/";

export const EXPECTED: Record<string, string> = {
  dateline:
    '<span class="nr-dateline"><span class="nr-dateline__place">KYIV, Ukraine</span>, <time class="nr-dateline__date" datetime="2025-09-05">Sept. 5</time> <span class="nr-dateline__agency">(AP)</span> —</span>',
  first: '<span class="nr-speaker nr-speaker--full" data-speaker="zelenskyy">Ukrainian President Volodymyr Zelenskyy</span>',
  later: '<span class="nr-speaker nr-speaker--short" data-speaker="zelenskyy">Zelenskyy</span>',
  appositive: '<span class="nr-speaker nr-speaker--title-after" data-speaker="sybiha">Andrii Sybiha, Ukraine’s foreign minister</span>',
  pullquote:
    '<aside class="nr-pullquote nr-pullquote--right" aria-hidden="true"><blockquote class="nr-pullquote__quote"><p>He can <em>come</em> to Kyiv</p></blockquote><p class="nr-pullquote__attribution"><span class="nr-pullquote__name">Volodymyr Zelenskyy</span>, <span class="nr-pullquote__role">president of Ukraine</span></p></aside>',
  quote:
    '<figure class="nr-quote" data-speaker="zelenskyy"><blockquote class="nr-quote__text" cite="https://example.com/interview"><p>I can’t go to Moscow.</p></blockquote><figcaption class="nr-quote__attribution"><span class="nr-quote__speaker">Volodymyr Zelenskyy</span>, <span class="nr-quote__role">president of Ukraine</span>, <span class="nr-quote__occasion">in an interview with ABC News</span>, <span class="nr-quote__place">Kyiv</span>, <time class="nr-quote__date" datetime="2025-09-05">Sept. 5, 2025</time></figcaption></figure>',
  // The file names hash the committed photo's bytes and the read options (images.ts), so they are the same on every machine.
  figure:
    '<figure class="nr-figure"><picture><source type="image/avif" srcset="/img/c4mXDH_Dcn-480.avif 480w, /img/c4mXDH_Dcn-640.avif 640w" sizes="100vw"><source type="image/webp" srcset="/img/c4mXDH_Dcn-480.webp 480w, /img/c4mXDH_Dcn-640.webp 640w" sizes="100vw"><img src="/img/c4mXDH_Dcn-640.jpeg" srcset="/img/c4mXDH_Dcn-480.jpeg 480w, /img/c4mXDH_Dcn-640.jpeg 640w" sizes="100vw" width="640" height="400" alt="A blue gradient" loading="lazy" decoding="async"></picture><figcaption><span class="nr-figure__caption">The river at <em>dawn</em></span> <span class="nr-figure__credit">Jane Doe/Gazette</span></figcaption></figure>',
  inline: '<span class="nr-q" data-speaker="sybiha">“making knowingly unacceptable proposals.”</span>',
  // A quotation inside a quotation takes single marks; a speaker reference inside stays markup.
  nested:
    '<span class="nr-q" data-speaker="sybiha">“He said <span class="nr-q" data-speaker="zelenskyy">‘come to <em>Kyiv</em>’</span> to <span class="nr-speaker nr-speaker--short" data-speaker="zelenskyy">Zelenskyy</span>”</span>',
  dates: "Sept. 5, 2025|September 2025|noon EDT|7:30 p.m. EDT Sept. 5, 2025|2025-09-05T19:00:00-04:00|2 a.m. Sept. 6, 2025",
};
