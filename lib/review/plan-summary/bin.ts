#!/usr/bin/env node
// `node dist/plan-summary.js`, which the workflows of this repository run (cli.ts says what it does).
import { planSummary } from "./cli";
import { runMain } from "../../shared/command";

runMain(planSummary);
