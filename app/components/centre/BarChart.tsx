/**
 * A plain bar chart drawn from a table's own numbers, in HTML so its labels are body text: they keep the page's
 * text size and grow with the large-text setting, and a long label wraps (the SVG labels were ~9 px on a phone).
 * Hidden from assistive technology: the table next to it is the source, the figure's caption sums it up.
 */
export function BarChart({ rows, label }: { rows: Array<{ label: string; value: number }>; label: (v: number) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div className="bar-chart" aria-hidden="true">
      {rows.map((r) => (
        <div className="bar-chart__row" key={r.label}>
          <span className="bar-chart__label">{r.label}</span>
          <span className="bar-chart__value">{label(r.value)}</span>
          <span className="bar-chart__track">
            <span className="bar-chart__bar" style={{ width: `${Math.max(0.5, (100 * r.value) / max)}%` }} />
          </span>
        </div>
      ))}
    </div>
  );
}
