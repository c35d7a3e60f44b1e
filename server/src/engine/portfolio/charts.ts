import { escapeHtml } from '../report/html';

/**
 * Charts as inline SVG: no script, no external font or image, so the dashboard works offline, in a
 * webview under a strict content security policy, and on paper. Colours come from CSS classes
 * (the page's light, dark and print palettes), never from the SVG itself.
 */
export interface BarRow {
  label: string;
  value: number;
  /** CSS class of the bar, e.g. "s-canary". */
  className?: string;
  /** Text after the value, e.g. "· 12 blockers". */
  note?: string;
}

export interface StackRow {
  label: string;
  parts: Array<{ value: number; className: string; title: string }>;
  note?: string;
}

const ROW = 22;
const LABEL = 190;
const WIDTH = 580;
const VALUE = 120;
// Made on first use: creating it at load time cost every server start ~20 ms (ICU's number data).
let wholeNumber: Intl.NumberFormat | undefined;
const formatWhole = (value: number): string =>
  (wholeNumber ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(value);

function svg(width: number, height: number, label: string, body: string[]): string {
  return [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeHtml(label)}</title>`,
    ...body,
    '</svg>',
  ].join('');
}

/** Shortens a label to fit its column; the full text stays in the tooltip. */
function fit(text: string, max = 27): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function labelText(y: number, text: string): string {
  return `<text class="t" x="${LABEL - 8}" y="${y + 15}" text-anchor="end"><title>${escapeHtml(text)}</title>${escapeHtml(fit(text))}</text>`;
}

/** Horizontal bars, one row each, with an optional limit line (e.g. the owner limit). */
export function barChart(
  label: string,
  rows: readonly BarRow[],
  options: { limit?: number; max?: number } = {},
): string {
  const max = Math.max(options.max ?? 0, options.limit ?? 0, ...rows.map((row) => row.value), 1);
  const span = WIDTH - LABEL - VALUE;
  const height = rows.length * ROW + 8;
  const body = rows.flatMap((row, index) => {
    const y = index * ROW + 4;
    const width = Math.max((row.value / max) * span, row.value > 0 ? 2 : 0);
    return [
      labelText(y, row.label),
      `<rect class="bar ${row.className ?? 'b-default'}" x="${LABEL}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 8}" rx="2"><title>${escapeHtml(`${row.label}: ${row.value}`)}</title></rect>`,
      `<text class="t v" x="${(LABEL + width + 6).toFixed(1)}" y="${y + 15}">${formatWhole(row.value)}${row.note ? escapeHtml(` ${row.note}`) : ''}</text>`,
    ];
  });
  if (options.limit !== undefined) {
    const x = (LABEL + (options.limit / max) * span).toFixed(1);
    body.push(
      `<line class="limit" x1="${x}" y1="0" x2="${x}" y2="${height}"><title>limit ${options.limit}</title></line>`,
    );
  }
  return svg(WIDTH, height, label, body);
}

/** Horizontal stacked bars (e.g. each owner's agents by stage), with a legend underneath. */
export function stackedBars(
  label: string,
  rows: readonly StackRow[],
  legend: ReadonlyArray<{ className: string; title: string }>,
  options: { limit?: number } = {},
): string {
  const totals = rows.map((row) => row.parts.reduce((total, part) => total + part.value, 0));
  const max = Math.max(options.limit ?? 0, ...totals, 1);
  const span = WIDTH - LABEL - VALUE;
  const chartHeight = rows.length * ROW + 8;
  const body = rows.flatMap((row, index) => {
    const y = index * ROW + 4;
    let x = LABEL;
    const parts = row.parts
      .filter((part) => part.value > 0)
      .map((part) => {
        const width = (part.value / max) * span;
        const rect = `<rect class="bar ${part.className}" x="${x.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 8}"><title>${escapeHtml(`${row.label} · ${part.title}: ${part.value}`)}</title></rect>`;
        x += width;
        return rect;
      });
    return [
      labelText(y, row.label),
      ...parts,
      `<text class="t v" x="${(x + 6).toFixed(1)}" y="${y + 15}">${totals[index]}${row.note ? escapeHtml(` ${row.note}`) : ''}</text>`,
    ];
  });
  if (options.limit !== undefined) {
    const x = (LABEL + (options.limit / max) * span).toFixed(1);
    body.push(
      `<line class="limit" x1="${x}" y1="0" x2="${x}" y2="${chartHeight}"><title>limit ${options.limit}</title></line>`,
    );
  }
  body.push(legendRow(legend, chartHeight + 6));
  return svg(WIDTH, chartHeight + 28, label, body);
}

function legendRow(legend: ReadonlyArray<{ className: string; title: string }>, y: number, start = LABEL): string {
  let x = start;
  return legend
    .map((entry) => {
      const item = `<rect class="bar ${entry.className}" x="${x}" y="${y + 3}" width="10" height="10"></rect><text class="t s" x="${x + 14}" y="${y + 12}">${escapeHtml(entry.title)}</text>`;
      x += 22 + entry.title.length * 7;
      return item;
    })
    .join('');
}

/** A grid of counts (tier × stage): the darker the cell, the more agents. */
export function heatmap(
  label: string,
  rows: readonly string[],
  columns: readonly string[],
  value: (row: number, column: number) => number,
): string {
  const cell = 64;
  const head = 28;
  const left = 130;
  const max = Math.max(1, ...rows.flatMap((_, r) => columns.map((__, c) => value(r, c))));
  const body: string[] = columns.map(
    (column, c) =>
      `<text class="t s" x="${left + c * cell + cell / 2}" y="18" text-anchor="middle">${escapeHtml(fit(column, 10))}</text>`,
  );
  rows.forEach((row, r) => {
    const y = head + r * 30;
    body.push(`<text class="t" x="${left - 8}" y="${y + 19}" text-anchor="end">${escapeHtml(fit(row, 18))}</text>`);
    columns.forEach((column, c) => {
      const count = value(r, c);
      const level = count === 0 ? 0 : Math.min(5, Math.ceil((count / max) * 5));
      body.push(
        `<rect class="heat h${level}" x="${left + c * cell + 2}" y="${y}" width="${cell - 4}" height="26" rx="3"><title>${escapeHtml(`${row} · ${column}: ${count}`)}</title></rect>`,
        `<text class="t${level >= 4 ? ' strong' : ''}" x="${left + c * cell + cell / 2}" y="${y + 18}" text-anchor="middle">${count}</text>`,
      );
    });
  });
  return svg(left + columns.length * cell + 8, head + rows.length * 30 + 4, label, body);
}

export interface SeriesPoint {
  label: string;
  /** Stacked parts, bottom first. */
  parts: Array<{ value: number; className: string; title: string }>;
  /** The line's value (e.g. blockers), drawn against the right-hand axis. */
  line: number;
}

/** Stacked columns per point (agents by stage) and a line on its own axis (blockers). */
export function historyChart(
  label: string,
  points: readonly SeriesPoint[],
  legend: ReadonlyArray<{ className: string; title: string }>,
  lineTitle: string,
): string {
  const width = WIDTH;
  const top = 16;
  const plot = 180;
  const left = 44;
  const right = 52;
  const step = (width - left - right) / Math.max(points.length, 1);
  const maxStack = Math.max(1, ...points.map((point) => point.parts.reduce((total, part) => total + part.value, 0)));
  const maxLine = Math.max(1, ...points.map((point) => point.line));
  const body: string[] = [
    `<line class="axis" x1="${left}" y1="${top + plot}" x2="${width - right}" y2="${top + plot}"></line>`,
    `<text class="t s" x="${left - 6}" y="${top + 4}" text-anchor="end">${maxStack}</text>`,
    `<text class="t s" x="${left - 6}" y="${top + plot}" text-anchor="end">0</text>`,
    `<text class="t s line-label" x="${width - right + 6}" y="${top + 4}">${maxLine}</text>`,
    `<text class="t s line-label" x="${width - right + 6}" y="${top + plot}">0</text>`,
  ];
  const linePoints: string[] = [];
  points.forEach((point, index) => {
    const x = left + index * step;
    let y = top + plot;
    for (const part of point.parts) {
      if (part.value <= 0) continue;
      const height = (part.value / maxStack) * plot;
      y -= height;
      body.push(
        `<rect class="bar ${part.className}" x="${(x + step * 0.15).toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${height.toFixed(1)}"><title>${escapeHtml(`${point.label} · ${part.title}: ${part.value}`)}</title></rect>`,
      );
    }
    linePoints.push(`${(x + step / 2).toFixed(1)},${(top + plot - (point.line / maxLine) * plot).toFixed(1)}`);
    if (points.length <= 16 || index % Math.ceil(points.length / 16) === 0)
      body.push(
        `<text class="t s" x="${(x + step / 2).toFixed(1)}" y="${top + plot + 14}" text-anchor="middle">${escapeHtml(point.label)}</text>`,
      );
  });
  body.push(
    `<polyline class="trend" points="${linePoints.join(' ')}"><title>${escapeHtml(lineTitle)}</title></polyline>`,
  );
  points.forEach((point, index) => {
    const [cx, cy] = linePoints[index]!.split(',');
    body.push(
      `<circle class="trend-dot" cx="${cx}" cy="${cy}" r="3"><title>${escapeHtml(`${point.label} · ${lineTitle}: ${point.line}`)}</title></circle>`,
    );
  });
  body.push(legendRow([...legend, { className: 'trend-key', title: lineTitle }], top + plot + 22, left));
  return svg(width, top + plot + 46, label, body);
}
