import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { ParticipantActionPlanResolver } from "./action-plan/action-plan.resolver";
import { ParticipantAllowancePaymentResolver } from "./allowance-payment/allowance-payment.resolver";
import { ParticipantCounselingSessionResolver } from "./counseling-session/counseling-session.resolver";
import { CounselorResolver } from "./counselor/counselor.resolver";
import type { JobCentersContext } from "./context";
import { employmentCenterReference, EmploymentCenterResolver } from "./employment-center/employment-center.resolver";
import { ParticipantEmploymentResolver } from "./employment/employment.resolver";
import { participantReference, ParticipantResolver } from "./participant/participant.resolver";
import { ParticipantPlacementResolver } from "./placement/placement.resolver";
import { regionReference, RegionResolver } from "./region/region.resolver";
import { ProgramReportResolver } from "./report/program-report.resolver";
import { ParticipantWorkExperienceResolver } from "./work-experience/work-experience.resolver";

/** The job-centers subgraph schema; needs no database, so `schema:compose` can print it. */
export function buildJobCentersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      RegionResolver, EmploymentCenterResolver, CounselorResolver, ParticipantResolver, ParticipantActionPlanResolver,
      ParticipantCounselingSessionResolver, ParticipantAllowancePaymentResolver, ParticipantPlacementResolver,
      ParticipantWorkExperienceResolver, ParticipantEmploymentResolver, ProgramReportResolver,
    ],
    referenceResolvers: {
      Region: regionReference,
      EmploymentCenter: employmentCenterReference,
      Participant: participantReference,
      RegionReport: {
        async __resolveReference(ref: { year: number; regionCode: string }, ctx: JobCentersContext) {
          const rows = await ctx.loaders.regionReports.load(Number(ref.year));
          return rows.find((row) => row.regionCode === ref.regionCode) ?? null;
        },
      },
    },
  });
}
