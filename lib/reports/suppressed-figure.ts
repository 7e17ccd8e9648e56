import { GraphQLError } from "graphql";
import { SUPPRESSED } from "@lib/graphql/error-codes";
import { MIN_SHOWN, type SuppressionReason } from "./suppression";

/** What the reader is told; never the figure, nor anything that bounds it more than "below 5". */
const MESSAGES: Record<SuppressionReason, string> = {
  SMALL_CELL: `Suppressed: a count below ${MIN_SHOWN} could identify a person (PIPA §28-2).`,
  COMPLEMENTARY: `Suppressed: with the other figures shown, this one would reveal a count below ${MIN_SHOWN} by subtraction (PIPA §28-2).`,
};

/**
 * A withheld figure, held in the row where the count would be. GraphQL reports an Error found as a field's value as
 * that field's error, at its path, and answers the field null; so types and resolvers pass figures on unchanged.
 */
export class SuppressedFigure extends GraphQLError {
  constructor(readonly reason: SuppressionReason) {
    super(MESSAGES[reason], { extensions: { code: SUPPRESSED, reason } });
  }
}

/** A count of persons as published: the count, or the reason it is withheld. */
export type Figure = number | SuppressedFigure;
