import { runSubgraph } from "@lib/http/run-subgraph";
import { env } from "./env";
import { createLocalJobCentersServer } from "./server";

void runSubgraph("local-job-centers", env, createLocalJobCentersServer);
