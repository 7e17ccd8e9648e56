import { LinkAgreement } from "./link-agreement/link-agreement.entity";
import { LocalJobCenter } from "./local-job-center/local-job-center.entity";
import { LocalServiceUse } from "./local-service-use/local-service-use.entity";
import { Outreach } from "./outreach/outreach.entity";

/** Every TypeORM entity of the local-job-centers database. */
export const entities = [LocalJobCenter, Outreach, LinkAgreement, LocalServiceUse];
