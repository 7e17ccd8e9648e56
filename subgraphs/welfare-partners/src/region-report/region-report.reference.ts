import { regionReportReference as referenceOf } from "@lib/graphql/region-report-key";
import type { WelfarePartnersContext } from "../context";

/** `_entities` for RegionReport: this agency's figures of the region and year. */
export const regionReportReference = referenceOf((context: WelfarePartnersContext) => context.loaders.regionReports);
