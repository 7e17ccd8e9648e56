import { randomUUID } from "node:crypto";
import type { WriteRequest } from "./send-writes";

/**
 * The mutations the write phase sends, written as a client writes them (one operation, named, input as a variable)
 * and selecting what a client reads back. Every request gets a fresh idempotency key, as a client makes one per new
 * request: no request is a retry of another.
 */
const SELECTIONS: Record<string, string> = {
  applyForProgram: "id version stage",
  recordCounselingSession: "id heldOn",
  recordJobSearchActivity: "id doneOn",
  payAllowance: "month amountWon paidOn",
  recordEmployment: "id version stage",
  createReferral: "id status",
};

export type WriteMutation = keyof typeof SELECTIONS;

const documents = new Map<string, string>();

/** The operation text of a mutation: `mutation <Name>($input: <Name>Input!) { <name>(input: $input) { … } }`. */
export function mutationDocument(mutation: string): string {
  let text = documents.get(mutation);
  if (text === undefined) {
    const selection = SELECTIONS[mutation];
    if (!selection) throw new Error(`no selection for mutation ${mutation}`);
    const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}`;
    text = `mutation ${type}($input: ${type}Input!) { ${mutation}(input: $input) { ${selection} } }`;
    documents.set(mutation, text);
  }
  return text;
}

/** A request of `mutation` with `input` (a fresh idempotency key added), carrying `token`. */
export function writeRequest(mutation: string, input: Record<string, unknown>, token: string): WriteRequest {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}`;
  const body = JSON.stringify({
    operationName: type,
    query: mutationDocument(mutation),
    variables: { input: { idempotencyKey: randomUUID(), ...input } },
  });
  return { mutation, body, token };
}
