// Shared by classify / whatif: parse --date, --to, --hq into an export query and load chips by id or spec file.
import { catalog, findChip, isCountryCode, type Accelerator, type ExportQuery } from "../../src/index.js";
import { CliError, EXIT, unwrap } from "../errors.js";
import { loadChipFile } from "../files.js";

/** Today as YYYY-MM-DD (UTC); the default date of a query. */
export const today = () => new Date().toISOString().slice(0, 10);

/** Validates the options and returns the query; bad input → exit 2 with a message naming the option. */
export function exportQuery(opts: { date?: string; to?: string; hq?: string }): ExportQuery {
  const date = opts.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new CliError(`--date ${date}: expected YYYY-MM-DD, e.g. --date 2025-05-01`, EXIT.badInput);
  const to = opts.to ?? "CN";
  if (!isCountryCode(to))
    throw new CliError(
      `--to ${to}: expected an ISO 3166-1 alpha-2 country code, e.g. --to CN`,
      EXIT.badInput,
    );
  if (opts.hq !== undefined && !isCountryCode(opts.hq))
    throw new CliError(
      `--hq ${opts.hq}: expected an ISO 3166-1 alpha-2 country code, e.g. --hq CN`,
      EXIT.badInput,
    );
  return { date, destination: to.toUpperCase(), ...(opts.hq ? { buyerHq: opts.hq.toUpperCase() } : {}) };
}

/** A catalog chip by id/alias, or a hypothetical chip from a YAML/JSON spec file. */
export function loadChip(arg: string): Accelerator {
  return /\.(ya?ml|json)$/i.test(arg) || arg.startsWith("./") || arg.startsWith("/")
    ? loadChipFile(arg)
    : unwrap(findChip(arg, catalog));
}
