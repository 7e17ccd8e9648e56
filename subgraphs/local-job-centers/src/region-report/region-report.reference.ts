import { regionReportReference as referenceOf } from "@lib/graphql/region-report-key";
import type { LocalJobCentersContext } from "../context";

/** `_entities` for RegionReport: this agency's figures of the region and year. */
export const regionReportReference = referenceOf((context: LocalJobCentersContext) => context.loaders.regionReports);
