import { runSubgraph } from "@lib/http/run-subgraph";
import { env } from "./env";
import { createJobCentersServer } from "./server";

void runSubgraph("job-centers", env, createJobCentersServer);
