import { yearOf } from "./calendar/days";
import { NULL, text, textArray } from "./copy/copy-text";
import { ParticipantRows } from "./copy/participant-rows";
import { RowBatch } from "./copy/row-batch";
import { ParticipantGenerator } from "./people/participant-generator";
import { Random, seedKey } from "./random/random";
import { directory, generateAll, gwangmyeongLocal, incheon, key, names } from "./testing/fixture";

describe("random streams", () => {
  it("repeat for the same seed, stream and index, and differ otherwise", () => {
    const draw = (k: typeof key, index: number) => {
      const r = Random.derive(k, 2, index);
      return [r.next(), r.next(), r.uuid()];
    };
    expect(draw(key, 7)).toEqual(draw(key, 7));
    expect(draw(key, 7)).not.toEqual(draw(key, 8));
    expect(draw(key, 7)).not.toEqual(draw(seedKey("njsp-2023"), 7));
  });

  it("make v4-shaped uuids", () => {
    const r = Random.derive(key, 2, 0);
    for (let i = 0; i < 1000; i += 1) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("COPY text", () => {
  it("escapes backslashes, tabs and newlines, and quotes array elements", () => {
    expect(text("a\tb\\c\nd\re")).toBe("a\\tb\\\\c\\nd\\re");
    expect(text("\\N")).toBe("\\\\N");
    expect(NULL).toBe("\\N");
    expect(textArray(["중구", 'say "hi"', "a\\b"])).toBe('{"중구","say \\\\"hi\\\\"","a\\\\\\\\b"}');
  });
});

describe("directory", () => {
  const counts = new Map<string, number>();
  for (const c of directory.workExperienceCompanies) {
    const k = `${c.employmentCenterId}/${yearOf(c.signedUpOn)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const seoul = directory.employmentCenters.find((c) => c.name === "서울고용센터")!.id;

  it("gives 서울고용센터 1,288 host companies in 2021 and 2,485 in 2022, the most of any office-year", () => {
    expect(counts.get(`${seoul}/2021`)).toBe(1288);
    expect(counts.get(`${seoul}/2022`)).toBe(2485);
    const others = [...counts].filter(([k]) => !k.startsWith(`${seoul}/`)).map(([, n]) => n);
    expect(Math.max(...others)).toBeLessThan(1288);
  });

  it("has 27 supervisors with 5+ years, the 경상남도 2022 agreement of 320 as the largest, offices in every region", () => {
    const supervisors = directory.counselors.filter((c) => c.isSupervisor);
    expect(supervisors).toHaveLength(27);
    expect(supervisors.every((c) => c.yearsOfExperience >= 5)).toBe(true);
    const gyeongnam = directory.localJobCenters.find((c) => c.name === "경상남도 일자리종합센터")!;
    const top = [...directory.linkAgreements].sort((a, b) => b.quota - a.quota);
    expect(top[0]).toMatchObject({ localJobCenterId: gyeongnam.id, year: 2022, quota: 320 });
    expect(top[1].quota).toBeLessThan(320);
    for (const r of directory.regions) {
      expect(directory.index.localCentersByRegion.get(r.code)?.length).toBeGreaterThanOrEqual(2);
      expect(directory.index.coursesByRegion.get(r.code)?.length).toBeGreaterThan(0);
      expect(directory.index.partnersByRegion.get(r.code)?.size).toBe(4);
    }
    expect(directory.employmentCenters).toHaveLength(133);
  });
});

describe("press-release figures hold exactly for any run of 3,000 or more", () => {
  it.each([3000, 7777])("with %i participants", (n) => {
    const all = generateAll(n);
    const viaIncheon = (year: number) =>
      all.filter(
        (r) => r.participant.employmentCenterId === incheon && r.employment?.viaPlacement && yearOf(r.employment.employedOn) === year,
      ).length;
    expect(viaIncheon(2021)).toBe(181);
    expect(viaIncheon(2022)).toBe(500);
    const gwangmyeong2022 = all
      .flatMap((r) => r.outreach.map((o) => ({ o, p: r.participant })))
      .filter(({ o }) => o.localJobCenterId === gwangmyeongLocal && yearOf(o.discoveredOn) === 2022);
    expect(gwangmyeong2022).toHaveLength(148);
    for (const { o, p } of gwangmyeong2022)
      expect(o.participantId === p.id && p.regionCode === "41" && p.appliedOn >= o.discoveredOn).toBe(true);
    const everywhere = all.filter(
      (r) => r.outreach.some((o) => o.participantId === r.participant.id) && r.saeilEnrollment && r.welfareReferrals.length > 0,
    );
    expect(everywhere.length / n).toBeGreaterThanOrEqual(0.015);
    expect(everywhere.every((r) => r.participant.gender === "FEMALE")).toBe(true);
  });
});

describe("determinism", () => {
  const rowsOf = (seed: string, n: number) => {
    const generator = new ParticipantGenerator(seedKey(seed), directory, names, n);
    const rows = new ParticipantRows(new Map(directory.saeilCourses.map((c) => [c.id, c.saeilCenterId])));
    const batch = new RowBatch();
    for (let i = 0; i < n; i += 1) rows.write(generator.generate(i), batch);
    return [
      "participant",
      "counseling_session",
      "allowance_payment",
      "outreach",
      "welfare_referral",
      "participant_link",
      "participant_consent",
    ].map((t) => batch.bytes(t as "participant").toString("base64"));
  };

  it("gives byte-identical rows for the same seed and size, different rows for another seed", () => {
    expect(rowsOf("njsp-2022", 3000)).toEqual(rowsOf("njsp-2022", 3000));
    expect(rowsOf("njsp-2022", 3000)[0]).not.toEqual(rowsOf("other", 3000)[0]);
  });

  it("gives the same participant regardless of generation order", () => {
    const a = new ParticipantGenerator(key, directory, names, 5000);
    const b = new ParticipantGenerator(key, directory, names, 5000);
    for (let i = 0; i < 50; i += 1) b.generate(4000 + i);
    expect(b.generate(1234)).toEqual(a.generate(1234));
  });
});
