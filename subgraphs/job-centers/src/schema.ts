import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { ParticipantActionPlanResolver } from "./action-plan/action-plan.resolver";
import { ParticipantAllowancePaymentResolver } from "./allowance-payment/allowance-payment.resolver";
import { ParticipantCounselingSessionResolver } from "./counseling-session/counseling-session.resolver";
import { CounselorResolver } from "./counselor/counselor.resolver";
import { employmentCenterReference } from "./employment-center/employment-center.reference";
import { EmploymentCenterResolver } from "./employment-center/employment-center.resolver";
import { ParticipantEmploymentResolver } from "./employment/employment.resolver";
import { participantReference } from "./participant/participant.reference";
import { ParticipantResolver } from "./participant/participant.resolver";
import { ParticipantConsentResolver } from "./participant-consent/participant-consent.resolver";
import { ParticipantPlacementResolver } from "./placement/placement.resolver";
import { regionReportReference } from "./region-report/region-report.reference";
import { regionReference } from "./region/region.reference";
import { RegionResolver } from "./region/region.resolver";
import { ParticipantWorkExperienceResolver } from "./work-experience/work-experience.resolver";
// Loaded last on purpose: type-graphql lists fields in the order their modules load, and these come last in the SDL.
import { EmploymentCenterAnnualStatsResolver } from "./center-annual-stats/center-annual-stats.resolver";
import { ProgramReportResolver } from "./program-report/program-report.resolver";
import { ProgramBreakdownResolver } from "./program-breakdown/program-breakdown.resolver";
import { accessLogReference } from "./access-log/access-log.reference";
import { AccessLogResolver } from "./access-log/access-log.resolver";
// the program's work, as mutations
import { ApplyForProgramResolver } from "./participant/apply-for-program.mutation";
import { DecideEligibilityResolver } from "./participant/decide-eligibility.mutation";
import { RecordCounselingSessionResolver } from "./counseling-session/record-counseling-session.mutation";
import { EstablishActionPlanResolver } from "./action-plan/establish-action-plan.mutation";
import { PayAllowanceResolver } from "./allowance-payment/pay-allowance.mutation";
import { DeferParticipationResolver } from "./deferral/defer-participation.mutation";
import { ResumeParticipationResolver } from "./deferral/resume-participation.mutation";
import { RecordEmploymentResolver } from "./employment/record-employment.mutation";
import { StartFollowUpResolver } from "./case-closure/start-follow-up.mutation";
import { CloseParticipationResolver } from "./case-closure/close-participation.mutation";
import { RecordJobSearchActivityResolver } from "./job-search-activity/record-job-search-activity.mutation";
import { RecordPlacementResolver } from "./placement/record-placement.mutation";
import { RecordPlacementResultResolver } from "./placement/record-placement-result.mutation";
import { SignUpWorkExperienceHostResolver } from "./work-experience-company/sign-up-work-experience-host.mutation";
import { RecordWorkExperienceResolver } from "./work-experience/record-work-experience.mutation";
import { ParticipantExistsResolver } from "./participant/participant-exists.query";
import { GiveConsentResolver } from "./participant-consent/give-consent.mutation";
import { WithdrawConsentResolver } from "./participant-consent/withdraw-consent.mutation";
// what the mutations write, read back (after the rest, so the SDL's existing order is kept)
import { ParticipantEligibilityDecisionResolver } from "./participant/eligibility-decision.resolver";
import { ParticipantJobSearchActivityResolver } from "./job-search-activity/job-search-activity.resolver";
import { ParticipantDeferralResolver } from "./deferral/deferral.resolver";
import { ParticipantShortHoursJobResolver } from "./short-hours-job/short-hours-job.resolver";
import { ParticipantCaseClosureResolver } from "./case-closure/case-closure.resolver";
import { ParticipantSourceResolver } from "./participant-source/participant-source.resolver";

/** The job-centers subgraph schema; needs no database, so `compose:schema` can print it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      RegionResolver,
      EmploymentCenterResolver,
      EmploymentCenterAnnualStatsResolver,
      CounselorResolver,
      ParticipantResolver,
      ParticipantConsentResolver,
      ParticipantActionPlanResolver,
      ParticipantCounselingSessionResolver,
      ParticipantAllowancePaymentResolver,
      ParticipantPlacementResolver,
      ParticipantWorkExperienceResolver,
      ParticipantEmploymentResolver,
      ProgramReportResolver,
      ProgramBreakdownResolver,
      AccessLogResolver,
      ApplyForProgramResolver,
      DecideEligibilityResolver,
      RecordCounselingSessionResolver,
      EstablishActionPlanResolver,
      PayAllowanceResolver,
      DeferParticipationResolver,
      ResumeParticipationResolver,
      RecordEmploymentResolver,
      StartFollowUpResolver,
      CloseParticipationResolver,
      RecordJobSearchActivityResolver,
      RecordPlacementResolver,
      RecordPlacementResultResolver,
      SignUpWorkExperienceHostResolver,
      RecordWorkExperienceResolver,
      ParticipantExistsResolver,
      GiveConsentResolver,
      WithdrawConsentResolver,
      ParticipantEligibilityDecisionResolver,
      ParticipantJobSearchActivityResolver,
      ParticipantDeferralResolver,
      ParticipantShortHoursJobResolver,
      ParticipantCaseClosureResolver,
      ParticipantSourceResolver,
    ],
    referenceResolvers: {
      Region: regionReference,
      EmploymentCenter: employmentCenterReference,
      Participant: participantReference,
      RegionReport: regionReportReference,
      AccessLog: accessLogReference,
    },
  });
}
