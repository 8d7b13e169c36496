#!/usr/bin/env node
// The package's bin (dist/cli/genesys-scv-oauth-client.js): main.ts says what it does.
import { cli } from "./main";
import { runMain } from "../shared/command";

runMain(cli);
