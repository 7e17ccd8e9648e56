import { runSubgraph } from "@lib/http/run-subgraph";
import { env } from "./env";
import { createWelfarePartnersServer } from "./server";

void runSubgraph("welfare-partners", env, createWelfarePartnersServer);
