// A labelled number input bound to a URL parameter; empty or invalid input keeps the last valid value upstream.
export function NumberInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  step?: number;
  min?: number;
  placeholder?: string;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        data-testid={props.testId}
        value={props.value}
        step={props.step ?? 1}
        min={props.min ?? 0}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** A positive number from an input string, or the fallback. */
export function positive(s: string, fallback: number): number {
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
