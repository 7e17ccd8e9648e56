import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { DateScalar } from "./scalars";

/** `Date` refuses a date the calendar does not have, as BAD_USER_INPUT, whether written in the query or in a variable. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: { on: { type: GraphQLString, args: { date: { type: DateScalar } }, resolve: (_source, { date }: { date: string }) => date } },
  }),
});

it("accepts a real date and passes it on as written", async () => {
  expect((await graphql({ schema, source: '{ on(date: "2024-02-29") }' })).data).toEqual({ on: "2024-02-29" });
  expect((await graphql({ schema, source: "query($d: Date) { on(date: $d) }", variableValues: { d: "2022-03-01" } })).data).toEqual({
    on: "2022-03-01",
  });
});

it("refuses 2022-02-30 written in the query with BAD_USER_INPUT", async () => {
  const result = await graphql({ schema, source: '{ on(date: "2022-02-30") }' });
  expect(result.errors?.map((e) => [e.message, e.extensions.code])).toEqual([
    ['Date must be a calendar date written YYYY-MM-DD, such as "2022-03-01"; got "2022-02-30".', "BAD_USER_INPUT"],
  ]);
});

it("refuses 2022-02-30 in a variable, and a number literal", async () => {
  const variable = await graphql({ schema, source: "query($d: Date) { on(date: $d) }", variableValues: { d: "2022-02-30" } });
  expect(variable.errors?.[0].message).toBe(
    'Variable "$d" got invalid value "2022-02-30"; Date must be a calendar date written YYYY-MM-DD, such as "2022-03-01"; got "2022-02-30".',
  );
  const number = await graphql({ schema, source: "{ on(date: 20220301) }" });
  expect(number.errors?.[0].message).toBe('Date must be a calendar date written YYYY-MM-DD, such as "2022-03-01"; got "20220301".');
});
