/**
 * A story's coverage as a server-rendered SVG: articles per day (or per few days, for a long story) per outlet.
 * The top bar row is every outlet together; below, one row per busiest outlet and one for the rest, a cell's
 * shade the count in four steps. Drawn as one path per row and shade, so a thousand-article story over months
 * stays a few kilobytes. A text summary beside it says the same for readers that do not see it.
 */
import { escapeHtml } from './html.js';

export interface ChartArticle {
  outlet: string;
  /** YYYY-MM-DD, or undefined when the page has no trusted date. */
  date?: string;
}

/** Most columns; a longer story is binned into days per column. */
const MAX_BINS = 60;
/** Outlets with a row of their own; the rest share one. */
const ROWS = 8;
const LEFT = 150;
const PLOT = 540;
const ROW_H = 16;
const TOTAL_H = 40;

const DAY = 86_400_000;
const dayNumber = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY);
const dayString = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export function coverageChart(articles: ChartArticle[]): string {
  const dated = articles.filter(
    (a): a is Required<ChartArticle> => !!a.date && Number.isFinite(dayNumber(a.date)),
  );
  if (!dated.length) return '';
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const a of dated) {
    const d = dayNumber(a.date);
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const span = last - first + 1;
  const per = Math.ceil(span / MAX_BINS);
  const bins = Math.ceil(span / per);
  const byOutlet = new Map<string, number>();
  for (const a of dated) byOutlet.set(a.outlet, (byOutlet.get(a.outlet) ?? 0) + 1);
  const ranked = [...byOutlet].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const own = ranked.slice(0, ranked.length > ROWS + 1 ? ROWS : ROWS + 1).map(([o]) => o);
  const rowOf = new Map(own.map((o, i) => [o, i]));
  const others = ranked.length - own.length;
  const rows = own.length + (others ? 1 : 0);
  const counts = Array.from({ length: rows }, () => new Array<number>(bins).fill(0));
  const totals = new Array<number>(bins).fill(0);
  for (const a of dated) {
    const b = Math.floor((dayNumber(a.date) - first) / per);
    counts[rowOf.get(a.outlet) ?? own.length][b]++;
    totals[b]++;
  }
  const w = PLOT / bins;
  const f = (x: number) => Number(x.toFixed(1));
  const cell = Math.max(1, f(w - (w > 4 ? 1 : 0)));
  const maxCell = Math.max(...counts.flat());
  const maxTotal = Math.max(...totals);
  // One path per shade: the cells of that shade, each a small rectangle.
  const shades: string[][] = [[], [], [], []];
  for (const [r, row] of counts.entries())
    for (const [b, n] of row.entries()) {
      if (!n) continue;
      const level = Math.min(3, Math.floor((4 * n) / (maxCell + 1)));
      shades[level].push(`M${f(LEFT + b * w)} ${TOTAL_H + 8 + r * ROW_H}h${cell}v${ROW_H - 3}h-${cell}z`);
    }
  const bars = totals
    .map((n, b) => {
      if (!n) return '';
      const h = Math.max(1, f((n / maxTotal) * (TOTAL_H - 4)));
      return `M${f(LEFT + b * w)} ${f(TOTAL_H - h)}h${cell}v${h}h-${cell}z`;
    })
    .join('');
  const height = TOTAL_H + 8 + rows * ROW_H + 18;
  const labels = [...own, ...(others ? [`${others} other outlets`] : [])]
    .map(
      (o, r) =>
        `<text x="${LEFT - 6}" y="${TOTAL_H + 8 + r * ROW_H + 10}">${escapeHtml(o.length > 22 ? `${o.slice(0, 21)}…` : o)}</text>`,
    )
    .join('');
  const unit = per === 1 ? 'day' : `${per} days`;
  const busiest = totals.indexOf(maxTotal);
  const busiestDay = dayString(first + busiest * per);
  const summary = `${dated.length.toLocaleString('en-US')} dated articles from ${ranked.length} outlet${
    ranked.length === 1 ? '' : 's'
  }, ${dayString(first)} to ${dayString(last)}; busiest ${per === 1 ? 'day' : 'period'} ${busiestDay} (${maxTotal})`;
  return `<figure class="chart"><svg viewBox="0 0 ${LEFT + PLOT + 10} ${height}" role="img" aria-label="${escapeHtml(
    `Articles per ${unit} per outlet: ${summary}`,
  )}"><text x="${LEFT - 6}" y="${TOTAL_H - 4}">all outlets</text><path class="bar" d="${bars}"/>${shades
    .map((d, i) => (d.length ? `<path class="l${i}" d="${d.join('')}"/>` : ''))
    .join(
      '',
    )}${labels}<text class="axis" x="${LEFT}" y="${height - 4}">${dayString(first)}</text><text class="axis end" x="${
    LEFT + PLOT
  }" y="${height - 4}">${dayString(last)}</text></svg><figcaption>Articles per ${unit} per outlet: ${escapeHtml(summary)}.</figcaption></figure>`;
}

/** The chart's styles (light and dark). */
export const CHART_STYLE = `.chart svg{width:100%;height:auto;font:10px system-ui,sans-serif}
.chart text{text-anchor:end;fill:currentColor}.chart text.axis{text-anchor:start}.chart text.axis.end{text-anchor:end}
.chart .bar{fill:#5b7db1}.chart .l0{fill:#c6d5ec}.chart .l1{fill:#8eabd6}.chart .l2{fill:#4f78b8}.chart .l3{fill:#1f4788}
.chart figcaption{font:.85rem system-ui,sans-serif;color:#666}`;
