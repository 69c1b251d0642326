// A labelled select bound to a URL parameter: options as [value, text] pairs.

/** One option: the value kept in the URL and the text shown. */
export type SelectOption = readonly [value: string, text: string];

/** A `<label>` with a `<select>`. Example: `<SelectInput label="Basis" testId="basis" options={[["cloud", "Cloud"]]} … />`. */
export function SelectInput(props: {
  label: string;
  testId: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly SelectOption[];
}) {
  return (
    <label>
      {props.label}
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The same text as the value, for each value. */
export const plainOptions = (values: readonly string[]): SelectOption[] => values.map((v) => [v, v]);
