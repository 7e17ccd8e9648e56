import { SNAPSHOT, dateText, dayInMonth, monthOf, yearOf } from "../calendar/days";
import { directory, generateAll, incheon } from "../testing/fixture";
import { ALLOWANCE, allowanceWon } from "./allowance";
import { isTypeOne, type ParticipantRecords } from "./participant-types";
import { RULES } from "./timeline";

describe("participant timelines follow the program's rules", () => {
  const all = generateAll(10_000);
  const companyById = new Map(directory.workExperienceCompanies.map((c) => [c.id, c]));
  const localRegion = new Map(directory.localJobCenters.map((c) => [c.id, c.regionCode]));
  const saeilRegion = new Map(directory.saeilCenters.map((c) => [c.id, c.regionCode]));
  const courseRegion = new Map(directory.saeilCourses.map((c) => [c.id, saeilRegion.get(c.saeilCenterId)]));
  const partnerRegion = new Map(directory.welfarePartners.map((p) => [p.id, p.regionCode]));

  /** Runs `rules` on every participant and returns the broken ones as "rule: participant id". */
  function violations(rules: (r: ParticipantRecords, check: (ok: boolean, rule: string) => void) => void): string[] {
    const broken: string[] = [];
    for (const r of all)
      rules(r, (ok, rule) => {
        if (!ok) broken.push(`${rule}: ${r.participant.id}`);
      });
    return broken.slice(0, 20);
  }

  it("decides, plans, employs and stages within the legal windows", () => {
    expect(
      violations((r, check) => {
        const p = r.participant;
        const decided = p.eligibilityDecidedOn;
        const plan = r.actionPlan?.establishedOn ?? null;
        if (decided !== null) check(decided - p.appliedOn >= 6 && decided - p.appliedOn <= 37, "decided within a month (+7 days)");
        if (p.stage === "APPLIED") check(decided === null && p.appliedOn > SNAPSHOT - 38, "still applied only if recent");
        if (["JOB_SEEKING", "EMPLOYED", "FOLLOW_UP"].includes(p.stage)) check(plan !== null, "a plan before job seeking");
        if (plan !== null)
          check(decided !== null && plan - decided >= 1 && plan - decided <= 31 && plan <= SNAPSHOT, "plan within a month of the decision");
        check((r.employment !== null) === (p.stage === "EMPLOYED"), "employment iff EMPLOYED");
        const e = r.employment;
        if (e) {
          check(plan !== null && e.employedOn >= plan + 7, "job after the plan");
          check(e.employedOn <= Math.min(SNAPSHOT, decided! + RULES.serviceDays), "job within the service year and the snapshot");
          check(e.weeklyHours >= 30 && e.weeklyHours <= 52, "30+ hours a week");
        }
        if (p.stage === "JOB_SEEKING") check(SNAPSHOT <= decided! + RULES.serviceDays, "job seeking within the service year");
        if (p.stage === "FOLLOW_UP") {
          const after = SNAPSHOT - decided! - RULES.serviceDays;
          check(after > 0 && after <= RULES.followUpDays, "follow-up for 3 months after service");
        }
      }),
    ).toEqual([]);
  });

  it("pays the allowance to Type I only, monthly for at most 6 months, on a fixed day of the following month", () => {
    const amounts = [0, 1, 2, 3, 4].map(allowanceWon);
    expect(
      violations((r, check) => {
        if (!isTypeOne(r.participant.track) || !r.actionPlan) check(r.payments.length === 0, "no allowance without Type I and a plan");
        if (r.payments.length === 0) return;
        check(r.payments.length <= ALLOWANCE.months, "at most 6 months");
        const first = monthOf(r.actionPlan!.establishedOn);
        const claimDay = Number(dateText(r.payments[0].paidOn).slice(8));
        r.payments.forEach((pay, i) => {
          check(pay.month === dateText(dayInMonth(first + i, 1)).slice(0, 7), "consecutive months from the plan");
          check(pay.paidOn === dayInMonth(first + i + 1, claimDay) && pay.paidOn <= SNAPSHOT, "paid on the claim day of the next month");
          check(amounts.includes(pay.amountWon) && pay.amountWon === r.payments[0].amountWon, "50만원 + 10만원 per dependant");
          if (i > 0 && r.employment) check(dayInMonth(first + i, 1) < r.employment.employedOn, "no months after the job");
        });
      }),
    ).toEqual([]);
  });

  it("keeps sessions, placements and work experience inside the service", () => {
    expect(
      violations((r, check) => {
        const p = r.participant;
        check(r.sessions.length <= 16, "at most 16 sessions");
        check(
          r.sessions.every((s) => s.heldOn >= p.eligibilityDecidedOn! && s.heldOn <= SNAPSHOT),
          "sessions after the decision",
        );
        const hired = r.placements.filter((pl) => pl.result === "HIRED");
        check(hired.length === (r.employment?.viaPlacement ? 1 : 0), "one HIRED placement per placement job");
        if (hired[0]) check(hired[0].referredOn < r.employment!.employedOn, "hired before the job");
        check(
          r.placements.every((pl) => pl.referredOn >= r.actionPlan!.establishedOn && pl.referredOn <= SNAPSHOT),
          "placements after the plan",
        );
        const w = r.workExperience;
        if (w) {
          const company = companyById.get(w.companyId)!;
          check(
            company.employmentCenterId === p.employmentCenterId && company.signedUpOn < w.startedOn,
            "host company of the office, signed up before",
          );
          check(w.endedOn === null || w.endedOn >= w.startedOn, "work experience ends after it starts");
        }
        if (p.employmentCenterId === incheon && r.employment?.viaPlacement)
          check([2021, 2022].includes(yearOf(r.employment.employedOn)), "Incheon placement jobs are the stories");
      }),
    ).toEqual([]);
  });

  it("names only this participant at other agencies, in the participant's region", () => {
    expect(
      violations((r, check) => {
        const p = r.participant;
        for (const o of r.outreach.filter((o) => o.participantId !== null)) {
          check(o.participantId === p.id && o.linkedOn === p.appliedOn, "linked the day they applied");
          check(p.appliedOn - o.discoveredOn >= 5 && p.appliedOn - o.discoveredOn <= 60, "found 5–60 days before");
          check(localRegion.get(o.localJobCenterId) === p.regionCode, "outreach in the region");
        }
        check(
          r.localServices.every((u) => localRegion.get(u.localJobCenterId) === p.regionCode),
          "local services in the region",
        );
        const s = r.saeilEnrollment;
        if (s)
          check(
            p.gender === "FEMALE" &&
              courseRegion.get(s.courseId) === p.regionCode &&
              (s.status === "COMPLETED") === (s.completedOn !== null),
            "새일센터 course of the region, for women",
          );
        for (const f of r.welfareReferrals) {
          check(
            partnerRegion.get(f.partnerId) === p.regionCode && f.referredOn >= p.eligibilityDecidedOn!,
            "welfare partner of the region, during service",
          );
          check((f.status === "RESOLVED") === (f.resolvedOn !== null), "resolved referrals have a date");
        }
      }),
    ).toEqual([]);
  });

  it("has the program's shares: women, youth in Type I, jobs among those who left, placements, ages by track", () => {
    const share = (items: ParticipantRecords[], test: (r: ParticipantRecords) => boolean) => items.filter(test).length / items.length;
    const age = (r: ParticipantRecords) => yearOf(r.participant.appliedOn) - r.participant.birthYear;
    const generic = all.filter((r) => r.participant.employmentCenterId !== incheon);
    expect(share(all, (r) => r.participant.gender === "FEMALE")).toBeCloseTo(0.55, 1);
    expect(
      Math.abs(
        share(
          all.filter((r) => isTypeOne(r.participant.track)),
          (r) => age(r) <= 34,
        ) - 0.619,
      ),
    ).toBeLessThan(0.02);
    const exited = generic.filter(
      (r) => ["EMPLOYED", "FOLLOW_UP"].includes(r.participant.stage) || (r.participant.stage === "CLOSED" && r.actionPlan),
    );
    expect(Math.abs(share(exited, (r) => r.employment !== null) - 0.68)).toBeLessThan(0.04);
    expect(
      Math.abs(
        share(
          generic.filter((r) => r.employment),
          (r) => r.employment!.viaPlacement,
        ) - 0.3,
      ),
    ).toBeLessThan(0.04);
    expect(
      violations((r, check) => {
        const a = age(r);
        const track = r.participant.track;
        if (isTypeOne(track)) check(a >= 15 && a <= 69, "Type I is 15–64 (69 for vulnerable groups)");
        if (track === "TYPE_II_YOUTH") check(a >= 18 && a <= 34, "youth are 18–34");
        if (track === "TYPE_II_MIDDLE_AGED") check(a >= 35 && a <= 69, "middle-aged are 35–69");
      }),
    ).toEqual([]);
  });
});
