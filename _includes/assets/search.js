// Progressive enhancement: the search page works as a link to the archive without this file.
window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("search");
  if (!root || typeof window.PagefindUI !== "function") return;
  new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false });
});
