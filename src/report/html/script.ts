// The HTML report's only script, inlined (its SHA-256 is the one script the page's Content-Security-Policy
// allows): the search box, the per-table filters, sorting by a column header, expanding every finding.
// Plain ES2017 with no dependency; the page reads fine without it (findings are native <details>).
export const SCRIPT = `(() => {
  "use strict";
  const norm = (s) => s.trim().toLowerCase();
  const items = Array.from(document.querySelectorAll("[data-search]"));
  const text = new Map(items.map((el) => [el, norm(el.textContent || "")]));
  const tableQuery = new Map();
  const search = document.getElementById("search");

  function apply() {
    const q = search ? norm(search.value) : "";
    for (const el of items) {
      const table = el.closest("table");
      const tq = (table && tableQuery.get(table.id)) || "";
      const t = text.get(el);
      el.hidden = !(t.includes(q) && t.includes(tq));
    }
    for (const group of document.querySelectorAll("[data-count]")) {
      const all = group.querySelectorAll("[data-search]");
      const shown = Array.from(all).filter((el) => !el.hidden).length;
      const out = group.querySelector(".shown");
      if (out) out.textContent = String(shown);
      group.classList.toggle("none-shown", all.length > 0 && shown === 0);
    }
  }
  if (search) search.addEventListener("input", apply);
  for (const input of document.querySelectorAll("input.table-filter")) {
    input.addEventListener("input", () => {
      tableQuery.set(input.dataset.table, norm(input.value));
      apply();
    });
  }

  const compare = (a, b, numeric) => {
    if (numeric) return Number(a) - Number(b);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  for (const button of document.querySelectorAll("table.sortable th button")) {
    button.addEventListener("click", () => {
      const th = button.parentElement;
      const table = th.closest("table");
      const column = th.cellIndex;
      const dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      for (const other of table.querySelectorAll("th")) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", dir);
      const numeric = th.dataset.type === "number";
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((r1, r2) => {
        const c = compare(r1.cells[column].dataset.sort, r2.cells[column].dataset.sort, numeric);
        return dir === "ascending" ? c : -c;
      });
      for (const row of rows) body.appendChild(row);
    });
  }

  const setOpen = (open) => {
    for (const d of document.querySelectorAll("details.finding")) d.open = open;
  };
  const expand = document.getElementById("expand-all");
  const collapse = document.getElementById("collapse-all");
  if (expand) expand.addEventListener("click", () => setOpen(true));
  if (collapse) collapse.addEventListener("click", () => setOpen(false));
  // A link to a finding (#finding-3) opens it.
  const openTarget = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();`;
