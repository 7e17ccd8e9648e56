import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { forbidden } from "@lib/graphql/records-guard";
import { checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import { addToCenterYear } from "../center-annual-stats/center-year-figures.write";
import type { JobCentersContext } from "../context";
import { PROGRAM_START, checkText } from "../participant/participant.rules";
import { SignUpWorkExperienceHostInput } from "./sign-up-work-experience-host.input";
import { WorkExperienceHost } from "./work-experience-host.type";

@Resolver()
export class SignUpWorkExperienceHostResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => WorkExperienceHost, {
    description:
      "Signs a company up as a work-experience host (일경험, one of the IAP's activities: Decree §8) of the caller's employment center; counts in the year's companies figure.",
  })
  async signUpWorkExperienceHost(
    @Arg("input", () => SignUpWorkExperienceHostInput) input: SignUpWorkExperienceHostInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WorkExperienceHost> {
    const { idempotencyKey, ...rest } = input;
    const viewer = ctx.viewer;
    const centerId = viewer.kind === "user" && viewer.org?.kind === "EMPLOYMENT_CENTER" ? viewer.org.id : null;
    if (centerId === null) throw forbidden("Mutation", "only an employment center's staff sign up its host companies");
    return runMutation(ctx, info, { mutation: "signUpWorkExperienceHost", idempotencyKey, input: rest }, async (tx) => {
      const name = checkText("name", input.name);
      const signedUpOn = input.signedUpOn ?? todayInKorea();
      checkDay("signedUpOn", signedUpOn, PROGRAM_START, "the program's start");
      const [center] = await tx.query<Array<{ regionCode: string }>>(
        `SELECT region_code AS "regionCode" FROM employment_center WHERE id = $1`,
        [centerId],
      );
      const [row] = await tx.query<Array<{ id: number }>>(
        `INSERT INTO work_experience_company (employment_center_id, name, signed_up_on) VALUES ($1, $2, $3) RETURNING id`,
        [centerId, name, signedUpOn],
      );
      await addToCenterYear(tx, { centerId, regionCode: center.regionCode }, signedUpOn, { companies: 1 });
      // a company is no person's record: the access log names participants, so this write has no entry
      return { result: { id: String(row.id), name, signedUpOn }, participantIds: [] };
    });
  }
}
