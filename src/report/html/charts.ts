// The report's two drawings as inline SVG computed here (no chart library, nothing loaded): blocked tests per area
// as horizontal bars, and an import cycle as its modules on a circle joined by arrows in import order.
// Coordinates are rounded to one decimal so the same input gives the same bytes.
import { type Html, html, plural } from "./markup.ts";

/** The tests of one area: how many pytest would collect with nothing broken, how many are blocked today. */
export interface AreaTests {
  area: string;
  tests: number;
  blocked: number;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

const BAR_W = 420;
const ROW_H = 28;

/** One row per area, most blocked first: a faint bar for the area's tests, a solid one for its blocked tests. */
export function areaChart(areas: AreaTests[]): Html {
  const max = Math.max(1, ...areas.map((a) => a.tests));
  // Room for the longest area name (13px proportional font: about 7.5px a character), within reason.
  const LABEL_W = Math.round(Math.min(320, Math.max(80, 16 + 7.5 * Math.max(0, ...areas.map((a) => a.area.length)))));
  const height = areas.length * ROW_H + 8;
  const rows = areas.map((a, i) => {
    const y = 4 + i * ROW_H;
    const total = r1((a.tests / max) * BAR_W);
    const blocked = r1((a.blocked / max) * BAR_W);
    const label = `${a.area}: ${a.blocked} of ${plural(a.tests, "test")} blocked`;
    return html`<g class="area-row" data-area="${a.area}"><title>${label}</title>
<text class="area-label" x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end">${a.area}</text>
<rect class="bar-total" x="${LABEL_W}" y="${y + 3}" width="${total}" height="${ROW_H - 8}" rx="3"></rect>
${a.blocked > 0 && html`<rect class="bar-blocked" x="${LABEL_W}" y="${y + 3}" width="${blocked}" height="${ROW_H - 8}" rx="3"></rect>`}
<text class="bar-value" x="${LABEL_W + total + 6}" y="${y + 17}">${a.blocked}/${a.tests}</text></g>`;
  });
  return html`<svg id="area-chart" class="chart" viewBox="0 0 ${LABEL_W + BAR_W + 80} ${height}" width="100%" role="img" aria-label="Blocked tests per area">
${rows}</svg>`;
}

const NODE_R = 9;
/** Width of a character of the labels' 12px monospace font, to fit the drawing around its labels. */
const CHAR_W = 7.3;

/** The modules of a cycle in import order (each imports the next, the last imports the first) on a circle. */
export function cycleGraph(modules: string[], id: string): Html {
  const n = modules.length;
  const radius = n <= 2 ? 60 : Math.min(180, 30 + n * 18);
  const at = (i: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle), cos: Math.cos(angle) };
  };
  const box = { x0: -radius - NODE_R, y0: -radius - NODE_R, x1: radius + NODE_R, y1: radius + NODE_R };
  const nodes = modules.map((m, i) => {
    const p = at(i);
    const anchor = Math.abs(p.cos) < 0.2 ? "middle" : p.cos > 0 ? "start" : "end";
    const tx = p.x + (anchor === "start" ? 14 : anchor === "end" ? -14 : 0);
    const ty = p.y + (anchor === "middle" ? (p.y < 0 ? -14 : 22) : 4);
    const w = m.length * CHAR_W;
    const left = anchor === "start" ? tx : anchor === "end" ? tx - w : tx - w / 2;
    box.x0 = Math.min(box.x0, left);
    box.x1 = Math.max(box.x1, left + w);
    box.y0 = Math.min(box.y0, ty - 12);
    box.y1 = Math.max(box.y1, ty + 4);
    return html`<g class="cycle-node"><circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="${NODE_R}"></circle><text x="${r1(tx)}" y="${r1(ty)}" text-anchor="${anchor}">${m}</text></g>`;
  });
  const edges = modules.map((_, i) => {
    const a = at(i);
    const b = at((i + 1) % n);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const gap = NODE_R + 3;
    // Two modules importing each other: bend the two arrows apart so both stay visible.
    const bend = n === 2 ? 30 * (i === 0 ? 1 : -1) : 0;
    const x1 = r1(a.x + ux * gap);
    const y1 = r1(a.y + uy * gap);
    const x2 = r1(b.x - ux * (gap + 4));
    const y2 = r1(b.y - uy * (gap + 4));
    const qx = r1((x1 + x2) / 2 - uy * bend);
    const qy = r1((y1 + y2) / 2 + ux * bend);
    return html`<path class="cycle-edge" d="M${x1},${y1} Q${qx},${qy} ${x2},${y2}" marker-end="url(#${id}-arrow)"><title>${modules[i]!} imports ${modules[(i + 1) % n]!}</title></path>`;
  });
  const pad = 10;
  const x = r1(box.x0 - pad);
  const y = r1(box.y0 - pad);
  const w = r1(box.x1 - box.x0 + 2 * pad);
  const h = r1(box.y1 - box.y0 + 2 * pad);
  return html`<svg id="${id}" class="cycle-graph" viewBox="${x} ${y} ${w} ${h}" width="${w}" role="img" aria-label="Import cycle: ${modules.join(" -> ")}">
<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"></path></marker></defs>
${edges}
${nodes}</svg>`;
}

/** One run of the history, as the trend draws it. */
export interface TrendPoint {
  time: string;
  command: string;
  commit: string | null;
  findings: number;
  blockedTestFiles: number;
}

const TREND_W = 520;
const TREND_H = 160;

/** The recorded runs, oldest first: findings and blocked test files as two lines, one dot per run. */
export function trendChart(points: TrendPoint[]): Html {
  const max = Math.max(1, ...points.map((p) => Math.max(p.findings, p.blockedTestFiles)));
  const step = points.length > 1 ? TREND_W / (points.length - 1) : 0;
  const xy = (i: number, v: number) => `${r1(40 + i * step)},${r1(10 + TREND_H - (v / max) * TREND_H)}`;
  const line = (cls: string, pick: (p: TrendPoint) => number) =>
    html`<polyline class="${cls}" fill="none" points="${points.map((p, i) => xy(i, pick(p))).join(" ")}"></polyline>`;
  const dots = points.map((p, i) => {
    const [x, y] = xy(i, p.findings).split(",");
    const label = `${p.time} ${p.command}${p.commit ? ` ${p.commit.slice(0, 7)}` : ""}: ${plural(p.findings, "finding")}, ${p.blockedTestFiles} blocked test files`;
    return html`<circle class="trend-dot" cx="${x}" cy="${y}" r="3.5"><title>${label}</title></circle>`;
  });
  return html`<svg id="trend-chart" class="chart" viewBox="0 0 ${TREND_W + 80} ${TREND_H + 30}" width="100%" role="img" aria-label="Findings and blocked test files per recorded run">
<text class="area-label" x="34" y="16" text-anchor="end">${max}</text><text class="area-label" x="34" y="${TREND_H + 10}" text-anchor="end">0</text>
${line("trend-findings", (p) => p.findings)}
${line("trend-blocked", (p) => p.blockedTestFiles)}
${dots}</svg>`;
}
