import { useEffect, useRef } from "preact/hooks";
import { BarController, BarElement, CategoryScale, Chart as ChartJs, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

ChartJs.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export interface Series { label: string; values: (number | null)[]; color: string; type?: "bar" | "line" }

/** A chart.js chart of a few series over labels, with the figures also in a table for screen readers. */
export function Chart({ title, labels, series, max }: { title: string; labels: string[]; series: Series[]; max?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new ChartJs(canvas.current!, {
      type: "bar",
      data: {
        labels,
        datasets: series.map((s) => ({
          type: s.type ?? "bar", label: s.label, data: s.values, backgroundColor: s.color, borderColor: s.color, spanGaps: true,
        })),
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, max } } },
    });
    return () => chart.destroy();
  }, [JSON.stringify([labels, series])]);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div class="chart-box"><canvas ref={canvas} role="img" aria-label={title} /></div>
      <details>
        <summary>{title}: table</summary>
        <table>
          <thead><tr><th scope="col"></th>{series.map((s) => <th scope="col">{s.label}</th>)}</tr></thead>
          <tbody>{labels.map((l, i) => <tr><th scope="row">{l}</th>{series.map((s) => <td>{s.values[i] ?? "–"}</td>)}</tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}
