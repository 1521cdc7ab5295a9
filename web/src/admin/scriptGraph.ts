// The script's steps as a graph: where each step leads (next, each option's next, branch rules and otherwise), laid out
// in columns by distance from the start. Plain functions over the document, no I/O.

export interface ScriptStep {
  id: string; type: string; text?: string; label?: string; next?: string; otherwise?: string;
  options?: { value: string; label: string; next?: string }[]; rules?: { next?: string }[];
}
export interface ScriptDocument { name: string; mode: string; start: string; steps: ScriptStep[] }
export interface Edge { from: string; to: string; label?: string }
export interface Placed { step: ScriptStep; column: number; row: number }

export function edges(doc: ScriptDocument): Edge[] {
  const out: Edge[] = [];
  for (const s of doc.steps ?? []) {
    if (s.next) out.push({ from: s.id, to: s.next });
    for (const o of s.options ?? []) if (o.next) out.push({ from: s.id, to: o.next, label: o.label });
    for (const r of s.rules ?? []) if (r.next) out.push({ from: s.id, to: r.next });
    if (s.otherwise) out.push({ from: s.id, to: s.otherwise, label: "otherwise" });
  }
  return out;
}

/** Columns by breadth-first distance from the start; steps not reached (objection handlers, orphans) in a last column. */
export function layout(doc: ScriptDocument): Placed[] {
  const steps = new Map((doc.steps ?? []).map((s) => [s.id, s]));
  const all = edges(doc);
  const depth = new Map<string, number>();
  const queue = steps.has(doc.start) ? [doc.start] : [];
  if (queue.length) depth.set(doc.start, 0);
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of all.filter((x) => x.from === id)) {
      if (!depth.has(e.to) && steps.has(e.to)) {
        depth.set(e.to, depth.get(id)! + 1);
        queue.push(e.to);
      }
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  return [...steps.values()].map((step) => {
    const column = depth.get(step.id) ?? last;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { step, column, row };
  });
}

/** The step an error key names: "steps.greet.next" → "greet"; script-level keys give null. */
export function stepOfError(key: string): string | null {
  const m = /^steps\.([^.[\]]+)/.exec(key);
  return m ? m[1] : null;
}
