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
  // Each result is labelled with its story's kind, as every card is ("Opinion: The headline"), says
  // the story's day (the article's `date` meta) above its excerpt, and shows the story's thumbnail
  // when it has a photo (its `image` meta). The excerpt is HTML: the day is escaped.
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const processResult = (result) => {
    if (result.meta && result.meta.kind && result.meta.title) result.meta.title = `${result.meta.kind}: ${result.meta.title}`;
    if (result.meta && result.meta.date) result.excerpt = `<span class="search__date">${escape(result.meta.date)}</span>${result.excerpt}`;
    return result;
  };
  new window.PagefindUI({ element: "#search", showSubResults: true, showImages: true, mergeIndex, processResult });
});
