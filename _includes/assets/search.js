// Progressive enhancement: the search page works as a link to the archive without this file.
window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("search");
  if (!root || typeof window.PagefindUI !== "function") return;
  // A large archive is indexed in several bundles beside the first (pagefind-2/, pagefind-3/…),
  // found from where the first is served so a path prefix carries over.
  const indexes = Number(root.dataset.searchIndexes) || 1;
  const ui = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  const siteRoot = ui ? new URL("..", ui.src).pathname : "/";
  const mergeIndex = [];
  for (let index = 2; index <= indexes; index++) mergeIndex.push({ bundlePath: `${siteRoot}pagefind-${index}/`, baseUrl: siteRoot });
  // Each result carries the line every card has above its excerpt: the story's kind (its `kind`
  // meta, the label of kind-label.njk) and day (the article's `date` meta), and shows the story's
  // thumbnail when it has a photo (its `image` meta). The excerpt is HTML: both are escaped.
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const processResult = (result) => {
    const meta = result.meta || {};
    const line = [];
    if (meta.kind) line.push(`<span class="search__kind">${escape(meta.kind)}</span>`);
    if (meta.date) line.push(`<span class="search__date">${escape(meta.date)}</span>`);
    if (line.length) result.excerpt = `<span class="search__meta">${line.join(" ")}</span>${result.excerpt}`;
    return result;
  };
  new window.PagefindUI({ element: "#search", showSubResults: true, showImages: true, mergeIndex, processResult });
});
