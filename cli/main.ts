#!/usr/bin/env node
// suanli command line: parse → call the library → render. Each command lives in cli/commands/<name>.ts and is
// loaded only when used, so start-up stays fast.
import { Command, CommanderError } from "commander";
import { CliError, EXIT } from "./errors.js";
import { catalog } from "../src/index.js";

/** A command module registers itself on the program. */
export type Register = (program: Command) => void;

/** Command name → module path. Add one line per command. */
const commands: Record<string, () => Promise<{ register: Register }>> = {
  chips: () => import("./commands/chips.js"),
  chip: () => import("./commands/chip.js"),
  models: () => import("./commands/models.js"),
  model: () => import("./commands/model.js"),
  classify: () => import("./commands/classify.js"),
  rules: () => import("./commands/rules.js"),
  timeline: () => import("./commands/timeline.js"),
  whatif: () => import("./commands/whatif.js"),
  start: () => import("./commands/start.js"),
  validate: () => import("./commands/validate.js"),
  infer: () => import("./commands/infer.js"),
  serve: () => import("./commands/serve.js"),
  train: () => import("./commands/train.js"),
  plan: () => import("./commands/plan.js"),
  overview: () => import("./commands/overview.js"),
  simulate: () => import("./commands/simulate.js"),
};

// A closed pipe (`suanli chips | head`) ends the output quietly, never with a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });

async function main(argv: string[]): Promise<number> {
  const program = new Command("suanli")
    .description("算力 suanli — AI accelerators, export controls and LLM training/serving performance")
    .version(catalog.version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true);
  const name = argv.find((a) => !a.startsWith("-"));
  const loaders = name && commands[name] ? [commands[name]] : Object.values(commands);
  for (const load of loaders) (await load()).register(program);
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
      )
        return EXIT.ok;
      return EXIT.badInput;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`suanli: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(
        `suanli: internal error: ${msg}\n(please report it; set SUANLI_DEBUG=1 for details)\n`,
      );
      if (process.env.SUANLI_DEBUG) console.error(e);
      process.exitCode = EXIT.internal;
    }
  },
);
