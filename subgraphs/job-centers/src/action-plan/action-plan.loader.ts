import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import { ActionPlan } from "./action-plan.entity";

export function createActionPlanLoaders(db: DataSource) {
  return {
    actionPlanByParticipant: rowLoader<string, ActionPlan>(
      (ids) => db.getRepository(ActionPlan).findBy({ participantId: In([...ids]) }),
      (plan) => plan.participantId,
    ),
  };
}
