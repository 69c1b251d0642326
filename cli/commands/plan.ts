// `suanli plan <subcommand>`: the planning commands. Each subcommand lives in its own module and registers itself
// on the `plan` parent here: add one line per subcommand.
import type { Command } from "commander";
import { registerPlanServe } from "./plan-serve.js";
import { registerPlanTrain } from "./plan-train.js";

export function register(program: Command): void {
  const plan = program
    .command("plan")
    .description("plans: serving capacity (serve) and training clusters (train)");
  registerPlanServe(plan);
  registerPlanTrain(plan);
}
