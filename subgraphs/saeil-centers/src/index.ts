import { runSubgraph } from "@lib/http/run-subgraph";
import { env } from "./env";
import { createSaeilCentersServer } from "./server";

void runSubgraph("saeil-centers", env, createSaeilCentersServer);
