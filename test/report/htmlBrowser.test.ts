// The HTML report in a real headless Chromium (Debian's package, driven by playwright-core through its
// executablePath; scripts/setup-browser.sh installs it when missing): the chart's bars render, clicking a root
// cause shows its chain, the search box and the table filter hide rows, a header click sorts, the cycle is drawn,
// a message carrying markup stays text, and the page makes no request. A screenshot goes to test-output/.
// Without a browser the test fails (set REMEDY_SKIP_BROWSER=1 to skip it knowingly).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { areaOf } from "../../src/analyze/index.ts";
import { htmlReport } from "../../src/report/html.ts";
import type { Report } from "../../src/report/reporter.ts";
import { CYCLE, exampleReport } from "./htmlReportInput.ts";

const REPO = resolve(import.meta.dirname, "../..");
const SKIP = process.env.REMEDY_SKIP_BROWSER === "1";
const INJECTED = `<script>window.__injected = 1</script><img src="http://example.invalid/x.png">`;

/** REMEDY_CHROMIUM, else what scripts/setup-browser.sh finds or installs; a clear failure otherwise. */
function chromiumPath(): string {
  const given = process.env.REMEDY_CHROMIUM;
  if (given) return given;
  const r = spawnSync("bash", [join(REPO, "scripts/setup-browser.sh")], { encoding: "utf8" });
  const path = r.stdout.trim().split("\n").pop() ?? "";
  assert.ok(
    r.status === 0 && path !== "",
    `no Chromium for the HTML report test: scripts/setup-browser.sh exited ${r.status}:\n${r.stderr}\n` +
      "Set REMEDY_CHROMIUM=/path/to/chromium, or REMEDY_SKIP_BROWSER=1 to skip this test.",
  );
  return path;
}

describe("HTML report in headless Chromium", { skip: SKIP ? "REMEDY_SKIP_BROWSER=1" : false }, () => {
  let browser: Browser;
  let page: Page;
  let report: Report;
  const requests: string[] = [];
  const errors: string[] = [];

  before(async () => {
    report = await exampleReport();
    // A message carrying markup must stay text: no script runs, no image is requested.
    const first = report.scan.findings[0]!;
    report.scan.findings[0] = { ...first, message: `${first.message} ${INJECTED}` };
    const dir = mkdtempSync(join(tmpdir(), "remedy-html-page-"));
    const file = join(dir, "report.html");
    writeFileSync(file, htmlReport(report));
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href);
  });

  /** Each test starts from an empty search and empty table filters, whatever the previous one left. */
  const clearFilters = async () => {
    await page.fill("#search", "");
    for (const input of await page.locator("input.table-filter").all()) await input.fill("");
  };

  after(async () => {
    await browser?.close();
  });

  test("the chart has one bar per area, blocked bars where tests are blocked, all with a size", async () => {
    const areas = new Map<string, number>();
    for (const t of report.scan.testFiles) {
      const a = areaOf(t.file);
      areas.set(a, (areas.get(a) ?? 0) + (t.blockedBy !== null || t.notReached ? t.tests : 0));
    }
    const blockedAreas = [...areas.values()].filter((n) => n > 0).length;
    assert.ok(blockedAreas > 0);
    assert.equal(await page.locator("#area-chart rect.bar-total").count(), areas.size);
    const bars = page.locator("#area-chart rect.bar-blocked");
    assert.equal(await bars.count(), blockedAreas);
    for (const bar of await bars.all()) {
      const box = await bar.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `bar box ${JSON.stringify(box)}`);
    }
  });

  test("clicking a root cause shows its chain", async () => {
    const f = report.scan.findings.find((x) => x.severity === "error" && !x.hidden && x.chain.length > 1)!;
    const row = page.locator(`details.finding[data-id="${f.id}"]`);
    const firstStep = row.locator("ol.chain li").first().locator(".file");
    assert.equal(await firstStep.isVisible(), false);
    await row.locator("summary").click();
    assert.equal(await firstStep.isVisible(), true);
    assert.equal(await firstStep.textContent(), f.chain[0]!.file);
    assert.equal(await row.locator("ol.chain li").count(), f.chain.length);
  });

  test("markup in a message stays text", async () => {
    assert.equal(await page.evaluate("window.__injected"), undefined);
    assert.equal(await page.locator("main img").count(), 0);
    const row = page.locator(`details.finding[data-id="${report.scan.findings[0]!.id}"]`);
    assert.ok((await row.locator("pre.message").textContent())!.includes(INJECTED));
  });

  test("the search box filters root causes and audit rows", async () => {
    await clearFilters();
    const all = await page.locator("details.finding").count();
    await page.fill("#search", "tool_registry");
    const shown = page.locator("details.finding:visible");
    const target = report.scan.findings.find((x) => x.module === "services.backend.agents.tool_registry")!;
    assert.ok((await shown.count()) >= 1 && (await shown.count()) < all);
    assert.equal(await page.locator(`details.finding[data-id="${target.id}"]`).isVisible(), true);
    assert.equal(await page.locator("#audit-findings tbody tr:visible").count(), 0);
    await page.fill("#search", "ExecutionStatus");
    assert.equal(await page.locator("#audit-findings tbody tr:visible").count(), 1);
    assert.equal(await page.locator("#audit-findings caption .shown").textContent(), "1");
    await page.fill("#search", "");
    assert.equal(await page.locator("details.finding:visible").count(), all);
    assert.equal(await page.locator("#audit-findings tbody tr:visible").count(), 3);
  });

  test("a table's filter hides its rows, a header click sorts them", async () => {
    await clearFilters();
    const kinds = () => page.locator("#audit-findings tbody tr td:first-child").allTextContents();
    assert.deepEqual(await kinds(), ["latent-cycle", "duplicate-definition", "boundary-violation"]);
    const sites = page.locator("#audit-findings th", { hasText: "Sites" });
    await sites.locator("button").click();
    assert.equal(await sites.getAttribute("aria-sort"), "ascending");
    assert.deepEqual(await kinds(), ["boundary-violation", "duplicate-definition", "latent-cycle"]);
    await sites.locator("button").click();
    assert.deepEqual(await kinds(), ["latent-cycle", "duplicate-definition", "boundary-violation"]);
    await page.locator("#audit-findings th", { hasText: "Kind" }).locator("button").click();
    assert.deepEqual(await kinds(), ["boundary-violation", "duplicate-definition", "latent-cycle"]);
    await page.fill('input.table-filter[data-table="audit-findings"]', "cycle-edge");
    assert.deepEqual(await page.locator("#audit-findings tbody tr:visible td:first-child").allTextContents(), [
      "latent-cycle",
    ]);
    await page.fill('input.table-filter[data-table="audit-findings"]', "");
  });

  test("the cycle is drawn: one node and one arrow per module, labelled in order", async () => {
    await clearFilters();
    const graph = page.locator("svg#cycle-1");
    assert.equal(await graph.locator("circle").count(), CYCLE.length);
    assert.equal(await graph.locator("path.cycle-edge").count(), CYCLE.length);
    assert.deepEqual(await graph.locator(".cycle-node text").allTextContents(), CYCLE);
    const box = await graph.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `cycle box ${JSON.stringify(box)}`);
  });

  test("the page makes no request and logs no error; screenshot saved", async () => {
    await page.click("#expand-all");
    await page.evaluate("window.scrollTo(0, 0)");
    const out = join(REPO, "test-output");
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, "report.png"), fullPage: true });
    const foreign = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"));
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
  });
});
