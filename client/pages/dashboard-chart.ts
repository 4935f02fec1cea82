/** The dashboard's chart: open brackets and options per version (and now), as an inline SVG line chart. */

/** One point of the chart: a version (or "Now") and its counts. */
export interface ChartPoint {
  label: string;
  brackets: number;
  options: number;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An SVG line chart of `points`' brackets (solid) and options (dashed), one x step per point. */
export function progressChart(points: readonly ChartPoint[], width = 640, height = 220): SVGSVGElement {
  const pad = { left: 40, right: 16, top: 16, bottom: 40 };
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'progress-chart' });
  const max = Math.max(1, ...points.flatMap((p) => [p.brackets, p.options]));
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => pad.top + innerH - (v * innerH) / max;
  root.append(svg('title', {}, `Open brackets and options: ${points.map((p) => `${p.label} ${p.brackets} brackets, ${p.options} options`).join('; ')}`));
  for (const tick of [...new Set([0, Math.round(max / 2), max])]) {
    root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), class: 'grid' }));
    root.append(svg('text', { x: pad.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' }, String(tick)));
  }
  points.forEach((p, i) => root.append(svg('text', { x: x(i), y: height - pad.bottom + 18, 'text-anchor': 'middle', class: 'tick' }, p.label)));
  const series = (key: 'brackets' | 'options', className: string) => {
    root.append(svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p[key])}`).join(' '), class: `series ${className}`, fill: 'none' }));
    points.forEach((p, i) => root.append(svg('circle', { cx: x(i), cy: y(p[key]), r: 3.5, class: `dot ${className}`, 'data-value': p[key] })));
  };
  series('brackets', 'series-brackets');
  series('options', 'series-options');
  const legend = svg('g', { class: 'legend', transform: `translate(${pad.left}, ${height - 8})` });
  legend.append(svg('line', { x1: 0, x2: 18, y1: -4, y2: -4, class: 'series series-brackets' }), svg('text', { x: 24, y: 0 }, 'Open brackets'),
    svg('line', { x1: 130, x2: 148, y1: -4, y2: -4, class: 'series series-options' }), svg('text', { x: 154, y: 0 }, 'Options'));
  root.append(legend);
  return root;
}
