import { dateText } from "../calendar/days";
import type { Directory } from "../directory/directory";
import { bool, nullableNumber, nullableText, row, text, textArray } from "./copy-text";
import { RowBatch } from "./row-batch";

/** The directory of all four agencies as COPY rows. */
export function directoryRows(d: Directory): RowBatch {
  const batch = new RowBatch();
  for (const r of d.regions) batch.add("region", row([r.code, text(r.name), text(r.nameEn), r.kostatCode]));
  for (const c of d.employmentCenters) {
    batch.add(
      "employment_center",
      row([
        String(c.id),
        text(c.name),
        c.regionCode,
        text(c.address),
        nullableText(c.phone),
        nullableNumber(c.parentId),
        textArray(c.jurisdiction),
      ]),
    );
  }
  for (const c of d.counselors) {
    batch.add(
      "counselor",
      row([
        String(c.id),
        String(c.employmentCenterId),
        text(c.name),
        nullableText(c.contractedAgency),
        String(c.yearsOfExperience),
        bool(c.isSupervisor),
      ]),
    );
  }
  for (const c of d.workExperienceCompanies) {
    batch.add("work_experience_company", row([String(c.id), String(c.employmentCenterId), text(c.name), dateText(c.signedUpOn)]));
  }
  for (const c of d.localJobCenters) batch.add("local_job_center", row([String(c.id), text(c.name), c.regionCode, text(c.address)]));
  for (const a of d.linkAgreements) {
    batch.add("link_agreement", row([String(a.id), String(a.localJobCenterId), String(a.year), String(a.quota), dateText(a.signedOn)]));
  }
  for (const c of d.saeilCenters) batch.add("saeil_center", row([String(c.id), text(c.name), c.regionCode, text(c.address)]));
  for (const c of d.saeilCourses) {
    batch.add(
      "saeil_course",
      row([String(c.id), String(c.saeilCenterId), text(c.title), text(c.field), String(c.hours), dateText(c.startsOn)]),
    );
  }
  for (const p of d.welfarePartners) batch.add("welfare_partner", row([String(p.id), text(p.name), p.kind, p.regionCode, text(p.address)]));
  return batch;
}
