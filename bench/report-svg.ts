import type { BenchResults } from "./types";

const COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"];
const WIDTH = 800;
const HEIGHT = 420;
const MARGIN = { top: 50, right: 20, bottom: 60, left: 70 };

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** A round number ≥ `value` for the top of the axis: 1, 2 or 5 × a power of ten. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/**
 * A grouped bar chart of requests/s: one group per workload, one bar per concurrency, as a standalone SVG; with a
 * peer gateway, a black tick on each bar marks the peer's requests/s in the same round.
 */
export function renderSvg(results: BenchResults): string {
  const workloads = results.settings.workloads;
  const connections = results.settings.connections;
  const round = (w: string, c: number) => results.rounds.find((r) => r.workload === w && r.connections === c);
  const rate = (w: string, c: number) => round(w, c)?.requestsPerSec ?? 0;
  const withPeer = results.rounds.some((r) => r.peer);
  const top = niceCeiling(Math.max(0, ...results.rounds.map((r) => Math.max(r.requestsPerSec, r.peer?.requestsPerSec ?? 0))));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const groupWidth = plotWidth / Math.max(1, workloads.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, connections.length);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">Requests/s per workload and concurrency</text>`,
    `<text x="${MARGIN.left}" y="40" fill="#555">${escapeXml(`${results.machine.cpuModel} × ${results.machine.cpuCount}, ${results.data.participants} participants, ${results.settings.durationSec} s rounds, ${results.startedAt}`)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const value = (top * i) / 5;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(value) + 4}" text-anchor="end">${value.toFixed(top < 10 ? 1 : 0)}</text>`,
    );
  }
  workloads.forEach((workload, g) => {
    const groupX = MARGIN.left + g * groupWidth + groupWidth * 0.1;
    connections.forEach((c, b) => {
      const value = rate(workload, c);
      const x = groupX + b * barWidth;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(MARGIN.top + plotHeight - y(value)).toFixed(1)}" fill="${COLORS[b % COLORS.length]}"><title>${escapeXml(`${workload} ×${c}: ${value.toFixed(1)} req/s`)}</title></rect>`,
        `<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(y(value) - 4).toFixed(1)}" text-anchor="middle" font-size="10">${value.toFixed(0)}</text>`,
      );
      const peer = round(workload, c)?.peer;
      if (peer) {
        parts.push(
          `<line x1="${x.toFixed(1)}" x2="${(x + barWidth - 2).toFixed(1)}" y1="${y(peer.requestsPerSec).toFixed(1)}" y2="${y(peer.requestsPerSec).toFixed(1)}" stroke="black" stroke-width="2"><title>${escapeXml(`${workload} ×${c}: peer ${peer.requestsPerSec.toFixed(1)} req/s`)}</title></line>`,
        );
      }
    });
    parts.push(
      `<text x="${(MARGIN.left + (g + 0.5) * groupWidth).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${escapeXml(workload)}</text>`,
    );
  });
  connections.forEach((c, b) => {
    const x = MARGIN.left + b * 140;
    parts.push(
      `<rect x="${x}" y="${HEIGHT - 24}" width="12" height="12" fill="${COLORS[b % COLORS.length]}"/>`,
      `<text x="${x + 16}" y="${HEIGHT - 14}">${c} connection${c === 1 ? "" : "s"}</text>`,
    );
  });
  if (withPeer) {
    const x = MARGIN.left + connections.length * 140;
    parts.push(
      `<line x1="${x}" x2="${x + 12}" y1="${HEIGHT - 18}" y2="${HEIGHT - 18}" stroke="black" stroke-width="2"/>`,
      `<text x="${x + 16}" y="${HEIGHT - 14}">${escapeXml(results.peerName ?? "peer")}</text>`,
    );
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`);
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
