// A table cell that shows a sourced value and its source on hover (title), marked by grade.
import type { Shown } from "../lib/sourced.js";

export function SourcedCell({ v, num = true }: { v: Shown; num?: boolean }) {
  return (
    <td
      className={`${num ? "num " : ""}grade-${v.grade || "none"}`}
      title={v.title || undefined}
      data-sourced={v.title ? "1" : undefined}
    >
      {v.text}
    </td>
  );
}
