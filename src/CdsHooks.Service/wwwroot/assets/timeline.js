// The treatment timeline: therapy episodes as bars on a time axis, coloured by mechanism class and marked with their
// outcome; procedures and key results as markers. Drawn as SVG from the chart the service builds from the engine's
// own PatientTimeline. Colour is never the only carrier: every bar and marker has a text title, and a table repeats it.

const SVG = 'http://www.w3.org/2000/svg';
// Okabe-Ito colours (distinguishable with common colour-vision deficiencies), then a few more.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7F3C8D', '#999999', '#3969AC', '#11A579', '#F0E442', '#6b4226'];

export const OUTCOMES = {
  'response': { glyph: '✓', text: 'response' },
  'primary-non-response': { glyph: '✗', text: 'primary non-response' },
  'secondary-loss-of-response': { glyph: '↘', text: 'loss of response' },
  'intolerance': { glyph: '!', text: 'intolerance' },
  'progression': { glyph: '▲', text: 'progression' },
  'relapse': { glyph: '↻', text: 'relapse' },
  'ongoing': { glyph: '→', text: 'ongoing' },
  'unknown': { glyph: '?', text: 'outcome not recorded' },
};

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function titled(node, text) { node.appendChild(el('title', {}, text)); return node; }

function time(fhirDate) { const t = fhirDate ? Date.parse(fhirDate) : NaN; return Number.isNaN(t) ? null : t; }

export function mechanismColours(episodes) {
  const colours = new Map();
  for (const episode of episodes) {
    const key = episode.mechanismClass || 'unclassified';
    if (!colours.has(key)) colours.set(key, { colour: PALETTE[colours.size % PALETTE.length], label: episode.mechanism || 'Not classified' });
  }
  return colours;
}

export function drawTimeline(chart) {
  const episodes = chart.episodes.filter(e => time(e.start) !== null);
  const asOf = Date.parse(chart.asOf);
  const points = [...episodes.map(e => time(e.start)), ...chart.procedures.map(p => time(p.start)), ...chart.observations.map(o => time(o.time))].filter(t => t !== null);
  const width = 960, labelWidth = 190, rowHeight = 26, top = 12;
  const start = points.length ? Math.min(...points) : asOf - 365 * 864e5;
  const span = Math.max(asOf - start, 30 * 864e5) * 1.04;
  const x = t => labelWidth + ((t - start) / span) * (width - labelWidth - 20);
  const rows = episodes.length + 2;
  const height = top + rows * rowHeight + 34;
  const colours = mechanismColours(episodes);

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'tl-title tl-desc', id: 'timeline-svg' });
  svg.appendChild(el('title', { id: 'tl-title' }, 'Treatment timeline'));
  svg.appendChild(el('desc', { id: 'tl-desc' }, `${episodes.length} therapy episodes, ${chart.procedures.length} procedures and ${chart.observations.length} key results, up to ${new Date(asOf).toISOString().slice(0, 10)}. The same episodes are listed in the table below.`));

  episodes.forEach((episode, i) => {
    const y = top + i * rowHeight;
    const from = time(episode.start);
    const open = !episode.end;
    const to = open ? asOf : Math.max(time(episode.end) ?? from, from);
    const colour = colours.get(episode.mechanismClass || 'unclassified').colour;
    const outcome = OUTCOMES[episode.outcome] || OUTCOMES.unknown;
    const group = el('g', { class: 'episode', 'data-reference': episode.reference, 'data-outcome': episode.outcome });
    group.appendChild(el('text', { x: 6, y: y + 17, 'font-size': 12, fill: '#1b1f24' }, `${episode.line ? 'L' + episode.line + ' ' : ''}${episode.label}`));
    const bar = el('rect', { x: x(from), y: y + 5, width: Math.max(x(to) - x(from), 4), height: rowHeight - 10, rx: 3, fill: colour, stroke: '#1b1f24', 'stroke-width': 0.6, 'stroke-dasharray': open ? '4 2' : 'none' });
    group.appendChild(titled(bar, `${episode.label} (${episode.mechanism || 'mechanism not classified'}): ${episode.start} to ${episode.end || 'now'}; ${episode.outcomeText}`));
    const marker = el('g', { class: 'outcome-marker' });
    marker.appendChild(el('circle', { cx: x(to), cy: y + rowHeight / 2, r: 8, fill: '#fff', stroke: '#1b1f24', 'stroke-width': 1 }));
    marker.appendChild(el('text', { x: x(to), y: y + rowHeight / 2 + 4, 'font-size': 11, 'text-anchor': 'middle', fill: '#1b1f24' }, outcome.glyph));
    group.appendChild(titled(marker, `Outcome: ${episode.outcomeText}`));
    svg.appendChild(group);
  });

  const procedureY = top + episodes.length * rowHeight;
  svg.appendChild(el('text', { x: 6, y: procedureY + 17, 'font-size': 12, fill: '#1b1f24' }, 'Procedures'));
  for (const procedure of chart.procedures) {
    const t = time(procedure.start); if (t === null) continue;
    const cx = x(t), cy = procedureY + rowHeight / 2;
    svg.appendChild(titled(el('path', { d: `M ${cx} ${cy - 7} L ${cx + 7} ${cy} L ${cx} ${cy + 7} L ${cx - 7} ${cy} Z`, fill: '#4a5561', class: 'procedure-marker' }), `${procedure.text}, ${procedure.start}`));
  }

  const resultY = procedureY + rowHeight;
  svg.appendChild(el('text', { x: 6, y: resultY + 17, 'font-size': 12, fill: '#1b1f24' }, 'Key results'));
  for (const result of chart.observations) {
    const t = time(result.time); if (t === null) continue;
    svg.appendChild(titled(el('circle', { cx: x(t), cy: resultY + rowHeight / 2, r: 4, fill: '#1b1f24', 'fill-opacity': 0.55, class: 'result-marker' }), `${result.text}: ${result.value}, ${result.time}`));
  }

  const axisY = resultY + rowHeight + 4;
  svg.appendChild(el('line', { x1: labelWidth, x2: width - 10, y1: axisY, y2: axisY, stroke: '#4a5561' }));
  const firstYear = new Date(start).getUTCFullYear(), lastYear = new Date(asOf).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  for (let year = firstYear + 1; year <= lastYear; year += step) {
    const tx = x(Date.UTC(year, 0, 1));
    svg.appendChild(el('line', { x1: tx, x2: tx, y1: top, y2: axisY + 4, stroke: '#c9d1da', 'stroke-width': 0.6 }));
    svg.appendChild(el('text', { x: tx, y: axisY + 18, 'font-size': 11, 'text-anchor': 'middle', fill: '#4a5561' }, String(year)));
  }
  const now = x(asOf);
  svg.appendChild(el('line', { x1: now, x2: now, y1: top, y2: axisY, stroke: '#b00020', 'stroke-dasharray': '3 3' }));
  svg.appendChild(el('text', { x: now - 4, y: top + 8, 'font-size': 10, 'text-anchor': 'end', fill: '#8a1c1c' }, 'today'));
  return { svg, colours };
}
