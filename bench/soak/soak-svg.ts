import type { SoakResult } from "./soak";

const COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2"];
const WIDTH = 800;
const HEIGHT = 420;
const MARGIN = { top: 50, right: 170, bottom: 50, left: 60 };

/** Every service's RSS over the soak, one line each, as a standalone SVG (as bench/report-svg.ts draws the rounds). */
export function renderSoakSvg(soak: SoakResult, subtitle: string): string {
  const services = Object.keys(soak.flatness);
  const end = Math.max(1, ...soak.rss.map((s) => s.atSec));
  const top = Math.ceil(Math.max(1, ...soak.rss.flatMap((s) => services.map((name) => s.rssMb[name] ?? 0))) / 50) * 50;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (sec: number) => MARGIN.left + (sec / end) * plotW;
  const y = (mb: number) => MARGIN.top + plotH - (mb / top) * plotH;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">RSS during the soak (${soak.minutes} min at ${soak.connections} connections)</text>`,
    `<text x="${MARGIN.left}" y="40" fill="#555">${subtitle.replace(/[<>&]/g, "")}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const mb = (top * i) / 5;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(mb)}" y2="${y(mb)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(mb) + 4}" text-anchor="end">${mb.toFixed(0)} MB</text>`,
    );
  }
  for (let minute = 0; minute * 60 <= end; minute += Math.max(1, Math.ceil(end / 600))) {
    parts.push(`<text x="${x(minute * 60)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${minute} min</text>`);
  }
  services.forEach((name, i) => {
    const points = soak.rss.flatMap((s) => (s.rssMb[name] == null ? [] : [`${x(s.atSec).toFixed(1)},${y(s.rssMb[name]).toFixed(1)}`]));
    const color = COLORS[i % COLORS.length];
    const f = soak.flatness[name];
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>`,
      `<rect x="${WIDTH - MARGIN.right + 12}" y="${MARGIN.top + i * 22}" width="12" height="12" fill="${color}"/>`,
      `<text x="${WIDTH - MARGIN.right + 30}" y="${MARGIN.top + i * 22 + 11}">${name} ${f.driftPct >= 0 ? "+" : ""}${f.driftPct.toFixed(1)}%</text>`,
    );
  });
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>`, "</svg>");
  return `${parts.join("\n")}\n`;
}
